// @vitest-environment node
/**
 * Crash safety: a child process ingests poll cycles into a real file and is killed with SIGKILL at a random
 * moment, again and again on the same file. Every time the file must pass integrity_check and hold every cycle
 * the child reported committed, plus at most the one in flight, each one whole (all rigs, chains and its event).
 */
import { rmSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { openDb } from '../../../electron/store/db';
import { createHistoryStore } from '../../../electron/store/history';
import { tempDir } from '../../helpers/core';
import { DEFAULT_RETENTION, T0 } from '../../helpers/history';
import { cyclesIn, ingestAndKill } from './crash-harness';

const RIGS = 500;
const KILLS = 20;

describe('history store crash safety', () => {
  it('loses at most the cycle in flight when killed with SIGKILL during heavy ingest, many times', async () => {
    const dir = tempDir('rigdeck-crash-');
    const deadline = Date.now() + 90_000;
    let committed = 0;
    let kills = 0;
    while (kills < KILLS && Date.now() < deadline) {
      const run = await ingestAndKill(dir, committed + 1, Math.floor(Math.random() * 400), RIGS);
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
