/**
 * When a command job's end deserves a notification, and what it says: a bulk job (more than one rig) or one that
 * ran longer than `LONG_JOB_MS`. Both faces use it: the browser's Notification API in the headless face, the
 * Electron adapter on the desktop (electron/desktop/notifications.ts), so they cannot disagree.
 */
import type { JobSummary } from './jobs';

export const LONG_JOB_MS = 30_000;

export type JobNotice = { title: string; body: string; jobId: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The rig counts that end a job, worst first, e.g. "2 done, 1 failed". */
export function jobOutcomeText(totals: JobSummary['totals']): string {
  const order = ['failed', 'refused', 'unverified', 'interrupted', 'cancelled', 'done'] as const;
  const parts = order.filter((s) => totals[s] > 0).map((s) => `${totals[s]} ${s}`);
  return parts.join(', ') || 'no rigs';
}

export function jobTitle(job: Pick<JobSummary, 'action' | 'params'>): string {
  const p = job.params;
  const name = typeof p['name'] === 'string' ? ` ${p['name']}` : '';
  if (job.action === 'locate') return p['on'] === false ? 'Locate off' : 'Locate on';
  if (job.action === 'preset') return `Preset${name}`;
  if (job.action === 'throttle' && typeof p['percent'] === 'number') return `Throttle ${p['percent']} %`;
  return job.action.charAt(0).toUpperCase() + job.action.slice(1);
}

/** Null when the job is still running, or was short and on one rig (the technician watched it end). */
export function jobEndNotice(job: JobSummary, endedAtMs: number): JobNotice | null {
  if (job.state === 'running') return null;
  const rigs = Object.values(job.totals).reduce((a, b) => a + b, 0);
  const tookMs = (job.finishedAtMs ?? endedAtMs) - job.createdAtMs;
  if (rigs <= 1 && tookMs <= LONG_JOB_MS) return null;
  const bad = job.totals.failed + job.totals.refused + job.totals.unverified + job.totals.interrupted;
  const ended = job.state === 'done' ? (bad > 0 ? 'ended with problems' : 'done') : job.state;
  return {
    jobId: job.id,
    title: `${jobTitle(job)} on ${plural(rigs, 'rig')}: ${ended}`,
    body: jobOutcomeText(job.totals),
  };
}
