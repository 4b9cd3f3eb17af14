/**
 * bench/results/latest.json is one flat map of metric to number shared by every bench entry point
 * (`npm run bench`, `npm run fuzz`, `npm run soak`): each merges its own figures in and keeps the others'.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULTS_DIR = join(import.meta.dirname, '..', 'results');
const LATEST = join(RESULTS_DIR, 'latest.json');

function readLatest(): Record<string, number> {
  if (!existsSync(LATEST)) return {};
  const parsed: unknown = JSON.parse(readFileSync(LATEST, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

/** Writes `metrics` over the same keys in latest.json, keeping every other key. */
export function mergeLatest(metrics: Record<string, number>): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(LATEST, `${JSON.stringify({ ...readLatest(), ...metrics }, null, 2)}\n`);
}

/** Today as YYYY-MM-DD, for dated reports. */
export const today = (): string => new Date().toISOString().slice(0, 10);
