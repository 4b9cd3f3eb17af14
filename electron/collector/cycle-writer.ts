/**
 * The collector's side of the history seam at a cycle's end: every rig's unsaved sample and the events noted
 * since the last cycle go to the store as one batch (one synchronous transaction), and the store's upkeep runs
 * on its own, slower cadence. Per-cycle work, never per poll.
 */
import { type HistoryStore, type RigEventRow } from '../store/history-types';
import { cycleBatch, type UnsavedSample } from './batch';
import { type CollectorConfig } from './config';
import { type RigEntry } from './rig-entry';

export type CycleWriter = {
  /** Events found while polling, written with the cycle's samples. */
  note(events: readonly RigEventRow[]): void;
  /** End of a cycle: the batch, then upkeep when due. A failure is logged; the cycle is lost, the collector goes on. */
  write(now: number): void;
  /** On stop: what was gathered since the last cycle. Throws if the store does. */
  flush(): void;
};

export function createCycleWriter(deps: {
  history: Pick<HistoryStore, 'writeCycle' | 'maintain'>;
  entries: Map<string, RigEntry>;
  config: () => Pick<CollectorConfig, 'maintainEveryMs' | 'retention'>;
}): CycleWriter {
  const { history, entries } = deps;
  let events: RigEventRow[] = [];
  let lastMaintainAt = -Infinity;

  const take = () => {
    const unsaved: UnsavedSample[] = [];
    for (const [rigId, e] of entries) {
      if (e.unsaved === null) continue;
      unsaved.push({ rigId, snapshot: e.unsaved, poolHashrateMhs: e.pool.poolHashrateMhs });
      entries.set(rigId, { ...e, unsaved: null });
    }
    const batch = cycleBatch(unsaved, events);
    events = [];
    return batch;
  };

  const flush = (): void => {
    const batch = take();
    // Synchronous, one transaction: nothing is awaited while it is open.
    if (batch.samples.length > 0 || batch.events.length > 0) history.writeCycle(batch);
  };

  return {
    note(found) {
      if (found.length > 0) events.push(...found);
    },
    write(now) {
      try {
        flush();
      } catch (error) {
        console.error('collector: history write failed; this cycle is lost:', error);
      }
      const config = deps.config();
      if (now - lastMaintainAt < config.maintainEveryMs) return;
      lastMaintainAt = now;
      try {
        history.maintain(now, config.retention);
      } catch (error) {
        console.error('collector: history upkeep failed:', error);
      }
    },
    flush,
  };
}
