import { type ChangeEvent, type FormEvent, useState } from 'react';

import { getClient } from '../../api';
import { type Overlay, overlayLabel, overlays } from '../../map/overlays';
import { useMapStore } from '../../stores/map';

/** Overlays, a new room, placing from labels and names, export and import of the layout. */
export function MapToolbar() {
  const overlay = useMapStore((s) => s.overlay);
  const { setOverlay, run } = useMapStore.getState();
  const [room, setRoom] = useState('');
  const addRoom = async (e: FormEvent) => {
    e.preventDefault();
    if (await run(() => getClient().call('map.saveRoom', { id: null, name: room }))) setRoom('');
  };
  const fromNames = async () => {
    let count = 0;
    const ok = await run(async () => {
      const { layout, placed } = await getClient().call('map.placeFromNames');
      count = placed.length;
      return layout;
    });
    if (!ok) return;
    useMapStore.setState({
      notice:
        count === 0
          ? 'No unplaced rig has a label or name that names a free slot (RACK-S<n> or RACK-R<row>-S<slot>).'
          : `Placed ${count} rig${count === 1 ? '' : 's'} from labels and names.`,
    });
  };
  const exportFile = async () => {
    await run(async () => {
      const file = await getClient().call('map.export');
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = `rigdeck-map-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      URL.revokeObjectURL(url);
      return null;
    });
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const text = await file.text();
    let result = { placed: 0, skipped: [] as string[] };
    const ok = await run(async () => {
      const r = await getClient().call('map.import', { text });
      result = r;
      return r.layout;
    });
    if (ok) {
      const skipped = result.skipped.length > 0 ? `; not in this fleet: ${result.skipped.join(', ')}` : '';
      useMapStore.setState({ notice: `Imported the map: ${result.placed} rigs placed${skipped}.` });
    }
  };
  return (
    <div className="toolbar map-toolbar">
      <div role="radiogroup" aria-label="Overlay" className="map-overlays">
        {overlays.map((o: Overlay) => (
          <button
            key={o}
            type="button"
            role="radio"
            aria-checked={overlay === o}
            className={overlay === o ? 'tab active' : 'tab'}
            onClick={() => setOverlay(o)}
          >
            {overlayLabel[o]}
          </button>
        ))}
      </div>
      <form className="inline" onSubmit={(e) => void addRoom(e)}>
        <input
          aria-label="New room name"
          placeholder="New room"
          value={room}
          onChange={(e) => setRoom(e.target.value)}
          maxLength={32}
          required
        />
        <button type="submit" className="small">
          Add room
        </button>
      </form>
      <button type="button" className="small secondary" onClick={() => void fromNames()}>
        Place from labels
      </button>
      <button type="button" className="small secondary" onClick={() => void exportFile()}>
        Export JSON
      </button>
      <label className="small secondary map-import">
        Import JSON
        <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
      </label>
    </div>
  );
}
