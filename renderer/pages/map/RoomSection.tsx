import { type CSSProperties, type FormEvent, useState } from 'react';

import type { MapLayout, MapRack, MapRoom, Placement, SlotRef } from '../../../shared/map';
import type { SlotLook } from '../../map/overlays';
import { getClient } from '../../api';
import { useMapStore } from '../../stores/map';
import { RackForm } from './RackForm';
import { RackView } from './RackView';

export type SlotHandlers = {
  nameOf: (rigId: string) => string;
  lookOf: (rigId: string) => SlotLook;
  onSlot: (slot: SlotRef, rigId: string | null) => void;
  onDropRig: (rigId: string, slot: SlotRef) => void;
  onRigKey: (rigId: string, key: 'move' | 'unplace') => void;
  picking: boolean;
};

const run = useMapStore.getState().run;

/** A room: its name (renamable), its racks, and a form to add one. */
export function RoomSection({
  room,
  layout,
  placedByRack,
  slots,
}: {
  room: MapRoom;
  layout: MapLayout;
  placedByRack: ReadonlyMap<string, ReadonlyMap<string, Placement>>;
  slots: SlotHandlers;
}) {
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const racks = layout.racks.filter((r) => r.roomId === room.id);
  const rename = async (e: FormEvent) => {
    e.preventDefault();
    if (renaming === null) return;
    if (await run(() => getClient().call('map.saveRoom', { id: room.id, name: renaming }))) setRenaming(null);
  };
  const remove = () => {
    if (window.confirm(`Delete room ${room.name} and its ${racks.length} racks? Their rigs become unplaced.`))
      void run(() => getClient().call('map.deleteRoom', { id: room.id }));
  };
  return (
    <section className="map-room" aria-label={`Room ${room.name}`}>
      <header className="map-room-head">
        {renaming === null ? (
          <>
            <h2>{room.name}</h2>
            <button type="button" className="small secondary" onClick={() => setRenaming(room.name)}>
              Rename
            </button>
            <button type="button" className="small secondary" onClick={() => setAdding(true)}>
              Add rack
            </button>
            <button type="button" className="small danger" onClick={remove}>
              Delete room
            </button>
          </>
        ) : (
          <form className="inline" onSubmit={(e) => void rename(e)}>
            <input
              aria-label="Room name"
              value={renaming}
              onChange={(e) => setRenaming(e.target.value)}
              maxLength={32}
            />
            <button type="submit" className="small">
              Save
            </button>
            <button type="button" className="small secondary" onClick={() => setRenaming(null)}>
              Cancel
            </button>
          </form>
        )}
      </header>
      {adding && (
        <RackForm rooms={layout.rooms} roomId={room.id} rack={null} onDone={() => setAdding(false)} />
      )}
      {racks.length === 0 && !adding && <p className="muted">No racks in this room yet.</p>}
      <div className="map-racks">
        {racks.map((rack) => (
          <RackPanel
            key={rack.id}
            rack={rack}
            rooms={layout.rooms}
            placed={placedByRack.get(rack.id)}
            slots={slots}
          />
        ))}
      </div>
    </section>
  );
}

const NONE: ReadonlyMap<string, Placement> = new Map();

function RackPanel({
  rack,
  rooms,
  placed = NONE,
  slots,
}: {
  rack: MapRack;
  rooms: readonly MapRoom[];
  placed: ReadonlyMap<string, Placement> | undefined;
  slots: SlotHandlers;
}) {
  const [editing, setEditing] = useState(false);
  const remove = () => {
    if (window.confirm(`Delete rack ${rack.name}? Its ${placed.size} rigs become unplaced.`))
      void run(() => getClient().call('map.deleteRack', { id: rack.id }));
  };
  // Its size before it is laid out (styles.css, .map-rack): racks out of view then skip layout and paint.
  const size = { '--rows': rack.rows, '--slots': rack.slots } as CSSProperties;
  return (
    <div className="map-rack" aria-label={`Rack ${rack.name}`} style={size}>
      <div className="map-rack-head">
        <strong>{rack.name}</strong>
        <span className="muted">
          {rack.rows} × {rack.slots} slots, {placed.size} placed
        </span>
        <button type="button" className="small secondary" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" className="small danger" onClick={remove}>
          Delete
        </button>
      </div>
      {editing && (
        <RackForm rooms={rooms} roomId={rack.roomId} rack={rack} onDone={() => setEditing(false)} />
      )}
      <RackView rack={rack} placed={placed} {...slots} />
    </div>
  );
}
