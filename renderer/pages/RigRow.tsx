import { useState } from 'react';

import type { RigRecord } from '../../shared/fleet';
import { getClient } from '../api';
import { useFleetStore } from '../stores/fleet';

type Editing = null | 'name' | 'labels' | 'password' | 'remove';

/** One registered rig with its inline edits: rename, labels, its own password, remove (asks once more). */
export function RigRow({ rig }: { rig: RigRecord }) {
  const run = useFleetStore((s) => s.run);
  const [editing, setEditing] = useState<Editing>(null);
  const [value, setValue] = useState('');
  const begin = (what: Editing, initial = '') => {
    setEditing(what);
    setValue(initial);
  };
  const submit = (action: () => Promise<unknown>) => void run(action).then((ok) => ok && setEditing(null));
  const client = getClient();

  const editor = (label: string, type: string, onSave: () => void) => (
    <form
      className="inline"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <input
        aria-label={label}
        type={type}
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="small">
        Save
      </button>
      <button type="button" className="small secondary" onClick={() => setEditing(null)}>
        Cancel
      </button>
    </form>
  );

  return (
    <tr data-rig={rig.id}>
      <td>
        {editing === 'name'
          ? editor(`New name for ${rig.name}`, 'text', () =>
              submit(() => client.call('fleet.rename', { id: rig.id, name: value })),
            )
          : rig.name}
      </td>
      <td className="mono">{rig.httpPort === 80 ? rig.ip : `${rig.ip}:${rig.httpPort}`}</td>
      <td>{rig.model ?? '—'}</td>
      <td>{rig.firmware ? `${rig.firmware} ${rig.firmwareVersion ?? ''}` : '—'}</td>
      <td className="mono">{rig.serial ?? '—'}</td>
      <td className="mono">{rig.mac ?? '—'}</td>
      <td>
        {editing === 'labels'
          ? editor(`Labels for ${rig.name}`, 'text', () =>
              submit(() =>
                client.call('fleet.setLabels', {
                  id: rig.id,
                  labels: value
                    .split(',')
                    .map((l) => l.trim())
                    .filter(Boolean),
                }),
              ),
            )
          : rig.labels.join(', ') || '—'}
      </td>
      <td>
        {editing === 'password'
          ? editor(`Password for ${rig.name}`, 'password', () =>
              submit(() => client.call('fleet.setPassword', { rigId: rig.id, password: value })),
            )
          : rig.hasOwnPassword
            ? 'own'
            : 'fleet default'}
      </td>
      <td className="inline">
        {editing === 'remove' ? (
          <>
            <button
              type="button"
              className="small danger"
              onClick={() => submit(() => client.call('fleet.remove', { ids: [rig.id] }))}
            >
              Remove {rig.name}
            </button>
            <button type="button" className="small secondary" onClick={() => setEditing(null)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button type="button" className="small secondary" onClick={() => begin('name', rig.name)}>
              Rename
            </button>
            <button
              type="button"
              className="small secondary"
              onClick={() => begin('labels', rig.labels.join(', '))}
            >
              Labels
            </button>
            <button type="button" className="small secondary" onClick={() => begin('password')}>
              Password
            </button>
            <button type="button" className="small secondary" onClick={() => begin('remove')}>
              Remove
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
