import { type DragEvent, useMemo, useState } from 'react';

import type { RigRecord } from '../../../shared/fleet';
import { getClient } from '../../api';
import { useMapStore } from '../../stores/map';
import { RIG_DRAG_TYPE } from './RackView';

/**
 * Rigs not on the map. Drag one onto a slot, or pick it (then click a slot), or blink its LED and click the slot
 * where it blinks. A placed rig dragged here comes off the map.
 */
export function UnplacedList({ rigs }: { rigs: readonly RigRecord[] }) {
  const selected = useMapStore((s) => s.selected);
  const locating = useMapStore((s) => s.locating);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = f ? rigs.filter((r) => r.name.toLowerCase().includes(f) || r.ip.includes(f)) : rigs;
    return list.slice(0, 300);
  }, [rigs, filter]);
  const { select, startLocate, run } = useMapStore.getState();
  const drop = (e: DragEvent) => {
    const rigId = e.dataTransfer.getData(RIG_DRAG_TYPE);
    if (!rigId) return;
    e.preventDefault();
    void run(() => getClient().call('map.unplace', { rigId }));
  };
  return (
    <aside
      className="map-unplaced"
      aria-label="Unplaced rigs"
      onDragOver={(e) => e.dataTransfer.types.includes(RIG_DRAG_TYPE) && e.preventDefault()}
      onDrop={drop}
    >
      <h2>Unplaced rigs ({rigs.length})</h2>
      <input
        type="search"
        placeholder="Filter by name or IP"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        aria-label="Filter unplaced rigs"
      />
      {rigs.length === 0 && <p className="muted">Every rig is on the map.</p>}
      <ul>
        {shown.map((r) => (
          <li
            key={r.id}
            className={r.id === selected || r.id === locating ? 'picked' : undefined}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(RIG_DRAG_TYPE, r.id);
              e.dataTransfer.effectAllowed = 'move';
            }}
          >
            <span className="map-unplaced-name">{r.name}</span>
            <span className="muted mono">{r.ip}</span>
            <button
              type="button"
              className="small secondary"
              aria-pressed={r.id === selected}
              onClick={() => select(r.id === selected ? null : r.id)}
            >
              {r.id === selected ? 'Picked' : 'Pick'}
            </button>
            <button
              type="button"
              className="small secondary"
              disabled={locating !== null}
              onClick={() => void startLocate(r.id)}
            >
              Blink to locate
            </button>
          </li>
        ))}
      </ul>
      {shown.length < rigs.length && (
        <p className="muted">{rigs.length - shown.length} more: filter to find them.</p>
      )}
    </aside>
  );
}
