import type { MapLayout } from '../../shared/map';
import type { EventBus } from '../contract/events';
import type { Registry } from '../fleet/registry';
import type { Db } from '../store/db';
import { mapHandlers } from './handlers';
import { createMapStore } from './store';

/** The map's part of the core: its store on the one SQLite file, its handlers, map.changed to the faces. */
export function createCoreMap(deps: {
  db: Db;
  registry: Pick<Registry, 'list' | 'get'>;
  events: EventBus;
  now: () => number;
}) {
  const store = createMapStore(deps.db);
  const changed = (layout: MapLayout) => deps.events.emit('map.changed', layout);
  // A removed rig's slot is freed by the database (its placement goes with it): the faces hear of it here,
  // so a map open elsewhere does not keep showing a rig that is gone.
  // The bus lives and dies with the core, so the subscription needs no undoing.
  let placed = new Set(store.get().placements.map((p) => p.rigId));
  const track = (layout: MapLayout) => {
    placed = new Set(layout.placements.map((p) => p.rigId));
    changed(layout);
  };
  deps.events.watch('fleet.changed', ({ removed }) => {
    if (removed.some((id) => placed.has(id))) track(store.get());
  });
  return { store, handlers: mapHandlers({ store, registry: deps.registry, changed: track, now: deps.now }) };
}
