import type { Alert } from '../../../shared/alerts';
import { AlertRow } from './AlertRow';

type Props = {
  alerts: readonly Alert[];
  now: number;
  empty: string;
  onOpenRig: (id: string) => void;
  /** Absent on the history tab: a cleared alert takes no action. */
  onAcknowledge?: (ids: string[]) => void;
  onSnooze?: (ids: string[], minutes: number) => void;
};

export function AlertsTable({ alerts, now, empty, onOpenRig, onAcknowledge, onSnooze }: Props) {
  if (alerts.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table className="grid alerts-table" data-testid="alerts-table">
      <thead>
        <tr>
          <th>Severity</th>
          <th>Rig</th>
          <th>Rule</th>
          <th>Evidence</th>
          <th>Duration</th>
          <th>Status</th>
          <th>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((a) => (
          <AlertRow
            key={a.id}
            alert={a}
            now={now}
            onOpenRig={onOpenRig}
            onAcknowledge={onAcknowledge && (() => onAcknowledge([a.id]))}
            onSnooze={onSnooze && ((m) => onSnooze([a.id], m))}
          />
        ))}
      </tbody>
    </table>
  );
}
