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
  return { store, handlers: mapHandlers({ store, registry: deps.registry, changed, now: deps.now }) };
}
