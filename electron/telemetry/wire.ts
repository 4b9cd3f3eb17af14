import { fleetChange } from '../../shared/fleet';
import type { Settings } from '../../shared/settings';
import type { Collector } from '../collector/collector';
import type { EventBus } from '../contract/events';
import type { Registry } from '../fleet/registry';
import type { PoolConnection } from '../pool/connection';
import type { SwitchableFeed } from '../pool/switchable-feed';

/**
 * The one-way flow of ARCHITECTURE.md: registry changes reach the collector, the collector's findings become
 * fleet.changed events (only what changed), settings changes reach the collector and the pool, pool changes
 * become pool.changed. Returns the function that undoes every subscription.
 */
export function wireTelemetry(deps: {
  events: EventBus;
  registry: Pick<Registry, 'list'>;
  collector: Pick<Collector, 'setRigs' | 'subscribe' | 'configure'>;
  pool: PoolConnection;
  feed: SwitchableFeed;
}): () => void {
  const { events, registry, collector, pool, feed } = deps;
  const offs = [
    events.subscribe((name, payload) => {
      if (name === 'fleet.changed') {
        const p = payload as { added: unknown[]; updated: unknown[]; removed: unknown[] };
        if (p.added.length + p.updated.length + p.removed.length > 0) collector.setRigs(registry.list());
      } else if (name === 'settings.changed') {
        const s = payload as Settings;
        collector.configure({ pollIntervalSec: s.pollIntervalSec, retention: s.retention, health: s.health });
        void pool.reconfigure();
      }
    }),
    collector.subscribe((u) => {
      if (u.live.length === 0 && u.removed.length === 0) return;
      events.emit('fleet.changed', fleetChange({ live: u.live, summary: u.summary }));
    }),
    feed.subscribe(({ state }) => events.emit('pool.changed', { configured: pool.configured(), state })),
  ];
  return () => offs.forEach((off) => off());
}
