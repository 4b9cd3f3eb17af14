/**
 * History store benchmarks (issue 5): ingest through writeCycle, maintain(), the two history queries the UI
 * opens most, and the file size per rig-year at default retention. Real files in a temp dir, WAL, as RigDeck
 * opens them (openDb). Medians over several runs or calls; times exclude building the synthetic batches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { type Db, openDb } from '../electron/store/db';
import { createHistoryStore } from '../electron/store/history';
import type { HistoryStore, Retention } from '../electron/store/history-types';
import { historyMetrics } from '../shared/telemetry';
import { loadBatch, prng, rigIds } from './lib/history-load';
import { median, round } from './lib/stats';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const POLL = 15 * SEC;
const DEFAULT_RETENTION: Retention = { rawHours: 48, fiveMinuteDays: 30, hourlyDays: 730 };
/** A Monday at midnight UTC, so simulated buckets and hours line up with the wall clock's. */
const START = Date.UTC(2026, 0, 5);

type Open = { db: Db; store: HistoryStore; close: () => void };

function openTemp(): Open {
  const dir = mkdtempSync(join(tmpdir(), 'rigdeck-bench-history-'));
  const db = openDb(dir);
  return {
    db,
    store: createHistoryStore(db),
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * 1,000 rigs × 3 chains = 4,000 rows per cycle as handed over (since migration 0010 a rig's chains are stored
 * packed on its sample's row; the rate still counts every sample and chain), into a file that already holds an
 * hour of them. Raw retention is 1 h here so the measured maintain() calls do their steady-state work: fold one
 * 5-minute bucket of 1,000 rigs (rig and fleet rows), fold an hour when one completes, and delete one bucket of
 * raw samples with their chains.
 */
function ingestBench(): { ingest_rows_per_s: number; maintain_ms: number } {
  const { store, close } = openTemp();
  const ids = rigIds(1000);
  const rnd = prng(1);
  const retention = { ...DEFAULT_RETENTION, rawHours: 1 };
  let t = START;
  let cycle = 0;
  const step = (timed: { ms: number; rows: number } | null, maintains: number[]) => {
    const batch = loadBatch(ids, [t], 3, rnd);
    const began = performance.now();
    store.writeCycle(batch);
    if (timed) {
      timed.ms += performance.now() - began;
      timed.rows += batch.samples.length + batch.chains.length;
    }
    t += POLL;
    if (++cycle % 20 === 0) {
      const m = performance.now();
      store.maintain(t, retention);
      if (timed) maintains.push(performance.now() - m);
    }
  };
  const unused: number[] = [];
  for (let i = 0; i < 260; i++) step(null, unused);
  const rates: number[] = [];
  const maintains: number[] = [];
  for (let run = 0; run < 5; run++) {
    const timed = { ms: 0, rows: 0 };
    for (let i = 0; i < 40; i++) step(timed, maintains);
    rates.push((timed.rows / timed.ms) * 1000);
  }
  close();
  return { ingest_rows_per_s: Math.round(median(rates)), maintain_ms: round(median(maintains), 2) };
}

/**
 * 1,000 rigs and 31 days of history, then the rig page's 24 h chart and the fleet page's 30 d chart with all
 * seven metrics. History older than 26 h is written at one sample per rig per hour, the last 26 h at one per
 * 5 minutes (both queries read rollup rows, whose count is the same as at 15 s), the last 15 min at 15 s;
 * maintain() runs every 5 simulated minutes, so queries also compute an unfolded tail, as they do live.
 */
function queryBench(): { query_rig_24h_ms: number; query_fleet_30d_ms: number } {
  const { store, close } = openTemp();
  const ids = rigIds(1000);
  const rnd = prng(2);
  const now = START + 31 * DAY;
  for (let t = START; t < now - 26 * HOUR; t += HOUR) {
    store.writeCycle(loadBatch(ids, [t], 0, rnd));
    store.maintain(t + 1, DEFAULT_RETENTION);
  }
  let k = 0;
  for (let t = now - 26 * HOUR; t < now - 15 * MIN; t += 5 * MIN) {
    store.writeCycle(loadBatch(ids, [t], 0, rnd));
    if (++k % 12 === 0) store.maintain(t + 1, DEFAULT_RETENTION);
  }
  for (let t = now - 15 * MIN; t < now; t += POLL) {
    store.writeCycle(loadBatch(ids, [t], 3, rnd));
    if (++k % 20 === 0) store.maintain(t, DEFAULT_RETENTION);
  }
  const metrics = [...historyMetrics];
  const time = (f: () => void) => {
    const began = performance.now();
    f();
    return performance.now() - began;
  };
  const rigTimes: number[] = [];
  const fleetTimes: number[] = [];
  for (let i = 0; i < 60; i++) {
    const rigId = ids[(i * 37) % ids.length] ?? null;
    rigTimes.push(time(() => store.query({ rigId, metrics, fromMs: now - DAY, toMs: now })));
    fleetTimes.push(time(() => store.query({ rigId: null, metrics, fromMs: now - 30 * DAY, toMs: now })));
  }
  close();
  // The first calls compile statements and warm the page cache; the UI pays that once, not per chart.
  return {
    query_rig_24h_ms: round(median(rigTimes.slice(10)), 2),
    query_fleet_30d_ms: round(median(fleetTimes.slice(10)), 2),
  };
}

/**
 * A simulated year for 10 rigs × 3 chains at default retention (raw 48 h, 5-minute rows 30 days, hours for
 * the whole year), maintain() running as it would. The first 362 days are written at one sample per 5 minutes
 * in hourly batches (every bucket and hour gets its row, as at 15 s; only the sample count n is smaller, at
 * most 1 byte less per hourly row); the last 3 days at 15 s, one transaction per cycle, with chains. The size
 * is the file's used pages after VACUUM minus an empty file's, per rig; fleet tables are shared by 10 rigs here.
 */
function sizeBench(): { db_mb_per_rig_year: number; db_mb_per_rig_year_before_vacuum: number } {
  const RIGS = 10;
  const empty = openTemp();
  const emptyBytes = usedBytes(empty.db);
  empty.close();
  const { db, store, close } = openTemp();
  const ids = rigIds(RIGS);
  const rnd = prng(3);
  const end = START + 365 * DAY;
  const dense = end - 3 * DAY;
  for (let t = START; t < dense; t += HOUR) {
    const times = Array.from({ length: 12 }, (_, i) => t + i * 5 * MIN);
    store.writeCycle(loadBatch(ids, times, 0, rnd, 0));
    store.maintain(t + HOUR, DEFAULT_RETENTION);
  }
  let k = 0;
  for (let t = dense; t < end; t += POLL) {
    store.writeCycle(loadBatch(ids, [t], 3, rnd));
    if (++k % 20 === 0) store.maintain(t, DEFAULT_RETENTION);
  }
  store.maintain(end, DEFAULT_RETENTION);
  const before = usedBytes(db);
  db.$client.exec('VACUUM');
  const after = usedBytes(db);
  const perTable = db.$client
    .prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 8')
    .all() as { name: string; bytes: number }[];
  console.log(
    `  history size by table (${RIGS} rigs, 1 year): ` +
      perTable.map((r) => `${r.name} ${(r.bytes / 2 ** 20).toFixed(2)} MB`).join(', '),
  );
  close();
  const perRig = (bytes: number) => round((bytes - emptyBytes) / RIGS / 2 ** 20, 2);
  return { db_mb_per_rig_year: perRig(after), db_mb_per_rig_year_before_vacuum: perRig(before) };
}

function usedBytes(db: Db): number {
  const c = db.$client;
  c.pragma('wal_checkpoint(TRUNCATE)');
  const pages =
    Number(c.pragma('page_count', { simple: true })) - Number(c.pragma('freelist_count', { simple: true }));
  return pages * Number(c.pragma('page_size', { simple: true }));
}

export async function runHistoryBench(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [name, part] of [
    ['ingest', ingestBench],
    ['queries', queryBench],
    ['size', sizeBench],
  ] as const) {
    const began = performance.now();
    Object.assign(result, part());
    console.log(`  history ${name}: ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
  return result;
}
