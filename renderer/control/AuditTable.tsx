import type { AuditEntry } from '../../shared/control';
import { useFleetStore } from '../stores/fleet';
import { auditOutcome, auditWhat } from './audit-view';

/** Commands sent, newest first: when, from which face, what, to which rig, and what came of it. */
export function AuditTable({ entries, showRig }: { entries: readonly AuditEntry[]; showRig: boolean }) {
  const rigs = useFleetStore((s) => s.rigs);
  return (
    <table className="grid audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th>Requested</th>
          {showRig && <th>Rig</th>}
          <th>Command</th>
          <th>From</th>
          <th>Outcome</th>
          <th>Message</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const o = auditOutcome(e);
          return (
            <tr key={e.id} data-audit={e.id} data-outcome={e.outcome ?? 'pending'}>
              <td>{new Date(e.requestedAtMs).toLocaleString()}</td>
              {showRig && <td>{rigs.get(e.rigId)?.name ?? e.rigId}</td>}
              <td>{auditWhat(e)}</td>
              <td>{e.face ?? '—'}</td>
              <td>
                <span className={`badge ${o.tone}`}>{o.text}</span>
              </td>
              <td className="message">{e.message ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
