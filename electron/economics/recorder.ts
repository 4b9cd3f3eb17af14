/**
 * Keeps the pool's view over time for the Earnings charts and the 24 h credit figure: a snapshot of the
 * workers and balances at most every `everyMs`, taken when the pool reports a change (so an idle or
 * unconfigured pool writes nothing).
 */
import type { ProHashingState, ProHashingTopic } from '../../shared/pool';
import type { Logger } from '../contract/dispatch';
import type { Db } from '../store/db';
import { recordPoolSnapshot } from '../store/pool-history';

export const SNAPSHOT_EVERY_MS = 5 * 60_000;

type Feed = {
  subscribe(
    listener: (c: { topics: readonly ProHashingTopic[]; state: ProHashingState }) => void,
  ): () => void;
};

export type PoolRecorder = { start(): void; stop(): void };

export function createPoolRecorder(deps: {
  db: Db;
  feed: Feed;
  now: () => number;
  log: Pick<Logger, 'warn'>;
  everyMs?: number;
}): PoolRecorder {
  const every = deps.everyMs ?? SNAPSHOT_EVERY_MS;
  // Each kind on its own clock: the balances can arrive before the first worker list, and neither may wait.
  let lastWorkers = -Infinity;
  let lastBalances = -Infinity;
  let unsubscribe: (() => void) | null = null;
  return {
    start() {
      if (unsubscribe) return;
      unsubscribe = deps.feed.subscribe((c) => {
        if (!c.topics.includes('workers') && !c.topics.includes('balances')) return;
        const at = deps.now();
        const dueWorkers = at - lastWorkers >= every;
        const dueBalances = at - lastBalances >= every;
        // The state is built on first read: not for a change that comes before the next snapshot is due.
        if (!dueWorkers && !dueBalances) return;
        const state = c.state;
        const workers = state.workers.length > 0 && dueWorkers ? state.workers : [];
        const balances = state.balances.length > 0 && dueBalances ? state.balances : [];
        if (workers.length === 0 && balances.length === 0) return;
        if (workers.length > 0) lastWorkers = at;
        if (balances.length > 0) lastBalances = at;
        try {
          recordPoolSnapshot(deps.db, at, workers, balances);
        } catch (err) {
          deps.log.warn(`[rigdeck] pool snapshot not stored: ${String(err)}`);
        }
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
