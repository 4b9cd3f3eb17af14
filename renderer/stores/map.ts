import { create } from 'zustand';

import type { MapLayout, SlotRef } from '../../shared/map';
import { getClient } from '../api';
import { whenConnected } from '../api/connected';
import type { Overlay } from '../map/overlays';

type MapState = {
  layout: MapLayout | null;
  overlay: Overlay;
  /** A rig picked from the unplaced list (or a slot) to be put where the technician clicks next. */
  selected: string | null;
  /** Blink to locate: this rig's LED was asked on; the next slot clicked is where it blinks. */
  locating: string | null;
  notice: string | null;
  error: string | null;
  load(): Promise<void>;
  /**
   * Reads the layout and follows it for the rest of the session (read again at every reconnect); later calls do
   * nothing. A page opened again shows the layout at once, and no second read redraws a thousand slots.
   */
  follow(): void;
  setOverlay(overlay: Overlay): void;
  select(rigId: string | null): void;
  /** Puts a rig in a slot (drag and drop, or the selected / blinking rig on a click). */
  place(rigId: string, slot: SlotRef): Promise<boolean>;
  startLocate(rigId: string): Promise<void>;
  /** The slot where the LED blinks: the rig goes there and its LED is turned off. */
  foundAt(slot: SlotRef): Promise<void>;
  cancelLocate(): Promise<void>;
  /** Runs a map command; its refusal is shown on the page, and the new layout replaces the old. */
  run(action: () => Promise<MapLayout | null>, notice?: string): Promise<boolean>;
};

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const led = (rigId: string, on: boolean) =>
  getClient().call('control.run', { action: 'locate', rigIds: [rigId], params: { on } });

let following = false;

export const useMapStore = create<MapState>((set, get) => ({
  layout: null,
  overlay: 'health',
  selected: null,
  locating: null,
  notice: null,
  error: null,
  async load() {
    try {
      set({ layout: await getClient().call('map.get'), error: null });
    } catch (err) {
      set({ error: message(err) });
    }
  },
  follow() {
    if (following) return;
    following = true;
    const client = getClient();
    client.on('map.changed', (layout) => set({ layout }));
    // A removed rig's slot is freed by the core without a map event: drop it here too.
    client.on('fleet.changed', ({ removed }) => {
      const layout = get().layout;
      if (removed.length === 0 || !layout) return;
      const gone = new Set(removed);
      set({ layout: { ...layout, placements: layout.placements.filter((p) => !gone.has(p.rigId)) } });
    });
    whenConnected(client, () => void get().load());
  },
  setOverlay: (overlay) => set({ overlay }),
  select: (selected) => set({ selected, notice: null, error: null }),
  async place(rigId, slot) {
    const ok = await get().run(() => getClient().call('map.place', { rigId, ...slot }));
    if (ok) set({ selected: null });
    return ok;
  },
  async startLocate(rigId) {
    try {
      set({ locating: rigId, selected: null, error: null, notice: null });
      await led(rigId, true);
    } catch (err) {
      set({ locating: null, error: message(err) });
    }
  },
  async foundAt(slot) {
    const rigId = get().locating;
    if (!rigId) return;
    if (await get().place(rigId, slot)) {
      set({ locating: null });
      try {
        await led(rigId, false);
      } catch (err) {
        set({ error: `Placed, but the LED could not be turned off: ${message(err)}` });
      }
    }
  },
  async cancelLocate() {
    const rigId = get().locating;
    set({ locating: null });
    if (rigId) await led(rigId, false).catch((err: unknown) => set({ error: message(err) }));
  },
  async run(action, notice) {
    try {
      const layout = await action();
      set({ ...(layout ? { layout } : {}), error: null, notice: notice ?? null });
      return true;
    } catch (err) {
      set({ error: message(err), notice: null });
      return false;
    }
  },
}));
