import { proHashingTopics, type ProHashingState } from '../../shared/pool';
import { DEFAULT_DUST } from './prohashing/balances';
import { DEFAULT_POOL_HOSTS, type RigPoolInput } from './prohashing/mapping';
import type { ProHashingListener, ProHashingService } from './prohashing/service';
import { buildState, emptyData } from './prohashing/state';

import { DEFAULT_STALE_AFTER_MS } from './prohashing/workers';

export type SwitchableFeed = Pick<ProHashingService, 'setRigs' | 'subscribe' | 'getState'> & {
  /** Puts a (newly configured) pool service behind the feed, or none; the collector keeps running throughout. */
  use(service: ProHashingService | null): void;
  current(): ProHashingService | null;
};

/** The state of "no pool configured": nothing known, nothing mapped. */
export function emptyPoolState(now: number): ProHashingState {
  return buildState(emptyData(now), now, {
    staleAfterMs: DEFAULT_STALE_AFTER_MS,
    dust: DEFAULT_DUST,
    mapping: { poolHosts: DEFAULT_POOL_HOSTS },
  });
}

/**
 * A stable pool feed for the collector while the technician configures, changes or removes the ProHashing key:
 * it forwards to whichever service is current and remembers the rigs so a new service starts with them.
 */
export function createSwitchableFeed(now: () => number): SwitchableFeed {
  let current: ProHashingService | null = null;
  let rigs: readonly RigPoolInput[] = [];
  let detach: (() => void) | null = null;
  const listeners = new Set<ProHashingListener>();
  const emit: ProHashingListener = (change) => {
    for (const l of listeners) l(change);
  };
  return {
    setRigs(next) {
      rigs = next;
      current?.setRigs(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getState: () => current?.getState() ?? emptyPoolState(now()),
    use(service) {
      detach?.();
      detach = null;
      current = service;
      if (service) {
        service.setRigs(rigs);
        detach = service.subscribe(emit);
      }
      emit({ topics: [...proHashingTopics], state: current?.getState() ?? emptyPoolState(now()) });
    },
    current: () => current,
  };
}
