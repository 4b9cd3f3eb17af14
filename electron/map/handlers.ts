import type { Handlers } from '../../shared/contract';
import { RpcError } from '../../shared/errors';
import { type MapLayout, mapFileSchema } from '../../shared/map';
import {
  fileToLayout,
  layoutProblems,
  layoutToFile,
  placementsFromNames,
  whyNotPlace,
  whyNotRack,
  whyNotRoom,
} from '../../shared/map-rules';
import type { Registry } from '../fleet/registry';
import type { MapStore } from './store';

export type MapDeps = {
  store: MapStore;
  registry: Pick<Registry, 'list' | 'get'>;
  /** After every change: the faces get the whole layout (map.changed). */
  changed: (layout: MapLayout) => void;
  now: () => number;
};

type MapHandlers = Pick<
  Handlers,
  | 'map.get'
  | 'map.saveRoom'
  | 'map.deleteRoom'
  | 'map.saveRack'
  | 'map.deleteRack'
  | 'map.place'
  | 'map.unplace'
  | 'map.placeFromNames'
  | 'map.export'
  | 'map.import'
>;

const refuse = (message: string): never => {
  throw new RpcError({ code: 'invalid_argument', message });
};
const notFound = (message: string): never => {
  throw new RpcError({ code: 'not_found', message });
};

export function mapHandlers({ store, registry, changed, now }: MapDeps): MapHandlers {
  const nameOf = (rigId: string) => registry.get(rigId)?.name ?? 'another rig';
  const after = (change: () => unknown): MapLayout => {
    change();
    const layout = store.get();
    changed(layout);
    return layout;
  };
  const must = (found: boolean, what: string) =>
    found ? undefined : notFound(`No ${what} with that id on the map.`);

  return {
    'map.get': async () => store.get(),
    'map.saveRoom': async (room) => {
      const layout = store.get();
      if (room.id !== null && !layout.rooms.some((r) => r.id === room.id))
        notFound('No room with that id on the map.');
      const why = whyNotRoom(layout, room);
      if (why) refuse(why);
      return after(() => store.saveRoom(room));
    },
    'map.deleteRoom': async ({ id }) => after(() => must(store.deleteRoom(id), 'room')),
    'map.saveRack': async (rack) => {
      const layout = store.get();
      if (rack.id !== null && !layout.racks.some((r) => r.id === rack.id))
        notFound('No rack with that id on the map.');
      const why = whyNotRack(layout, rack);
      if (why) refuse(why);
      return after(() => store.saveRack(rack));
    },
    'map.deleteRack': async ({ id }) => after(() => must(store.deleteRack(id), 'rack')),
    'map.place': async (p) => {
      if (!registry.get(p.rigId)) notFound(`No rig with id ${p.rigId} in the fleet.`);
      const layout = store.get();
      const why = whyNotPlace(layout, p, nameOf);
      if (why) refuse(why);
      return after(() => store.place(p));
    },
    'map.unplace': async ({ rigId }) => after(() => store.unplace(rigId)),
    'map.placeFromNames': async () => {
      const placed = placementsFromNames(store.get(), registry.list());
      const layout = after(() => placed.forEach(({ from: _from, ...p }) => store.place(p)));
      return { layout, placed };
    },
    'map.export': async () => layoutToFile(store.get(), registry.list(), now()),
    'map.import': async ({ text }) => {
      const file = parseMapFile(text);
      const { layout, skipped } = fileToLayout(file, registry.list());
      const problems = layoutProblems(layout);
      if (problems.length > 0)
        refuse(`The map file does not hold together: ${problems.slice(0, 5).join(' ')}`);
      const stored = after(() => store.replace(layout));
      return { layout: stored, placed: layout.placements.length, skipped };
    },
  };
}

/** JSON, then the file's shape; either failing says where, in words, and nothing is changed. */
function parseMapFile(text: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return refuse(`The map file is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = mapFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`)
    .join('; ');
  return refuse(`The map file is not a valid RigDeck map: ${first}`);
}
