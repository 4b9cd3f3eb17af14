/**
 * The crash harness shared by the crash test and `npm run soak -- --kill9 N`: runs ingest-child.ts on a data
 * directory, kills it with SIGKILL a while after it has committed a few cycles, and reads back which cycles
 * the file holds (and whether it passes integrity_check).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import Database from 'better-sqlite3';

import { unpackChains } from '../../../electron/store/chain-codec';
import { DB_FILE } from '../../../electron/store/db';
import { T0 } from '../../helpers/history';

const CHILD = join(import.meta.dirname, 'ingest-child.ts');
const ROOT = join(import.meta.dirname, '..', '..', '..');

export type Run = { lastCommitted: number; signal: NodeJS.Signals | null; stderr: string };

/** Starts the child at `first`, waits until it has committed a few cycles, then kills it after `delayMs` more. */
export function ingestAndKill(dir: string, first: number, delayMs: number, rigs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(first), String(rigs)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let last = first - 1;
    let buffered = '';
    let stderr = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line) last = Number(line);
      if (!armed && last >= first + 2) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ lastCommitted: last, signal, stderr }));
  });
}

/** Cycle number → rows of each kind it holds, read straight from the file after the crash. */
export function cyclesIn(dir: string): { integrity: unknown; cycles: Map<number, number[]> } {
  const db = new Database(join(dir, DB_FILE));
  try {
    const integrity = db.prepare('PRAGMA integrity_check').pluck().get();
    const cycles = new Map<number, number[]>();
    const add = (t: number, kind: number, n: number) => {
      const i = (t - T0) / 15_000;
      const row = cycles.get(i) ?? [0, 0, 0];
      row[kind] = n;
      cycles.set(i, row);
    };
    const perSecond = (table: string) =>
      db
        .prepare<[], [number, number]>(
          `SELECT (minute * 60 + second) * 1000, count(*) FROM ${table} GROUP BY minute, second`,
        )
        .raw(true)
        .all();
    for (const [t, n] of perSecond('rig_samples')) add(t, 0, n);
    const chains = db
      .prepare<[], [number, Buffer | null]>('SELECT (minute * 60 + second) * 1000, chains FROM rig_samples')
      .raw(true);
    const chainsAt = new Map<number, number>();
    for (const [t, packed] of chains.all())
      chainsAt.set(t, (chainsAt.get(t) ?? 0) + unpackChains(packed).length);
    for (const [t, n] of chainsAt) add(t, 1, n);
    const events = db
      .prepare<[], [number, number]>('SELECT at_ms, count(*) FROM events GROUP BY at_ms')
      .raw(true);
    for (const [t, n] of events.all()) add(t, 2, n);
    return { integrity, cycles };
  } finally {
    db.close();
  }
}
