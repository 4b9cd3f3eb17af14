/**
 * The history store behind the collector seam (history-types.ts): one transaction per poll cycle through
 * prepared better-sqlite3 statements (the hot path, history-write.ts; drizzle for the rest), rollups and
 * retention in maintain(), and queries that pick their resolution (history-read.ts). Everything here is
 * synchronous, so no transaction spans an await.
 */
import { and, desc, eq, gte, lt } from 'drizzle-orm';

import type { HistoryResult } from '../../shared/telemetry';
import type { Db } from './db';
import { MINUTES_PER_BUCKET, decode, toSeconds } from './history-codec';
import { exportAll, exportPage } from './history-export';
import { prepareQuery } from './history-query';
import { createReader, metricColumns } from './history-read';
import type { HistoryStore, RigEventRow } from './history-types';
import { prepareWriter } from './history-write';
import { preparePrune, planPrune, runPrune } from './retention';
import { planFolds, prepareRollup, readState, runFolds } from './rollup';
import { events } from './schema';

export function createHistoryStore(db: Db): HistoryStore {
  const sqlite = db.$client;
  const roll = prepareRollup(sqlite);
  roll.ensureState.run();
  const prune = preparePrune(sqlite);
  const qs = prepareQuery(sqlite);
  const reader = createReader(qs, roll);

  return {
    writeCycle: prepareWriter(sqlite, roll, qs),

    maintain(nowMs, retention) {
      const state = readState(roll);
      const nowS = toSeconds(nowMs);
      const plan = planFolds(state, nowS, roll.oldestRawBucket.get() ?? null);
      runFolds(sqlite, roll, plan);
      runPrune(sqlite, prune, planPrune(nowS, retention, plan, state));
    },

    query(q): HistoryResult {
      const cols = metricColumns(q);
      const res = q.toMs > q.fromMs ? reader.read(q, reader.resolutionOf(q)) : null;
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

    exportCsv: (q, write) => exportAll(db, reader, q, write),
    exportPage: (q, cursor, maxRows, write) => exportPage(db, reader, q, cursor, maxRows, write),

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
