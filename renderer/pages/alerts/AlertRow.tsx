import type { Alert } from '../../../shared/alerts';
import { formatAge } from '../../../shared/format';
import { problemLabels } from '../../alerts/problem-labels';
import { Since } from '../../components/Since';
import { severityTone, severityWord } from '../../components/health-tone';
import { SnoozeSelect } from './SnoozeSelect';

type Props = {
  alert: Alert;
  now: number;
  onOpenRig: (id: string) => void;
  onAcknowledge?: () => void;
  onSnooze?: (minutes: number) => void;
};

/** One alert: what, where, since when, and what has been done about it. */
export function AlertRow({ alert: a, now, onOpenRig, onAcknowledge, onSnooze }: Props) {
  return (
    <tr data-alert={a.id} data-state={a.state} data-code={a.code}>
      <td>
        <span className={`badge tone-${severityTone[a.severity]}`}>{severityWord[a.severity]}</span>
      </td>
      <td>
        {a.rigId ? (
          <a
            href={`#/rig/${a.rigId}`}
            onClick={(e) => {
              e.preventDefault();
              if (a.rigId) onOpenRig(a.rigId);
            }}
          >
            {a.rigName ?? a.rigId}
          </a>
        ) : (
          'Fleet'
        )}
        {a.ip && <small className="muted mono"> {a.ip}</small>}
      </td>
      <td>{problemLabels[a.code]}</td>
      <td className="evidence">{a.text}</td>
      <td>
        {a.state === 'cleared' && a.clearedAtMs !== null ? (
          <small className="muted">
            cleared {formatAge(a.clearedAtMs, now)}, lasted <Since ms={a.sinceMs} now={a.clearedAtMs} />
          </small>
        ) : (
          <Since ms={a.sinceMs} now={now} />
        )}
      </td>
      <td>
        <Status alert={a} now={now} />
      </td>
      <td className="row-actions">
        {onAcknowledge && a.state === 'open' && (
          <button type="button" className="small secondary" onClick={onAcknowledge}>
            Acknowledge
          </button>
        )}
        {onSnooze && a.state !== 'cleared' && <SnoozeSelect alert={a} now={now} onSnooze={onSnooze} />}
      </td>
    </tr>
  );
}

function Status({ alert: a, now }: { alert: Alert; now: number }) {
  const notes: string[] = [];
  if (a.acknowledgedAtMs !== null) notes.push(`acknowledged ${formatAge(a.acknowledgedAtMs, now)}`);
  if ((a.snoozedUntilMs ?? 0) > now && a.snoozedUntilMs !== null) {
    notes.push(`snoozed until ${new Date(a.snoozedUntilMs).toLocaleTimeString()}`);
  }
  if (a.inMaintenance) notes.push('in maintenance');
  return <small className="muted">{notes.length > 0 ? notes.join(' · ') : a.state}</small>;
}
