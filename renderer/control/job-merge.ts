/**
 * The jobs panel's view of each job, kept current from two sources that can arrive in either order: the
 * `job.progress` events (only the rigs that changed) and a `jobs.get` answer (every rig, as of when it was
 * read). A rig never moves backwards: a state further along (queued → running → an end) wins over an older read.
 */
import { rigFinished } from '../../shared/job-state';
import type { Job, JobProgress, JobRig, JobRigState, JobSummary } from '../../shared/jobs';

/** A job as the panel shows it; `rigs` null until the per-rig detail has been read. */
export type JobView = JobSummary & { rigs: JobRig[] | null };

const rank = (s: JobRigState): number => (s === 'queued' ? 0 : s === 'running' ? 1 : 2);

function newer(a: JobRig | undefined, b: JobRig): JobRig {
  if (a === undefined) return b;
  if (rigFinished(a.state) && rigFinished(b.state)) return b;
  return rank(b.state) >= rank(a.state) ? b : a;
}

function mergeRigs(base: readonly JobRig[], changes: readonly JobRig[]): JobRig[] {
  const byId = new Map(base.map((r) => [r.rigId, r]));
  for (const c of changes) byId.set(c.rigId, newer(byId.get(c.rigId), c));
  return base
    .map((r) => byId.get(r.rigId) ?? r)
    .concat(changes.filter((c) => !base.some((r) => r.rigId === c.rigId)));
}

/** Undefined when the job is unknown here: the caller reads it with `jobs.get`. */
export function applyProgress(view: JobView | undefined, p: JobProgress, nowMs: number): JobView | undefined {
  if (view === undefined) return undefined;
  // A job that has ended stays ended: a late "running" event cannot revive it.
  const state = view.state !== 'running' ? view.state : p.state;
  return {
    ...view,
    state,
    totals: view.state !== 'running' ? view.totals : p.totals,
    finishedAtMs: state === 'running' ? null : (view.finishedAtMs ?? nowMs),
    rigs: view.rigs === null ? null : mergeRigs(view.rigs, p.changed),
  };
}

/** A fresh `jobs.get` (or a `jobs.list` summary) merged with what events already told. */
export function applyRead(view: JobView | undefined, read: Job | JobSummary): JobView {
  const rigs = 'rigs' in read ? read.rigs : null;
  if (view === undefined) return { ...read, rigs };
  const ended = view.state !== 'running' && read.state === 'running';
  return {
    ...read,
    state: ended ? view.state : read.state,
    totals: ended ? view.totals : read.totals,
    finishedAtMs: ended ? view.finishedAtMs : read.finishedAtMs,
    rigs: rigs === null ? view.rigs : view.rigs === null ? rigs : mergeRigs(rigs, view.rigs),
  };
}

/** Newest first. */
export function jobOrder(jobs: ReadonlyMap<string, JobView>): JobView[] {
  return [...jobs.values()].sort((a, b) => b.createdAtMs - a.createdAtMs);
}

export const runningCount = (jobs: ReadonlyMap<string, JobView>): number =>
  [...jobs.values()].filter((j) => j.state === 'running').length;

/** Rigs whose part is over, of all the job's rigs (the progress bar). */
export function jobDone(view: Pick<JobSummary, 'totals'>): { done: number; of: number } {
  const t = view.totals;
  const of = Object.values(t).reduce((a, b) => a + b, 0);
  return { done: of - t.queued - t.running, of };
}

/** Rigs whose change was saved but waits for a mining restart to take effect (a preset, on Vnish). */
export function awaitingRestart(job: JobView): string[] {
  if (job.state === 'running' || job.rigs === null) return [];
  return job.rigs.filter((r) => r.state === 'done' && r.restartRequired === true).map((r) => r.rigId);
}
