// @vitest-environment node
/**
 * The CLI as shipped: dist/cli/rigdeck.js built by vite (`npm run build:cli`), run by plain node with no
 * TypeScript loader. Built here into a folder of its own two levels below the root, like dist/cli, so the
 * bundle resolves node_modules, its migrations and dist/renderer the way the real one does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { tempDir } from '../../helpers/core';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let outDir: string;
let bundle: string;

const run = (args: string[]) =>
  spawnSync(process.execPath, [bundle, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

beforeAll(() => {
  const parent = join(ROOT, 'test-results');
  if (!existsSync(parent)) execFileSync('mkdir', ['-p', parent]);
  outDir = mkdtempSync(join(parent, 'cli-bundle-'));
  bundle = join(outDir, 'rigdeck.js');
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'vite'),
    [
      'build',
      '--config',
      'vite.electron.config.ts',
      '--mode',
      'cli',
      '--logLevel',
      'error',
      '--outDir',
      outDir,
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('the built CLI', () => {
  it('starts with plain node: help lists every command, a command loads its own help', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    for (const c of ['serve', 'scan', 'status', 'export', 'alerts', 'run', 'audit', 'passwd'])
      expect(help.stdout).toContain(`  ${c}`);
    const serve = run(['help', 'serve']);
    expect(serve.status).toBe(0);
    expect(serve.stdout).toContain('npm run serve --');
  });

  it('opens a data directory with the migrations it carries', () => {
    const dir = tempDir('rigdeck-bundle-');
    const status = run(['status', '--json', '--data', dir]);
    expect(status.status).toBe(0);
    expect(existsSync(join(dir, 'rigdeck.db'))).toBe(true);
  });

  it('says so when a source file is newer than the bundle', () => {
    // Older than every source (the checkout is younger than a day at most in CI, a year is safe).
    const yearAgo = new Date(Date.now() - 365 * 24 * 3_600_000);
    utimesSync(bundle, yearAgo, yearAgo);
    expect(run(['--help']).stderr).toContain('older than the sources');
    const later = new Date(Date.now() + 60_000);
    utimesSync(bundle, later, later);
    expect(run(['--help']).stderr).not.toContain('older than the sources');
  });

  it('refuses an unknown command with the usage', () => {
    const bad = run(['frobnicate']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown command "frobnicate"');
  });
});
