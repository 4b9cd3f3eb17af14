/**
 * A rig's pool worker name, read from the pool settings the collector fetches on its slow cadence, so a rig that
 * RigDeck named by default takes the name the pool (and the farm) already calls it (docs/prohashing.md §7.1).
 */
import type { PoolFeed, RigPoolInput } from '../collector/pool-port';
import { parsePoolPassword } from '../pool/prohashing/password';
import { type FleetChange, fleetChange } from '../../shared/fleet';
import type { Registry } from './registry';

/**
 * The first pool slot (in priority order) that names a worker: `n=` in its password (ProHashing's way), else the
 * part after the account's dot in its user (`account.rig07`, the way most other pools name workers).
 */
export function workerNameOf(pools: RigPoolInput['pools']): string | null {
  for (const pool of pools) {
    if (pool.url.trim() === '') continue;
    const n = parsePoolPassword(pool.password).worker?.trim();
    if (n) return n;
    const dot = pool.user.indexOf('.');
    const after = dot >= 0 ? pool.user.slice(dot + 1).trim() : '';
    if (after) return after;
  }
  return null;
}

export type AdoptDeps = {
  registry: Pick<Registry, 'adoptWorkerNames'>;
  /** The renamed rigs go out as a fleet change (collector, then the faces). */
  announce: (change: FleetChange) => void;
  now: () => number;
};

/**
 * The collector's pool feed, also giving each default-named rig its worker name whenever the rigs' pool settings
 * change. That runs after the collector's own call returns, so a rename never lands inside its cycle.
 */
export function withWorkerNames(feed: PoolFeed, deps: AdoptDeps): PoolFeed {
  const adopt = (workers: ReadonlyMap<string, string>) => {
    try {
      const renamed = deps.registry.adoptWorkerNames(workers, deps.now());
      if (renamed.length > 0) deps.announce(fleetChange({ updated: renamed }));
    } catch (error) {
      console.error('fleet: giving rigs their worker names failed:', error);
    }
  };
  return {
    setRigs(inputs) {
      feed.setRigs(inputs);
      const workers = new Map<string, string>();
      for (const rig of inputs) {
        const name = workerNameOf(rig.pools);
        if (name) workers.set(rig.rigId, name);
      }
      if (workers.size > 0) queueMicrotask(() => adopt(workers));
    },
    subscribe: (listener) => feed.subscribe(listener),
    getState: () => feed.getState(),
  };
}
