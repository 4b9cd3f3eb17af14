import { useState } from 'react';

import type { RigRecord } from '../../../shared/fleet';

export type MaintenanceDraft = {
  kind: 'rig' | 'label';
  rigId: string;
  label: string;
  from: string;
  to: string;
  note: string;
};

type Props = {
  rigs: readonly RigRecord[];
  initial: { from: string; to: string };
  onAdd: (d: MaintenanceDraft) => Promise<boolean>;
};

export function MaintenanceForm({ rigs, initial, onAdd }: Props) {
  const [d, setD] = useState<MaintenanceDraft>({
    kind: 'rig',
    rigId: rigs[0]?.id ?? '',
    label: '',
    note: '',
    ...initial,
  });
  const put = (patch: Partial<MaintenanceDraft>) => setD({ ...d, ...patch });
  // The rig list may arrive after the form: the first rig is the choice until one is picked.
  const rigId = d.rigId || (rigs[0]?.id ?? '');
  return (
    <form
      className="toolbar maintenance-form"
      aria-label="Add a maintenance window"
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd({ ...d, rigId }).then((ok) => ok && put({ note: '' }));
      }}
    >
      <select
        aria-label="Maintenance of"
        value={d.kind}
        onChange={(e) => put({ kind: e.target.value as 'rig' | 'label' })}
      >
        <option value="rig">Rig</option>
        <option value="label">Label</option>
      </select>
      {d.kind === 'rig' ? (
        <select aria-label="Rig" value={rigId} onChange={(e) => put({ rigId: e.target.value })}>
          {rigs.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      ) : (
        <input
          aria-label="Label"
          placeholder="rack-A"
          value={d.label}
          onChange={(e) => put({ label: e.target.value })}
        />
      )}
      <label className="inline">
        From
        <input
          type="datetime-local"
          aria-label="From"
          value={d.from}
          onChange={(e) => put({ from: e.target.value })}
        />
      </label>
      <label className="inline">
        To
        <input
          type="datetime-local"
          aria-label="To"
          value={d.to}
          onChange={(e) => put({ to: e.target.value })}
        />
      </label>
      <input
        aria-label="Note"
        placeholder="Note (optional)"
        value={d.note}
        onChange={(e) => put({ note: e.target.value })}
      />
      <button type="submit" className="small">
        Add window
      </button>
    </form>
  );
}
