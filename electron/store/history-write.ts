/**
 * The hot path of history: one poll cycle → one transaction of prepared better-sqlite3 statements (no drizzle,
 * no per-row allocation beyond the statement's own). Late samples mark their buckets for maintain() to fold again.
 */
import type Database from 'better-sqlite3';

import { type StoredChain, packChains } from './chain-codec';
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
import type { ChainSampleRow, CycleBatch } from './history-types';
import type { RollupStatements } from './rollup';

const validTime = (ms: number) => Number.isFinite(ms) && ms >= 0;
const { hashrate_mhs, power_w, efficiency_j_per_mh, chip_temp_max_c, board_temp_max_c, fan_rpm_min } =
  metricCodecs;
const pool = metricCodecs.pool_hashrate_mhs;

const storedChain = (c: ChainSampleRow): StoredChain => ({
  chain: c.chainId,
  state: chainStateCodes[c.state] ?? chainStateCodes.unknown,
  hashrateMhs: encode(c.hashrateMhs, 1),
  chipTempDc: encode(c.chipTempMaxC, 10),
  boardTempDc: encode(c.boardTempMaxC, 10),
  frequencyDmhz: encode(c.frequencyMhz, 10),
  voltageMv: encode(c.voltageMv, 1),
  chipsRed: encode(c.chipsRed, 1),
  chipsOrange: encode(c.chipsOrange, 1),
});

type ChainGroup = { rigId: string; t: number; byChain: Map<number, StoredChain> };

/** A batch's chains by rig and second (the sample they belong to); a later row for the same chain wins. */
function groupChains(chains: readonly ChainSampleRow[]): Map<string, ChainGroup> {
  const groups = new Map<string, ChainGroup>();
  for (const c of chains) {
    if (!validTime(c.takenAtMs) || !Number.isInteger(c.chainId)) continue;
    const t = toSeconds(c.takenAtMs);
    const key = `${t}\u0000${c.rigId}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = { rigId: c.rigId, t, byChain: new Map() };
      groups.set(key, g);
    }
    g.byChain.set(c.chainId, storedChain(c));
  }
  return groups;
}

/** Prepares the statements once; the returned function writes one cycle (throws, rolled back, on failure). */
export function prepareWriter(
  sqlite: Database.Database,
  roll: RollupStatements,
  qs: QueryStatements,
): (batch: CycleBatch) => void {
  const insertSample = sqlite.prepare(sql.insertSample);
  const attachChains = sqlite.prepare(sql.attachChains);
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
    const chains = groupChains(batch.chains);
    for (const s of batch.samples) {
      if (!validTime(s.takenAtMs)) continue;
      const t = toSeconds(s.takenAtMs);
      const m = minuteOf(t);
      const b = Math.floor(m / MINUTES_PER_BUCKET);
      const key = `${t}\u0000${s.rigId}`;
      const group = chains.get(key);
      chains.delete(key);
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
        group === undefined ? null : packChains([...group.byChain.values()]),
      );
    }
    // Chains without their sample in this batch join the row of a sample already stored at that second, if any:
    // chains are kept as part of a sample (the collector always hands both over together).
    for (const g of chains.values()) {
      const m = minuteOf(g.t);
      if (tooOld(Math.floor(m / MINUTES_PER_BUCKET))) continue;
      const rig = qs.rigKey.get(g.rigId) ?? null;
      if (rig !== null) attachChains.run(packChains([...g.byChain.values()]), m, rig, g.t - m * 60);
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
