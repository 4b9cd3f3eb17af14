import { create } from 'zustand';

import type { RigRecord } from '../../shared/fleet';
import { getClient } from '../api';

type FleetState = {
  rigs: ReadonlyMap<string, RigRecord>;
  defaultPasswordSet: boolean;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  watch(): () => void;
  /** Runs a fleet command and shows its error on the page instead of losing it. */
  run(action: () => Promise<unknown>): Promise<boolean>;
};

export const useFleetStore = create<FleetState>((set, get) => ({
  rigs: new Map(),
  defaultPasswordSet: false,
  loaded: false,
  error: null,
  async load() {
    try {
      const { rigs, defaultPasswordSet } = await getClient().call('fleet.list');
      set({ rigs: new Map(rigs.map((r) => [r.id, r])), defaultPasswordSet, loaded: true, error: null });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  watch() {
    // fleet.changed carries only what changed; merge it rather than reloading thousands of rigs.
    return getClient().on('fleet.changed', ({ added, updated, removed }) => {
      const next = new Map(get().rigs);
      for (const r of [...added, ...updated]) next.set(r.id, r);
      for (const id of removed) next.delete(id);
      set({ rigs: next });
    });
  },
  async run(action) {
    try {
      await action();
      set({ error: null });
      return true;
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  },
}));
