import { useUiStore } from '../stores/ui';
import { AuditTable } from './AuditTable';
import { useAudit } from './useAudit';

const RECENT = 10;

/** The rig page's recent commands with their outcome; the whole log is on the Activity page. */
export function RigCommands({ rigId }: { rigId: string }) {
  const { entries, error } = useAudit(rigId, null, RECENT);
  const go = useUiStore((s) => s.go);
  return (
    <section className="rig-commands" data-testid="rig-commands">
      <h2>Commands</h2>
      {error && <p className="error">{error}</p>}
      {entries !== null && entries.length === 0 && <p className="muted">No command sent to this rig yet.</p>}
      {entries !== null && entries.length > 0 && <AuditTable entries={entries} showRig={false} />}
      <a
        href="#/activity"
        className="muted"
        onClick={(e) => {
          e.preventDefault();
          go('activity');
        }}
      >
        All activity
      </a>
    </section>
  );
}
