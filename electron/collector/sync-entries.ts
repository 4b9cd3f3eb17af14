/**
 * The registry's rigs → the collector's entries: a removed rig is dropped, a new one gets a fresh entry, a moved
 * one is re-homed (a new generation, so a poll of its old address is discarded), any other change keeps what was
 * read. A rig that leaves an address forgets its login token; the other effects (scheduler, waiters) are the caller's.
 */
import { type RigRecord } from '../../shared/fleet';
import { type PoolFigures } from './live';
import { addressOf, moved, newEntry, rehome, type RigEntry } from './rig-entry';

export type SyncEffects = {
  nextGen(): number;
  poolFigures(rigId: string): PoolFigures;
  added(rigId: string): void;
  removed(rigId: string): void;
  moved(rigId: string): void;
};

/** `tokens`: the miners' login tokens by address; a rig that leaves an address leaves its token behind. */
export function syncEntries(
  entries: Map<string, RigEntry>,
  tokens: Map<string, string>,
  rigs: readonly RigRecord[],
  fx: SyncEffects,
): void {
  const wanted = new Set(rigs.map((r) => r.id));
  for (const [id, e] of [...entries]) {
    if (wanted.has(id)) continue;
    entries.delete(id);
    tokens.delete(addressOf(e.record));
    fx.removed(id);
  }
  for (const r of rigs) {
    const e = entries.get(r.id);
    if (e === undefined) {
      entries.set(r.id, { ...newEntry(r, fx.nextGen()), pool: fx.poolFigures(r.id) });
      fx.added(r.id);
    } else if (moved(e.record, r)) {
      tokens.delete(addressOf(e.record));
      entries.set(r.id, rehome(e, r, fx.nextGen()));
      fx.moved(r.id);
    } else {
      // Same rig, same address: keep what was read; a firmware change means finding out what answers again.
      entries.set(r.id, { ...e, record: r, source: e.record.firmware === r.firmware ? e.source : null });
    }
  }
}
