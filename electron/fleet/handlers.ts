import type { Handlers } from '../../shared/contract';
import type { DiscoveredDevice } from '../../shared/discovery';
import { RpcError } from '../../shared/errors';
import {
  type Address,
  type AddResult,
  type FleetChange,
  type RigRecord,
  fleetChange,
} from '../../shared/fleet';
import { errorMessage } from '../contract/dispatch';
import type { Passwords } from './passwords';
import type { Registry } from './registry';

export type FleetDeps = {
  registry: Registry;
  passwords: Passwords;
  /** After the fleet changed (rigs, names, labels, passwords): the core updates the collector and tells the faces. */
  fleetChanged: (change: FleetChange) => void;
  /** Finds out what answers at an address (discovery's identification). */
  identify: (address: Address) => Promise<DiscoveredDevice>;
  now: () => number;
};

type FleetHandlers = Pick<
  Handlers,
  | 'fleet.list'
  | 'fleet.add'
  | 'fleet.remove'
  | 'fleet.rename'
  | 'fleet.setLabels'
  | 'fleet.setPassword'
  | 'fleet.clearPassword'
>;

/** At most this many identifications at once when adding a whole scan's worth of rigs. */
const ADD_CONCURRENCY = 32;

export function fleetHandlers(deps: FleetDeps): FleetHandlers {
  const { registry, passwords, now } = deps;
  const mustExist = (id: string): RigRecord => {
    const rig = registry.get(id);
    if (!rig) throw new RpcError({ code: 'not_found', message: `No rig with id ${id} in the fleet.` });
    return rig;
  };
  const announce = (change: Partial<FleetChange>) => deps.fleetChanged(fleetChange(change));

  return {
    'fleet.list': async () => ({ rigs: registry.list(), defaultPasswordSet: passwords.defaultSet() }),

    'fleet.add': async ({ addresses }) => {
      const result: AddResult = { added: [], updated: [], failed: [] };
      const changed: RigRecord[] = [];
      await eachLimited(addresses, ADD_CONCURRENCY, async (address) => {
        try {
          const device = await deps.identify(address);
          if (device.kind !== 'vnish') {
            result.failed.push({ ip: address.ip, reason: device.reason ?? 'Not a Vnish (AnthillOS) miner.' });
            return;
          }
          const { rig, change } = registry.upsert(device, now());
          if (change === 'added') result.added.push(rig);
          else result.updated.push(rig); // already in the fleet: reported, and refreshed if it moved
          if (change === 'updated') changed.push(rig);
        } catch (err) {
          result.failed.push({ ip: address.ip, reason: errorMessage(err) });
        }
      });
      if (result.added.length + changed.length > 0) announce({ added: result.added, updated: changed });
      return result;
    },

    'fleet.remove': async ({ ids }) => {
      const removed = registry.remove(ids);
      for (const id of removed) passwords.clear(id);
      if (removed.length > 0) announce({ removed });
      return { removed };
    },

    'fleet.rename': async ({ id, name }) => {
      const rig = registry.rename(id, name, now()) ?? mustExist(id);
      announce({ updated: [rig] });
      return rig;
    },

    'fleet.setLabels': async ({ id, labels }) => {
      const rig = registry.setLabels(id, labels, now()) ?? mustExist(id);
      announce({ updated: [rig] });
      return rig;
    },

    'fleet.setPassword': async ({ rigId, password }) => {
      if (rigId !== null) mustExist(rigId);
      passwords.set(rigId, password);
      if (rigId !== null) announce({ updated: [mustExist(rigId)] });
      return { ok: true as const };
    },

    'fleet.clearPassword': async ({ rigId }) => {
      if (rigId !== null) mustExist(rigId);
      passwords.clear(rigId);
      if (rigId !== null) announce({ updated: [mustExist(rigId)] });
      return { ok: true as const };
    },
  };
}

async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
