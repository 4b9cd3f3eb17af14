/**
 * The hot path of history: one poll cycle → one transaction of prepared better-sqlite3 statements (no drizzle,
 * no per-row allocation beyond the statement's own). Late samples mark their buckets for maintain() to fold again.
 */
import type Database from 'better-sqlite3';

import {
  MINUTES_PER_BUCKET,
  chainStateCodes,
  encode,
  metricCodecs,
  minerStateCodes,
  minuteOf,
  toSeconds,
} from './history-codec';
import type { QueryStatements } from './history-query';
import { sql } from './history-sql';
import type { CycleBatch } from './history-types';
import type { RollupStatements } from './rollup';

const validTime = (ms: number) => Number.isFinite(ms) && ms >= 0;
const { hashrate_mhs, power_w, efficiency_j_per_mh, chip_temp_max_c, board_temp_max_c, fan_rpm_min } =
  metricCodecs;
const pool = metricCodecs.pool_hashrate_mhs;

/** Prepares the statements once; the returned function writes one cycle (throws, rolled back, on failure). */
export function prepareWriter(
  sqlite: Database.Database,
  roll: RollupStatements,
  qs: QueryStatements,
): (batch: CycleBatch) => void {
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

  return (batch) => {
    try {
      writeTx(batch);
    } catch (err) {
      keys.clear();
      throw err;
    }
  };
}
