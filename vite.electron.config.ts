import { builtinModules } from 'node:module';

import { defineConfig } from 'vite';

import pkg from './package.json' with { type: 'json' };

// Two builds (--mode main, --mode preload): the main process as ESM, the preload as CommonJS, because a
// sandboxed preload cannot load modules, so everything it uses (the contract, zod) is bundled into it.
// Runtime dependencies stay external and ship in node_modules (better-sqlite3 unpacked from the asar).
const external = [
  'electron',
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
];

export default defineConfig(({ mode }) => {
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
