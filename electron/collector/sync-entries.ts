/**
 * The registry's rigs → the collector's entries: a removed rig is dropped, a new one gets a fresh entry, a moved
 * one is re-homed (a new generation, so a poll of its old address is discarded), any other change keeps what was
 * read. The effects (scheduler, tokens, waiters) are the caller's.
 */
import { type RigRecord } from '../../shared/fleet';
import { type PoolFigures } from './live';
import { moved, newEntry, rehome, type RigEntry } from './rig-entry';

export type SyncEffects = {
  nextGen(): number;
  poolFigures(rigId: string): PoolFigures;
  added(rigId: string): void;
  /** `entry`: what the collector held for it (its address, to forget its token). */
  removed(rigId: string, entry: RigEntry): void;
  moved(rigId: string, before: RigEntry): void;
};

export function syncEntries(
  entries: Map<string, RigEntry>,
  rigs: readonly RigRecord[],
  fx: SyncEffects,
): void {
  const wanted = new Set(rigs.map((r) => r.id));
  for (const [id, e] of [...entries]) {
    if (wanted.has(id)) continue;
    entries.delete(id);
    fx.removed(id, e);
  }
  for (const r of rigs) {
    const e = entries.get(r.id);
    if (e === undefined) {
      entries.set(r.id, { ...newEntry(r, fx.nextGen()), pool: fx.poolFigures(r.id) });
      fx.added(r.id);
    } else if (moved(e.record, r)) {
      entries.set(r.id, rehome(e, r, fx.nextGen()));
      fx.moved(r.id, e);
    } else {
      // Same rig, same address: keep what was read; a firmware change means finding out what answers again.
      entries.set(r.id, { ...e, record: r, source: e.record.firmware === r.firmware ? e.source : null });
    }
  }
}
