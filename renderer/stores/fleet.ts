import { create } from 'zustand';

import type { RigRecord } from '../../shared/fleet';
import type { FleetSummary, RigLive } from '../../shared/telemetry';
import { getClient } from '../api';

type FleetState = {
  rigs: ReadonlyMap<string, RigRecord>;
  live: ReadonlyMap<string, RigLive>;
  summary: FleetSummary | null;
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
  live: new Map(),
  summary: null,
  defaultPasswordSet: false,
  loaded: false,
  error: null,
  async load() {
    try {
      const c = getClient();
      const [{ rigs, defaultPasswordSet }, { rigs: live, summary }] = await Promise.all([
        c.call('fleet.list'),
        c.call('fleet.live'),
      ]);
      set({
        rigs: new Map(rigs.map((r) => [r.id, r])),
        live: new Map(live.map((l) => [l.rigId, l])),
        summary,
        defaultPasswordSet,
        loaded: true,
        error: null,
      });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  watch() {
    // fleet.changed carries only what changed; merge it rather than reloading thousands of rigs.
    return getClient().on('fleet.changed', ({ added, updated, removed, live, summary }) => {
      const s = get();
      const rigs = new Map(s.rigs);
      const liveMap = new Map(s.live);
      for (const r of [...added, ...updated]) rigs.set(r.id, r);
      for (const l of live) liveMap.set(l.rigId, l);
      for (const id of removed) {
        rigs.delete(id);
        liveMap.delete(id);
      }
      set({ rigs, live: liveMap, summary: summary ?? s.summary });
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
