import { useCallback, useEffect, useState } from 'react';

import type { Backup } from '../../shared/backups';
import { getClient } from '../api';
import { runAction } from '../control/run-action';

const REASONS: Record<string, string> = { manual: 'by hand' };
const reasonText = (r: string): string => REASONS[r] ?? `before ${r}`;

/**
 * This rig's settings backups, newest first: taken before every risky change and by hand here. Restore asks
 * once more (it rewrites pools, fans and tuning, and mining may restart to apply them).
 */
export function RigBackups({ rigId }: { rigId: string }) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [asking, setAsking] = useState<Backup | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    getClient()
      .call('backups.list', { rigId })
      .then((r) => (setBackups(r.backups), setError(null)))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [rigId]);
  useEffect(load, [load]);

  const take = async () => {
    setBusy(true);
    try {
      const b = await getClient().call('backups.take', { rigId });
      setNote(`Backup taken: ${b.summary}.`);
      load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const restore = async (b: Backup) => {
    setAsking(null);
    const r = await runAction('restore', [rigId], { backupId: b.id }, true);
    if ('error' in r) setError(r.error);
    else
      setNote(
        `Restoring the backup of ${new Date(b.takenAtMs).toLocaleString()} (job ${r.jobId.slice(0, 8)}).`,
      );
    load();
  };

  return (
    <section className="rig-backups" data-testid="rig-backups">
      <h2>Settings backups</h2>
      <div className="inline">
        <button type="button" className="small secondary" disabled={busy} onClick={() => void take()}>
          Take a backup now
        </button>
        {note && <span className="muted">{note}</span>}
      </div>
      {error && <p className="error">{error}</p>}
      {asking && (
        <div className="inline confirm" role="alertdialog" aria-label="Confirm restore">
          <span>
            Put back the settings of {new Date(asking.takenAtMs).toLocaleString()} ({asking.summary})? Pools,
            fans and tuning are rewritten (never the network or the password); mining may restart to apply
            them.
          </span>
          <button type="button" className="small danger" onClick={() => void restore(asking)}>
            Restore
          </button>
          <button type="button" className="small secondary" onClick={() => setAsking(null)}>
            Keep as is
          </button>
        </div>
      )}
      {backups === null ? (
        <p className="muted">Loading…</p>
      ) : backups.length === 0 ? (
        <p className="muted">
          No backups yet: one is taken before every preset, overclock, fan or pool change.
        </p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th>Taken</th>
              <th>Why</th>
              <th>Firmware</th>
              <th>Settings</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.id}>
                <td>{new Date(b.takenAtMs).toLocaleString()}</td>
                <td>{reasonText(b.reason)}</td>
                <td>{b.firmwareVersion ?? '?'}</td>
                <td>{b.summary}</td>
                <td>
                  <button type="button" className="small secondary" onClick={() => setAsking(b)}>
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
