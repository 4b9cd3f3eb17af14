import { useEffect, useState } from 'react';

import { type AuditEntry } from '../../shared/control';
import { getClient } from '../api';
import { useJobsStore } from '../stores/jobs';
import { jobDone } from './job-merge';
import { messageOf } from './run';

/** Rigs finished across the jobs in view: it moves whenever a command ends, which is when the log changes. */
const finishedKey = (s: ReturnType<typeof useJobsStore.getState>): number =>
  [...s.jobs.values()].reduce((n, j) => n + jobDone(j).done + (j.state === 'running' ? 0 : 1), 0);

/** One page of the audit log (newest first, before `beforeMs`), read again as commands end. */
export function useAudit(
  rigId: string | null,
  beforeMs: number | null,
  limit: number,
): { entries: AuditEntry[] | null; error: string | null } {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = useJobsStore(finishedKey);
  useEffect(() => {
    let on = true;
    getClient()
      .call('audit.list', {
        limit,
        ...(rigId === null ? {} : { rigId }),
        ...(beforeMs === null ? {} : { beforeMs }),
      })
      .then((r) => on && (setEntries(r.entries), setError(null)))
      .catch((e: unknown) => on && setError(messageOf(e)));
    return () => {
      on = false;
    };
  }, [rigId, beforeMs, limit, changed]);
  return { entries, error };
}
