import { useState } from 'react';

import type { RigRecord } from '../../shared/fleet';
import { getClient } from '../api';
import { useFleetStore } from '../stores/fleet';
import { useUiStore } from '../stores/ui';

type Editing = null | 'name' | 'labels' | 'password' | 'remove';

/** Registry edits for one rig: rename, labels, its own miner password, remove (asks once more). */
export function RigManage({ rig }: { rig: RigRecord }) {
  const run = useFleetStore((s) => s.run);
  // A refused edit (a name another rig has) is said here, beside the field, not only on the Fleet page.
  const error = useFleetStore((s) => s.error);
  const go = useUiStore((s) => s.go);
  const [editing, setEditing] = useState<Editing>(null);
  const [value, setValue] = useState('');
  const begin = (what: Editing, initial = '') => {
    useFleetStore.setState({ error: null });
    setEditing(what);
    setValue(initial);
  };
  const submit = (action: () => Promise<unknown>, after?: () => void) =>
    void run(action).then((ok) => {
      if (!ok) return;
      setEditing(null);
      after?.();
    });
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
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );

  if (editing === 'name')
    return editor('New name', 'text', () =>
      submit(() => client.call('fleet.rename', { id: rig.id, name: value })),
    );
  if (editing === 'labels') {
    const labels = value
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    return editor('Labels (comma separated)', 'text', () =>
      submit(() => client.call('fleet.setLabels', { id: rig.id, labels })),
    );
  }
  if (editing === 'password') {
    return editor('Miner password', 'password', () =>
      submit(() => client.call('fleet.setPassword', { rigId: rig.id, password: value })),
    );
  }
  if (editing === 'remove') {
    return (
      <div className="inline">
        <span>Remove {rig.name} from the fleet? Its history is kept.</span>
        <button
          type="button"
          className="small danger"
          onClick={() =>
            submit(
              () => client.call('fleet.remove', { ids: [rig.id] }),
              () => go('fleet'),
            )
          }
        >
          Remove {rig.name}
        </button>
        <button type="button" className="small secondary" onClick={() => setEditing(null)}>
          Keep
        </button>
      </div>
    );
  }
  return (
    <div className="inline">
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
        Password ({rig.hasOwnPassword ? 'own' : 'fleet default'})
      </button>
      <button type="button" className="small secondary" onClick={() => begin('remove')}>
        Remove
      </button>
    </div>
  );
}
