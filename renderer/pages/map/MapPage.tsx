import { useCallback, useEffect, useMemo } from 'react';

import type { Placement, SlotRef } from '../../../shared/map';
import { tempLimitsFor } from '../../../shared/thresholds';
import { getClient } from '../../api';
import { type LookContext, legend, slotLook } from '../../map/overlays';
import { useFleetStore } from '../../stores/fleet';
import { useMapStore } from '../../stores/map';
import { useSettingsStore } from '../../stores/settings';
import { useUiStore } from '../../stores/ui';
import { MapToolbar } from './MapToolbar';
import { RoomSection, type SlotHandlers } from './RoomSection';
import { UnplacedList } from './UnplacedList';

/** The farm as rooms of racks, each slot coloured by the chosen overlay; unplaced rigs beside it. */
export function MapPage() {
  useEffect(() => useMapStore.getState().follow(), []);
  // The racks are drawn once the fleet is read too: a slot shows its rig's name and state, never a placeholder.
  const fleetRead = useFleetStore((s) => s.loaded);
  const read = useMapStore((s) => s.layout);
  const layout = fleetRead ? read : null;
  const overlay = useMapStore((s) => s.overlay);
  const selected = useMapStore((s) => s.selected);
  const locating = useMapStore((s) => s.locating);
  const notice = useMapStore((s) => s.notice);
  const mapError = useMapStore((s) => s.error);
  const fleetError = useFleetStore((s) => (s.loaded ? null : s.error));
  const error = mapError ?? fleetError;
  const rigs = useFleetStore((s) => s.rigs);
  const live = useFleetStore((s) => s.live);
  const tempLimits = useSettingsStore((s) => s.settings?.health.tempLimits ?? null);

  const placedByRack = useMemo(() => {
    const m = new Map<string, Map<string, Placement>>();
    for (const p of layout?.placements ?? []) {
      const rack = m.get(p.rackId) ?? new Map<string, Placement>();
      rack.set(`${p.row}/${p.slot}`, p);
      m.set(p.rackId, rack);
    }
    return m;
  }, [layout]);
  const unplaced = useMemo(() => {
    // Until the layout is read, which rigs are unplaced is unknown, not "all of them".
    if (layout === null) return [];
    const on = new Set(layout.placements.map((p) => p.rigId));
    return [...rigs.values()].filter((r) => !on.has(r.id)).sort((a, b) => a.name.localeCompare(b.name));
  }, [layout, rigs]);
  const maxPowerW = useMemo(() => {
    let max = 0;
    for (const l of live.values())
      if (l.liveness === 'online' && l.powerW !== null) max = Math.max(max, l.powerW);
    return max;
  }, [live]);

  const nameOf = useCallback((id: string) => rigs.get(id)?.name ?? 'unknown rig', [rigs]);
  // The chip limits matter to the heat map only: the settings read after the racks are drawn, or a rig renamed,
  // redraw the slots only when it is shown.
  const heatLimits = overlay === 'temperature' ? tempLimits : null;
  const heatRigs = overlay === 'temperature' ? rigs : null;
  const lookOf = useMemo(() => {
    const ctx: LookContext = {
      maxPowerW,
      chipLimitC: (rigId) =>
        heatLimits ? tempLimitsFor(heatLimits, heatRigs?.get(rigId)?.model ?? null).chipC : 85,
    };
    return (id: string) => slotLook(overlay, live.get(id), ctx);
  }, [overlay, live, maxPowerW, heatLimits, heatRigs]);
  const onSlot = useCallback((slot: SlotRef, rigId: string | null) => {
    const s = useMapStore.getState();
    if (s.locating) void s.foundAt(slot);
    else if (s.selected) void s.place(s.selected, slot);
    else if (rigId) useUiStore.getState().openRig(rigId);
    else
      useMapStore.setState({ notice: 'Pick a rig from the list (or blink one) first, then click its slot.' });
  }, []);
  const onDropRig = useCallback(
    (rigId: string, slot: SlotRef) => void useMapStore.getState().place(rigId, slot),
    [],
  );
  const onRigKey = useCallback((rigId: string, key: 'move' | 'unplace') => {
    const s = useMapStore.getState();
    if (key === 'move') s.select(rigId);
    else void s.run(() => getClient().call('map.unplace', { rigId }));
  }, []);
  const slots: SlotHandlers = useMemo(
    () => ({ nameOf, lookOf, onSlot, onDropRig, onRigKey, picking: selected !== null || locating !== null }),
    [nameOf, lookOf, onSlot, onDropRig, onRigKey, selected, locating],
  );

  const defaultLimit = tempLimits ? tempLimitsFor(tempLimits, null).chipC : 85;
  return (
    <section className="page map-page">
      <h1>Map</h1>
      <MapToolbar />
      <div className="map-legend" aria-label="Legend">
        {legend(overlay, { limitC: defaultLimit, maxPowerW: maxPowerW || 3500 }).map((l) => (
          <span key={l.text}>
            <i style={{ background: l.colour }} /> {l.text}
          </span>
        ))}
        <span>
          <i style={{ background: 'var(--map-idle)' }} /> not live
        </span>
      </div>
      {locating && (
        <div className="map-banner" role="status">
          The locate LED of <strong>{nameOf(locating)}</strong> is on: click the slot where it blinks.{' '}
          <button
            type="button"
            className="small secondary"
            onClick={() => void useMapStore.getState().cancelLocate()}
          >
            Cancel (LED off)
          </button>
        </div>
      )}
      {selected && !locating && (
        <div className="map-banner" role="status">
          Click a free slot for <strong>{nameOf(selected)}</strong>.{' '}
          <button
            type="button"
            className="small secondary"
            onClick={() => useMapStore.getState().select(null)}
          >
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && <p className="map-notice">{notice}</p>}
      <div className="map-body">
        <div className="map-rooms">
          {layout === null && !error && <p className="muted">Loading the map…</p>}
          {layout?.rooms.length === 0 && (
            <p className="muted">
              No rooms yet: add a room, then its racks (rows × slots), then put the rigs in them.
            </p>
          )}
          {layout?.rooms.map((room) => (
            <RoomSection
              key={room.id}
              room={room}
              layout={layout}
              placedByRack={placedByRack}
              slots={slots}
            />
          ))}
        </div>
        <UnplacedList rigs={unplaced} />
      </div>
    </section>
  );
}
