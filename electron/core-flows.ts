import { type FleetChange, fleetChange } from '../shared/fleet';
import type { Settings } from '../shared/settings';
import type { Collector } from './collector/collector';
import type { EventBus } from './contract/events';
import type { Registry } from './fleet/registry';
import type { PoolConnection } from './pool/connection';
import type { SwitchableFeed } from './pool/switchable-feed';

export type CoreFlows = {
  /** The fleet changed (a handler, an announced miner): the collector learns of it, then the faces. */
  fleetChanged(change: FleetChange): void;
  /** Settings were stored: the collector and the pool take them up, then the faces hear of them. */
  settingsChanged(settings: Settings): void;
  /** From now on the running services follow changes, and their findings go out to the faces. */
  start(): void;
  stop(): void;
};

/**
 * The one-way flow of ARCHITECTURE.md. Inside the core every path is a direct call (registry change → collector,
 * settings change → collector and pool); the event bus only carries the outcome out to the faces, and nothing
 * in the core listens to it. Until `start` (the CLI, which polls on demand) changes only reach the faces.
 */
export function createCoreFlows(deps: {
  events: EventBus;
  registry: Pick<Registry, 'list'>;
  collector: Pick<Collector, 'setRigs' | 'subscribe' | 'configure'>;
  pool: PoolConnection;
  feed: SwitchableFeed;
}): CoreFlows {
  const { events, registry, collector, pool, feed } = deps;
  let offs: Array<() => void> | null = null;
  return {
    fleetChanged(change) {
      if (offs !== null && change.added.length + change.updated.length + change.removed.length > 0)
        collector.setRigs(registry.list());
      events.emit('fleet.changed', change);
    },
    settingsChanged(settings) {
      if (offs !== null) {
        collector.configure({
          pollIntervalSec: settings.pollIntervalSec,
          retention: settings.retention,
          health: settings.health,
        });
        void pool.reconfigure();
      }
      events.emit('settings.changed', settings);
    },
    start() {
      if (offs !== null) return;
      offs = [
        collector.subscribe((u) => {
          if ((u.live.length === 0 && u.removed.length === 0) || !events.listening('fleet.changed')) return;
          events.emit('fleet.changed', fleetChange({ live: u.live, summary: u.summary }));
        }),
        // The pool's state (workers, mapping) is built for a change only when someone will read it.
        feed.subscribe((c) => {
          if (events.listening('pool.changed'))
            events.emit('pool.changed', { configured: pool.configured(), state: c.state });
        }),
      ];
    },
    stop() {
      offs?.forEach((off) => off());
      offs = null;
    },
  };
}
