import { cpSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

import { defineConfig } from 'vite';

import pkg from './package.json' with { type: 'json' };

// Three builds. --mode main, --mode preload: the main process as ESM, the preload as CommonJS, because a
// sandboxed preload cannot load modules, so everything it uses (the contract, zod) is bundled into it.
// --mode cli: the command line and the headless face (dist/cli/rigdeck.js), so neither compiles TypeScript
// when it starts; it sits two levels below the root like electron/cli/*.ts, so the paths it resolves from
// import.meta.url (dist/renderer, ./migrations) hold in both. Runtime dependencies stay external and ship in
// node_modules (better-sqlite3 unpacked from the asar).
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

const cli = defineConfig({
  build: {
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    lib: { entry: 'electron/cli/index.ts', formats: ['es'], fileName: () => 'rigdeck.js' },
    rollupOptions: {
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      // package.json "bin": the entry runs as a program.
      output: { banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : '') },
    },
  },
  plugins: [
    (() => {
      let outDir = 'dist/cli';
      return {
        name: 'rigdeck-migrations',
        configResolved(config: { build: { outDir: string } }) {
          outDir = config.build.outDir;
        },
        // The bundle's db module looks for ./migrations beside itself (electron/store/db.ts).
        closeBundle() {
          cpSync('electron/store/migrations', join(outDir, 'migrations'), { recursive: true });
        },
      };
    })(),
  ],
});

export default defineConfig(({ mode }) => {
  if (mode === 'cli') return cli;
  const preload = mode === 'preload';
  return {
    build: {
      outDir: 'dist/electron',
      emptyOutDir: !preload,
      target: 'node20',
      sourcemap: true,
      minify: false,
      lib: preload
        ? { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' }
        : { entry: 'electron/main.ts', formats: ['es'], fileName: () => 'main.js' },
      rollupOptions: {
        external: preload ? ['electron'] : (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      },
    },
  };
});
