import { useEffect, useState } from 'react';

import type { AuditEntry } from '../../shared/control';
import { getClient } from '../api';
import { useJobsStore } from '../stores/jobs';
import type { AuditCursor } from './audit-view';
import { jobDone } from './job-merge';
import { messageOf } from './run';

/** Rigs finished across the jobs in view: it moves whenever a command ends, which is when the log changes. */
const finishedKey = (s: ReturnType<typeof useJobsStore.getState>): number =>
  [...s.jobs.values()].reduce((n, j) => n + jobDone(j).done + (j.state === 'running' ? 0 : 1), 0);

/**
 * One page of the audit log (newest first; from `cursor`, or the newest), read again as commands end. The rows
 * the cursor skips are asked for on top of `limit` and dropped, so a page still holds `limit` new rows.
 */
export function useAudit(
  rigId: string | null,
  cursor: AuditCursor | null,
  limit: number,
): { entries: AuditEntry[] | null; error: string | null } {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = useJobsStore(finishedKey);
  useEffect(() => {
    let on = true;
    const skip = new Set(cursor?.skipIds ?? []);
    getClient()
      .call('audit.list', {
        limit: limit + skip.size,
        ...(rigId === null ? {} : { rigId }),
        ...(cursor === null ? {} : { beforeMs: cursor.beforeMs }),
      })
      .then((r) => on && (setEntries(r.entries.filter((e) => !skip.has(e.id))), setError(null)))
      .catch((e: unknown) => on && setError(messageOf(e)));
    return () => {
      on = false;
    };
  }, [rigId, cursor, limit, changed]);
  return { entries, error };
}
