/** Synthetic poll cycles for the history store's tests and its crash-test child (so: no heavy imports here). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Db, openDb } from '../../electron/store/db';
import { type StoredChain } from '../../electron/store/chain-codec';
import { createHistoryStore } from '../../electron/store/history';
import type {
  ChainSampleRow,
  CycleBatch,
  HistoryStore,
  Retention,
  RigSampleRow,
} from '../../electron/store/history-types';

/** 2026-01-01T00:00:00Z: on an hour (and so a 5-minute) boundary, which makes bucket arithmetic readable. */
export const T0 = Date.UTC(2026, 0, 1);
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
export const DEFAULT_RETENTION: Retention = { rawHours: 48, fiveMinuteDays: 30, hourlyDays: 730 };

export function sample(rigId: string, takenAtMs: number, over: Partial<RigSampleRow> = {}): RigSampleRow {
  return {
    rigId,
    takenAtMs,
    hashrateMhs: 9500,
    powerW: 3400,
    efficiencyJPerMh: 0.3579,
    chipTempMaxC: 75.3,
    boardTempMaxC: 65.1,
    fanRpmMin: 5400,
    poolHashrateMhs: 9400,
    minerState: 'mining',
    ...over,
  };
}

export function chain(rigId: string, takenAtMs: number, chainId: number): ChainSampleRow {
  return {
    rigId,
    takenAtMs,
    chainId,
    state: 'mining',
    hashrateMhs: 3166.7,
    chipTempMaxC: 75.25,
    boardTempMaxC: 65,
    frequencyMhz: 487.5,
    voltageMv: 13500,
    chipsRed: 0,
    chipsOrange: 2,
  };
}

export function cycle(rigIds: readonly string[], takenAtMs: number, chains = 0): CycleBatch {
  return {
    samples: rigIds.map((id) => sample(id, takenAtMs)),
    chains: rigIds.flatMap((id) => Array.from({ length: chains }, (_, c) => chain(id, takenAtMs, c + 1))),
    events: [],
  };
}

export const batch = (samples: RigSampleRow[]): CycleBatch => ({ samples, chains: [], events: [] });

export function historyStore(dir = mkdtempSync(join(tmpdir(), 'rigdeck-history-'))): {
  db: Db;
  store: HistoryStore;
  dir: string;
} {
  const db = openDb(dir);
  return { db, store: createHistoryStore(db), dir };
}

/** Every row of a table as plain objects, ordered by its key, for comparing snapshots. */
export function tableRows(db: Db, table: string, order: string): unknown[] {
  return db.$client.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
}

/** One chain as stored (an L7 board's typical figures, in stored units), with the fields a test sets. */
export const storedChain = (over: Partial<StoredChain> = {}): StoredChain => ({
  chain: 1,
  state: 0,
  hashrateMhs: 3167,
  chipTempDc: 753,
  boardTempDc: 650,
  frequencyDmhz: 4875,
  voltageMv: 13500,
  chipsRed: 0,
  chipsOrange: 2,
  ...over,
});
