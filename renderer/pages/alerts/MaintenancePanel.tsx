import { useEffect, useState } from 'react';

import { type MaintenanceWindow, maintenanceAddSchema } from '../../../shared/alerts';
import { fromLocalInput, toLocalInput } from '../../alerts/local-time';
import { useAlertsStore } from '../../stores/alerts';
import { useFleetStore } from '../../stores/fleet';
import { MaintenanceForm, type MaintenanceDraft } from './MaintenanceForm';

const TWO_HOURS_MS = 2 * 3600_000;

/** Rigs (or every rig with a label) under maintenance: their alerts are kept but never notified. */
export function MaintenancePanel({ now }: { now: number }) {
  const { windows, loadMaintenance, addMaintenance, removeMaintenance } = useAlertsStore();
  const rigs = useFleetStore((s) => s.rigs);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => void loadMaintenance(), [loadMaintenance]);

  const add = async (d: MaintenanceDraft) => {
    const parsed = maintenanceAddSchema.safeParse({
      target: d.kind === 'rig' ? { kind: 'rig', rigId: d.rigId } : { kind: 'label', label: d.label },
      fromMs: fromLocalInput(d.from),
      toMs: fromLocalInput(d.to),
      note: d.note,
    });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Check the window.');
      return false;
    }
    setError(null);
    return addMaintenance(parsed.data);
  };

  const targetText = (w: MaintenanceWindow) =>
    w.target.kind === 'rig'
      ? `rig ${rigs.get(w.target.rigId)?.name ?? w.target.rigId}`
      : `label “${w.target.label}”`;

  return (
    <section className="maintenance" data-testid="maintenance">
      <h2>Maintenance windows</h2>
      {windows.length === 0 ? (
        <p className="muted">No rig is in maintenance.</p>
      ) : (
        <ul className="windows">
          {windows.map((w) => (
            <li key={w.id}>
              <strong>{targetText(w)}</strong>{' '}
              <span className="muted">
                {new Date(w.fromMs).toLocaleString()} – {new Date(w.toMs).toLocaleString()}
                {w.fromMs <= now && now < w.toMs ? ' (now)' : ''}
              </span>
              {w.note && <span> · {w.note}</span>}{' '}
              <button
                type="button"
                className="small secondary"
                aria-label={`End maintenance of ${targetText(w)}`}
                onClick={() => void removeMaintenance(w.id)}
              >
                End
              </button>
            </li>
          ))}
        </ul>
      )}
      <MaintenanceForm
        rigs={[...rigs.values()]}
        initial={{ from: toLocalInput(now), to: toLocalInput(now + TWO_HOURS_MS) }}
        onAdd={add}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
