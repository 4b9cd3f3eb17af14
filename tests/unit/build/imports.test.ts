// @vitest-environment node
// The layout's import rules, read from the source itself (no new dependency): no import cycles in the product,
// the product never imports the virtual farm, and a CLI command reaches the core through the dispatcher, not a
// feature's internals.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const PRODUCT = ['electron', 'renderer', 'shared'];

/** What a CLI command may import besides shared/ and its own folder: building the core, serving, logging, passwd. */
const CLI_ALLOWED = new Set([
  'electron/core.ts',
  'electron/headless-core.ts',
  'electron/paths.ts',
  'electron/server/index.ts',
  'electron/server/password.ts',
  'electron/discovery/ip-report.ts',
  'electron/log/logger.ts',
]);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

// Static and dynamic imports and re-exports; a comment mentioning an import is not one (no quotes after `from`).
const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
const SIDE_EFFECT = /^import\s+['"]([^'"]+)['"]/gm;

function specifiers(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) out.push((m[1] ?? m[2]) as string);
  for (const m of text.matchAll(SIDE_EFFECT)) out.push(m[1] as string);
  return out;
}

/** A relative specifier → the repository file it names (null for packages and node: modules). */
function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = join(dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    const full = join(ROOT, candidate);
    if (existsSync(full) && statSync(full).isFile()) return relative(ROOT, full);
  }
  return relative(ROOT, join(ROOT, base));
}

/** The core's state, which a CLI command reads and changes only through dispatch (hosting needs the rest). */
const CORE_STATE = /\bcore\.(history|db|registry|settings|passwords|alerts)\b/g;

function stateReaches(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(CORE_STATE)].map((m) => `${file}: ${m[0]}`);
}

const files = PRODUCT.flatMap(sources);
const graph = new Map(
  files.map((f) => [
    f,
    specifiers(f)
      .map((s) => resolveImport(f, s))
      .filter((t): t is string => t !== null),
  ]),
);

function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      const s = state.get(next);
      if (s === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

describe('import rules', () => {
  it('finds the product files and their imports', () => {
    expect(files).toContain('electron/core.ts');
    expect(graph.get('electron/core.ts')).toContain('electron/collector/collector.ts');
  });

  it('has no import cycle in electron/, renderer/ or shared/', () => {
    expect(cycles().map((c) => c.join(' → '))).toEqual([]);
  });

  it('never imports the virtual farm (sim/) from the product', () => {
    const bad = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => t.startsWith('sim/')).map((t) => `${file} → ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it('lets a CLI command reach the core only through the dispatcher, not a feature’s internals', () => {
    const bad = [...graph]
      .filter(([file]) => file.startsWith('electron/cli/'))
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => !t.startsWith('shared/') && !t.startsWith('electron/cli/') && !CLI_ALLOWED.has(t))
          .map((t) => `${file} → ${t}`),
      );
    expect(bad).toEqual([]);
  });

  it('never lets a CLI command import the store, and reaches the core’s state only through dispatch', () => {
    const cli = files.filter((f) => f.startsWith('electron/cli/'));
    expect(cli).toContain('electron/cli/export.ts');
    const imports = cli.flatMap((file) =>
      (graph.get(file) ?? []).filter((t) => t.startsWith('electron/store/')).map((t) => `${file} → ${t}`),
    );
    expect(imports).toEqual([]);
    expect('await core.history.exportCsv(q)'.match(CORE_STATE)).toEqual(['core.history']);
    expect(cli.flatMap(stateReaches)).toEqual([]);
  });
});
