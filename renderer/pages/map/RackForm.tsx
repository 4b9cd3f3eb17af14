import { type FormEvent, useState } from 'react';

import type { MapRack, MapRoom } from '../../../shared/map';
import { MAX_RACK_ROWS, MAX_RACK_SLOTS } from '../../../shared/map-limits';
import { getClient } from '../../api';
import { useMapStore } from '../../stores/map';

/** Add a rack to a room, or rename, move or resize one (the core refuses a size that would drop placed rigs). */
export function RackForm({
  rooms,
  roomId,
  rack,
  onDone,
}: {
  rooms: readonly MapRoom[];
  roomId: string;
  rack: MapRack | null;
  onDone: () => void;
}) {
  const [name, setName] = useState(rack?.name ?? '');
  const [rows, setRows] = useState(String(rack?.rows ?? 4));
  const [slots, setSlots] = useState(String(rack?.slots ?? 8));
  const [room, setRoom] = useState(rack?.roomId ?? roomId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await useMapStore.getState().run(() =>
      getClient().call('map.saveRack', {
        id: rack?.id ?? null,
        roomId: room,
        name,
        rows: Number(rows),
        slots: Number(slots),
      }),
    );
    if (ok) onDone();
  };
  return (
    <form
      className="inline map-rack-form"
      onSubmit={(e) => void submit(e)}
      aria-label={rack ? `Edit rack ${rack.name}` : 'New rack'}
    >
      <label>
        Rack name{' '}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={32} size={8} />
      </label>
      <label>
        Rows{' '}
        <input
          type="number"
          min={1}
          max={MAX_RACK_ROWS}
          value={rows}
          onChange={(e) => setRows(e.target.value)}
        />
      </label>
      <label>
        Slots per row{' '}
        <input
          type="number"
          min={1}
          max={MAX_RACK_SLOTS}
          value={slots}
          onChange={(e) => setSlots(e.target.value)}
        />
      </label>
      {rack && rooms.length > 1 && (
        <label>
          Room{' '}
          <select value={room} onChange={(e) => setRoom(e.target.value)}>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="small">
        {rack ? 'Save rack' : 'Add rack'}
      </button>
      <button type="button" className="small secondary" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
