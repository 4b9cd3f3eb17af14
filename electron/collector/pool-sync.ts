/**
 * The collector's side of the ProHashing connector: it hands the connector each rig's pool settings (read on
 * the slow cadence) for the worker ↔ rig mapping, and takes back the per-worker hashrate as per-rig figures.
 */
import { type PoolFeed, type RigPoolInput } from './pool-port';
import { type PoolFigures } from './live';
import { NO_POOL, poolView, samePoolFigures, samePoolInputs, type PoolView } from './pool-merge';
import { type RigEntry } from './rig-entry';

export type { PoolFeed } from './pool-port';

// String#localeCompare's order without a collator per call (a thousand rigs at every cycle end).
const byText = new Intl.Collator().compare;

export type PoolSync = {
  /** Follows the pool: each change puts the new per-rig figures on the entries, then calls `changed`. */
  start(entries: Map<string, RigEntry>, changed: () => void): void;
  stop(): void;
  figuresFor(rigId: string): PoolFigures;
  totalMhs(): number | null;
  unmatchedWorkers(): readonly string[];
  /** Sends the rigs' pool settings to the connector when they changed. */
  push(entries: ReadonlyMap<string, RigEntry>): void;
};

export function createPoolSync(feed: PoolFeed | null): PoolSync {
  let view: PoolView = { byRig: new Map(), totalMhs: null, unmatchedWorkers: [] };
  let sent: RigPoolInput[] = [];
  // The very pool lists last sent, by rig: they are re-read every 10 minutes, so most cycle ends find each
  // rig's list the same object and need neither the sort nor the comparison below.
  let sentBy = new Map<string, RigPoolInput['pools']>();
  let unsubscribe: (() => void) | null = null;
  const figuresFor = (rigId: string): PoolFigures => view.byRig.get(rigId) ?? NO_POOL;

  return {
    start(entries, changed) {
      if (feed === null || unsubscribe !== null) return;
      // The live feed changes some workers' hashrate every few seconds: only the rigs whose figures changed get a
      // new entry (an unchanged one keeps its identity, so its health is not judged again for nothing).
      const onChange = (): void => {
        for (const [id, e] of entries) {
          const pool = figuresFor(id);
          if (!samePoolFigures(pool, e.pool)) entries.set(id, { ...e, pool });
        }
        changed();
      };
      view = poolView(feed.getState());
      onChange();
      unsubscribe = feed.subscribe((c) => {
        if (!c.topics.includes('workers') && !c.topics.includes('mapping')) return;
        view = poolView(c.state);
        onChange();
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
    },
    figuresFor,
    totalMhs: () => view.totalMhs,
    unmatchedWorkers: () => view.unmatchedWorkers,
    push(entries) {
      if (feed === null || sameSettingsAsSent(entries, sentBy)) return;
      const inputs: RigPoolInput[] = [];
      for (const [rigId, e] of [...entries].sort(([a], [b]) => byText(a, b))) {
        if (e.slow?.pools) inputs.push({ rigId, pools: e.slow.pools });
      }
      sentBy = new Map(inputs.map((r) => [r.rigId, r.pools]));
      if (samePoolInputs(inputs, sent)) return;
      sent = inputs;
      try {
        feed.setRigs(inputs);
      } catch (error) {
        console.error('collector: handing pool settings to the pool connector failed:', error);
      }
    },
  };
}

/** Every rig's pool list is the very one last sent, and no rig with one was added or removed. */
function sameSettingsAsSent(
  entries: ReadonlyMap<string, RigEntry>,
  sentBy: ReadonlyMap<string, RigPoolInput['pools']>,
): boolean {
  let withPools = 0;
  for (const [rigId, e] of entries) {
    const pools = e.slow?.pools;
    if (!pools) continue;
    if (sentBy.get(rigId) !== pools) return false;
    withPools += 1;
  }
  return withPools === sentBy.size;
}
