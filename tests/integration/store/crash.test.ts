// @vitest-environment node
/**
 * Crash safety: a child process ingests poll cycles into a real file and is killed with SIGKILL at a random
 * moment, again and again on the same file. Every time the file must pass integrity_check and hold every cycle
 * the child reported committed, plus at most the one in flight, each one whole (all rigs, chains and its event).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

import { DB_FILE, openDb } from '../../../electron/store/db';
import { createHistoryStore } from '../../../electron/store/history';
import { tempDir } from '../../helpers/core';
import { DEFAULT_RETENTION, T0 } from '../../helpers/history';

const RIGS = 500;
const KILLS = 20;
const CHILD = join(import.meta.dirname, 'ingest-child.ts');
const ROOT = join(import.meta.dirname, '..', '..', '..');

type Run = { lastCommitted: number; signal: NodeJS.Signals | null; stderr: string };

/** Starts the child at `first`, waits until it has committed a few cycles, then kills it after `delayMs` more. */
function ingestAndKill(dir: string, first: number, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, String(first), String(RIGS)], {
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
function cyclesIn(dir: string): { integrity: unknown; cycles: Map<number, number[]> } {
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
    for (const [t, n] of perSecond('chain_samples')) add(t, 1, n);
    const events = db
      .prepare<[], [number, number]>('SELECT at_ms, count(*) FROM events GROUP BY at_ms')
      .raw(true);
    for (const [t, n] of events.all()) add(t, 2, n);
    return { integrity, cycles };
  } finally {
    db.close();
  }
}

describe('history store crash safety', () => {
  it('loses at most the cycle in flight when killed with SIGKILL during heavy ingest, many times', async () => {
    const dir = tempDir('rigdeck-crash-');
    const deadline = Date.now() + 90_000;
    let committed = 0;
    let kills = 0;
    while (kills < KILLS && Date.now() < deadline) {
      const run = await ingestAndKill(dir, committed + 1, Math.floor(Math.random() * 400));
      expect(run.signal, run.stderr).toBe('SIGKILL');
      kills++;
      const { integrity, cycles } = cyclesIn(dir);
      expect(integrity).toBe('ok');
      const last = Math.max(...cycles.keys());
      expect(
        last === run.lastCommitted || last === run.lastCommitted + 1,
        `${last} vs ${run.lastCommitted}`,
      ).toBe(true);
      // Every cycle from the first to the last is there, and whole.
      expect(cycles.size).toBe(last);
      for (const [i, rows] of cycles) expect(rows, `cycle ${i}`).toEqual([RIGS, 3 * RIGS, 1]);
      committed = last;
    }
    expect(kills).toBeGreaterThanOrEqual(5);

    // The rollups the killed children left half-way are finished correctly by the next maintain().
    const db = openDb(dir);
    createHistoryStore(db).maintain(T0 + (committed + 40) * 15_000, DEFAULT_RETENTION);
    const one = (sql: string) => db.$client.prepare(sql).pluck().get();
    expect(one('SELECT sum(n) FROM rig_samples_5m')).toBe(committed * RIGS);
    expect(one('SELECT sum(n) FROM fleet_samples_5m')).toBe(one('SELECT count(*) FROM rig_samples_5m'));
    db.$client.close();
    rmSync(dir, { recursive: true, force: true }); // tens of MB; kept when the test fails, for a look
  }, 180_000);
});
