/**
 * The built CLI (dist/cli/rigdeck.js) runs without compiling TypeScript; in a checkout, a bundle older than the
 * sources would silently run yesterday's code, so it says so. Costs a few ms of stat calls, only in a checkout.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time (ms) of any .ts file under the given folders; 0 when there is none. */
export function newestSourceMs(dirs: readonly string[]): number {
  let newest = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return newest;
}

/** A warning when `bundle` is older than the sources under `root`; null when fresh or not in a checkout. */
export function staleBundleWarning(bundle: string, root: string): string | null {
  const sources = ['electron', 'shared'].map((d) => join(root, d));
  if (!sources.every((d) => existsSync(d))) return null;
  if (newestSourceMs(sources) <= statSync(bundle).mtimeMs) return null;
  return 'rigdeck: the built CLI is older than the sources; run `npm run build:cli` (running the old build).';
}
