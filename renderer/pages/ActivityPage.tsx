import { useState } from 'react';

import { getClient } from '../api';
import { AuditTable } from '../control/AuditTable';
import { type AuditCursor, auditFileName, olderCursor } from '../control/audit-view';
import { downloadText } from '../control/download';
import { messageOf } from '../control/run';
import { useAudit } from '../control/useAudit';
import { useFleetStore } from '../stores/fleet';

const PAGE = 50;
/** The CSV holds up to this many commands (audit.list's own bound); the CLI exports any number. */
const CSV_LIMIT = 5000;

/**
 * The audit log of every command sent, newest first, a page at a time, for the fleet or one rig, with CSV export.
 * Paging goes back by request time (audit-view.ts `olderCursor`); `pages` keeps where each page began, so
 * "Newer" retraces them.
 */
export function ActivityPage() {
  const rigs = useFleetStore((s) => s.rigs);
  const [rigId, setRigId] = useState<string | null>(null);
  const [pages, setPages] = useState<AuditCursor[]>([]);
  const { entries, error } = useAudit(rigId, pages.at(-1) ?? null, PAGE);
  const [csvError, setCsvError] = useState<string | null>(null);
  const older = entries === null || entries.length < PAGE ? null : olderCursor(entries);
  const sorted = [...rigs.values()].sort((a, b) => a.name.localeCompare(b.name));

  const exportCsv = async () => {
    try {
      const { csv } = await getClient().call('audit.exportCsv', {
        limit: CSV_LIMIT,
        ...(rigId === null ? {} : { rigId }),
      });
      downloadText(csv, auditFileName(rigId === null ? null : (rigs.get(rigId)?.name ?? rigId), Date.now()));
      setCsvError(null);
    } catch (err) {
      setCsvError(messageOf(err));
    }
  };

  return (
    <section className="page" data-testid="activity-page">
      <h1>Activity</h1>
      <p className="muted">
        Every command sent to a rig, from any face (desktop, browser, CLI), and what came of it.
      </p>
      <div className="toolbar">
        <label className="inline">
          Rig
          <select
            aria-label="Filter by rig"
            value={rigId ?? ''}
            onChange={(e) => {
              setRigId(e.target.value === '' ? null : e.target.value);
              setPages([]);
            }}
          >
            <option value="">All rigs</option>
            {sorted.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="small secondary" onClick={() => void exportCsv()}>
          Export CSV
        </button>
        <span className="muted">{pages.length === 0 ? 'Newest' : `Page ${pages.length + 1}`}</span>
      </div>
      {(error ?? csvError) && <p className="error">{error ?? csvError}</p>}
      {entries !== null && entries.length === 0 && <p className="muted">No commands recorded.</p>}
      {entries !== null && entries.length > 0 && <AuditTable entries={entries} showRig={rigId === null} />}
      <div className="actions pager">
        <button
          type="button"
          className="small secondary"
          disabled={pages.length === 0}
          onClick={() => setPages(pages.slice(0, -1))}
        >
          Newer
        </button>
        <button
          type="button"
          className="small secondary"
          disabled={older === null}
          onClick={() => older !== null && setPages([...pages, older])}
        >
          Older
        </button>
      </div>
    </section>
  );
}
