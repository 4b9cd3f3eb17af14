/** How the audit log reads in the UI: what was asked, in words, and the outcome's tone. */
import type { AuditEntry } from '../../shared/control';
import { jobTitle } from '../../shared/job-notice';
import { stateTone } from './job-tone';

export function auditWhat(e: Pick<AuditEntry, 'action' | 'params'>): string {
  const title = jobTitle(e);
  const p = e.params;
  if (e.action === 'overclock') {
    const parts: string[] = [];
    if (typeof p['freq'] === 'number') parts.push(`${p['freq']} MHz`);
    if (typeof p['volt'] === 'number') parts.push(`${(p['volt'] / 100).toFixed(2)} V`);
    return `Frequency/voltage ${parts.join(', ')}`.trim();
  }
  return title;
}

/** Null outcome: still running, or cut short when RigDeck stopped (then it has no finish time). */
export function auditOutcome(e: Pick<AuditEntry, 'outcome' | 'finishedAtMs' | 'startedAtMs'>): {
  text: string;
  tone: string;
} {
  if (e.outcome !== null) return { text: e.outcome, tone: stateTone(e.outcome) };
  return { text: e.startedAtMs === null ? 'queued' : 'running', tone: 'tone-new' };
}

/** The CSV's file name: what it holds and when it was taken. */
export function auditFileName(rigName: string | null, nowMs: number): string {
  const when = new Date(nowMs).toISOString().slice(0, 16).replace(':', '');
  const who = rigName === null ? 'all' : rigName.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `rigdeck-audit-${who}-${when}.csv`;
}

/**
 * Where the next (older) page starts. `audit.list` pages by `beforeMs` alone, and the rows of one unpaced bulk
 * command can share a millisecond: so the next page asks from just after the oldest time shown and skips the
 * rows of that millisecond already shown, rather than losing the ones that did not fit.
 */
export type AuditCursor = { beforeMs: number; skipIds: readonly string[] };

export function olderCursor(entries: readonly AuditEntry[]): AuditCursor | null {
  const oldest = entries.at(-1)?.requestedAtMs;
  if (oldest === undefined) return null;
  return {
    beforeMs: oldest + 1,
    skipIds: entries.filter((e) => e.requestedAtMs === oldest).map((e) => e.id),
  };
}
