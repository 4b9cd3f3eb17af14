/**
 * The history store behind the collector seam (history-types.ts): one transaction per poll cycle through
 * prepared better-sqlite3 statements (the hot path; drizzle for the rest), rollups and retention in maintain(),
 * and queries that pick their resolution. Everything here is synchronous, so no transaction spans an await.
 */
import { and, desc, eq, gte, lt } from 'drizzle-orm';

import type { HistoryQuery, HistoryResult } from '../../shared/telemetry';
import { csvHeader, csvRow } from './csv';
import type { Db } from './db';
import {
  MINUTES_PER_BUCKET,
  allMetrics,
  chainStateCodes,
  decode,
  encode,
  metricCodecs,
  minerStateCodes,
  minuteOf,
  toSeconds,
} from './history-codec';
import { type QueryRows, horizons, pickResolution, prepareQuery, readRows } from './history-query';
import { sql } from './history-sql';
import type { CycleBatch, HistoryStore, RigEventRow } from './history-types';
import { preparePrune, planPrune, runPrune } from './retention';
import { planFolds, prepareRollup, readState, runFolds } from './rollup';
import { events, rigs } from './schema';

const validTime = (ms: number) => Number.isFinite(ms) && ms >= 0;
const { hashrate_mhs, power_w, efficiency_j_per_mh, chip_temp_max_c, board_temp_max_c, fan_rpm_min } =
  metricCodecs;
const pool = metricCodecs.pool_hashrate_mhs;

export function createHistoryStore(db: Db): HistoryStore {
  const sqlite = db.$client;
  const roll = prepareRollup(sqlite);
  roll.ensureState.run();
  const prune = preparePrune(sqlite);
  const qs = prepareQuery(sqlite);
  const insertSample = sqlite.prepare(sql.insertSample);
  const insertChain = sqlite.prepare(sql.insertChain);
  const insertEvent = sqlite.prepare<[string | null, number, string, string, string | null]>(
    'INSERT INTO events (rig_id, at_ms, kind, text, liveness) VALUES (?, ?, ?, ?, ?)',
  );
  const insertKey = sqlite.prepare<[string]>('INSERT OR IGNORE INTO rig_keys (rig_id) VALUES (?)');
  const foldLine = sqlite
    .prepare<[], [number | null, number | null]>(
      'SELECT buckets_done_to, raw_pruned_to FROM rollup_state WHERE id = 1',
    )
    .raw(true);

  /** Rig id → integer key. Rolled back with the transaction that created it, hence cleared on failure. */
  const keys = new Map<string, number>();
  const keyOf = (rigId: string): number => {
    let key = keys.get(rigId);
    if (key === undefined) {
      insertKey.run(rigId);
      key = qs.rigKey.get(rigId) ?? undefined;
      if (key === undefined) throw new Error(`no key for rig ${rigId}`);
      keys.set(rigId, key);
    }
    return key;
  };

  const writeTx = sqlite.transaction((batch: CycleBatch) => {
    const [doneTo, prunedTo] = foldLine.get() ?? [null, null];
    // Buckets raw no longer holds cannot be folded again; a sample for one would only be deleted.
    const tooOld = (b: number) => prunedTo !== null && b < prunedTo;
    let lateFrom = Infinity;
    let lateTo = -Infinity;
    for (const s of batch.samples) {
      if (!validTime(s.takenAtMs)) continue;
      const t = toSeconds(s.takenAtMs);
      const m = minuteOf(t);
      const b = Math.floor(m / MINUTES_PER_BUCKET);
      if (tooOld(b)) continue;
      if (doneTo !== null && b < doneTo) {
        lateFrom = Math.min(lateFrom, b);
        lateTo = Math.max(lateTo, b);
      }
      insertSample.run(
        m,
        keyOf(s.rigId),
        t - m * 60,
        encode(s.hashrateMhs, hashrate_mhs.scale),
        encode(s.powerW, power_w.scale),
        encode(s.efficiencyJPerMh, efficiency_j_per_mh.scale),
        encode(s.chipTempMaxC, chip_temp_max_c.scale),
        encode(s.boardTempMaxC, board_temp_max_c.scale),
        encode(s.fanRpmMin, fan_rpm_min.scale),
        encode(s.poolHashrateMhs, pool.scale),
        minerStateCodes[s.minerState] ?? minerStateCodes.unknown,
      );
    }
    for (const c of batch.chains) {
      if (!validTime(c.takenAtMs) || !Number.isInteger(c.chainId)) continue;
      const t = toSeconds(c.takenAtMs);
      const m = minuteOf(t);
      if (tooOld(Math.floor(m / MINUTES_PER_BUCKET))) continue;
      insertChain.run(
        m,
        keyOf(c.rigId),
        t - m * 60,
        c.chainId,
        chainStateCodes[c.state] ?? chainStateCodes.unknown,
        encode(c.hashrateMhs, 1),
        encode(c.chipTempMaxC, 10),
        encode(c.boardTempMaxC, 10),
        encode(c.frequencyMhz, 10),
        encode(c.voltageMv, 1),
        encode(c.chipsRed, 1),
        encode(c.chipsOrange, 1),
      );
    }
    for (const e of batch.events) {
      if (!validTime(e.atMs)) continue;
      insertEvent.run(e.rigId, Math.round(e.atMs), e.kind, e.text, e.liveness ?? null);
    }
    if (lateFrom <= lateTo) roll.markDirty.run({ from: lateFrom, to: lateTo });
  });

  const read = (q: HistoryQuery): QueryRows | null => {
    if (!(q.toMs > q.fromMs)) return null;
    const rig = q.rigId === null ? null : (qs.rigKey.get(q.rigId) ?? null);
    const resolution =
      q.resolution ??
      pickResolution(
        { fromMs: q.fromMs, toMs: q.toMs, fleet: q.rigId === null, rigCount: qs.rigCount.get() ?? 0 },
        horizons(qs),
      );
    if (q.rigId !== null && rig === null) return { resolution, rows: [] };
    return readRows(qs, q, rig, resolution, readState(roll));
  };

  /** avg, min, max of each requested metric, decoded to its unit, in request order. */
  const pick = (q: HistoryQuery) =>
    q.metrics.map((m) => ({ metric: m, at: 2 + 3 * allMetrics.indexOf(m), scale: metricCodecs[m].scale }));

  return {
    writeCycle(batch) {
      try {
        writeTx(batch);
      } catch (err) {
        keys.clear();
        throw err;
      }
    },

    maintain(nowMs, retention) {
      const state = readState(roll);
      const nowS = toSeconds(nowMs);
      const plan = planFolds(state, nowS, roll.oldestRawBucket.get() ?? null);
      runFolds(sqlite, roll, plan);
      runPrune(sqlite, prune, planPrune(nowS, retention, plan, state));
    },

    query(q): HistoryResult {
      const res = read(q);
      const cols = pick(q);
      if (!res)
        return {
          resolution: q.resolution ?? 'raw',
          series: cols.map((c) => ({ metric: c.metric, points: [] })),
        };
      return {
        resolution: res.resolution,
        series: cols.map((c) => ({
          metric: c.metric,
          points: res.rows.map((r) => [
            r[0] ?? 0,
            decode(r[c.at] ?? null, c.scale),
            decode(r[c.at + 1] ?? null, c.scale),
            decode(r[c.at + 2] ?? null, c.scale),
          ]),
        })),
      };
    },

    exportCsv(q, write) {
      write(csvHeader(q.metrics));
      const res = read(q);
      if (!res) return 0;
      const cols = pick(q);
      const name =
        q.rigId === null
          ? null
          : (db.select({ name: rigs.name }).from(rigs).where(eq(rigs.id, q.rigId)).get()?.name ?? null);
      for (const r of res.rows) {
        const values = cols.flatMap((c) => [0, 1, 2].map((k) => decode(r[c.at + k] ?? null, c.scale)));
        write(csvRow(r[0] ?? 0, res.resolution, { rigId: q.rigId, rigName: name }, values));
      }
      return res.rows.length;
    },

    events(rigId, fromMs, toMs, limit): RigEventRow[] {
      const rows = db
        .select()
        .from(events)
        .where(
          and(
            rigId === null ? undefined : eq(events.rigId, rigId),
            gte(events.atMs, fromMs),
            lt(events.atMs, toMs),
          ),
        )
        .orderBy(desc(events.atMs), desc(events.id))
        .limit(Math.max(0, Math.floor(limit)))
        .all();
      return rows.map((e) => ({
        rigId: e.rigId,
        atMs: e.atMs,
        kind: e.kind,
        text: e.text,
        ...(e.liveness === null ? {} : { liveness: e.liveness }),
      }));
    },

    lastSeenMs(rigId) {
      const key = qs.rigKey.get(rigId);
      if (key === null || key === undefined) return null;
      const raw = qs.lastRawSecond.get(key);
      if (raw !== null && raw !== undefined) return raw * 1000;
      // Raw samples pruned by retention: the start of the newest rolled-up bucket is close enough.
      const bucket = qs.lastBucket.get(key);
      if (bucket !== null && bucket !== undefined) return bucket * MINUTES_PER_BUCKET * 60_000;
      const hour = qs.lastHour.get(key);
      return hour !== null && hour !== undefined ? hour * 3_600_000 : null;
    },
  };
}
