/**
 * Jobs and their rigs in SQLite (`jobs`, `job_rigs`, electron/store/schema.ts). Every state change is written
 * as it happens, so what a face reads is what survives a crash; `interruptLeftovers` at start marks what a
 * stopped RigDeck left running.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';

import { type ControlAction } from '../../shared/control';
import { type Face } from '../../shared/contract';
import {
  type Job,
  type JobRig,
  type JobRigState,
  type JobState,
  type JobSummary,
  totalsOf,
} from '../../shared/jobs';
import { type Db } from '../store/db';
import { type JobRigRow, type JobRow, jobRigs, jobs } from '../store/schema';
import { paramsOf } from './params';

export type NewJob = {
  id: string;
  action: ControlAction['kind'];
  params: Record<string, unknown>;
  face: Face;
  atMs: number;
  concurrency: number | null;
  staggerMs: number;
  rigIds: readonly string[];
};

export type RigUpdate = Partial<Omit<JobRig, 'rigId'>> & { state: JobRigState };

export type JobStore = {
  create(job: NewJob): void;
  updateRig(jobId: string, rigId: string, update: RigUpdate): void;
  finishJob(jobId: string, state: Exclude<JobState, 'running'>, atMs: number): void;
  get(jobId: string): Job | null;
  /** Newest first. */
  list(limit: number): JobSummary[];
  /** Jobs still marked running (and their unfinished rigs) become interrupted; returns their ids. */
  interruptLeftovers(atMs: number): string[];
};

const toRig = (r: JobRigRow): JobRig => ({
  rigId: r.rigId,
  state: r.state,
  message: r.message,
  restartRequired: r.restartRequired,
  startedAtMs: r.startedAt,
  finishedAtMs: r.finishedAt,
});

const toSummary = (r: JobRow, states: JobRigState[]): JobSummary => ({
  id: r.id,
  action: r.action,
  params: paramsOf(r.params),
  face: r.face,
  state: r.state,
  createdAtMs: r.createdAt,
  finishedAtMs: r.finishedAt,
  concurrency: r.concurrency,
  staggerMs: r.staggerMs,
  totals: totalsOf(states),
});

const INTERRUPTED: Array<[JobRigState, string]> = [
  ['queued', 'RigDeck stopped before this was sent; nothing went to the rig.'],
  ['running', 'RigDeck stopped while this was in flight; check the rig, it may or may not have applied.'],
];

export function createJobStore(db: Db): JobStore {
  return {
    create(job) {
      db.transaction((tx) => {
        tx.insert(jobs)
          .values({
            id: job.id,
            action: job.action,
            params: JSON.stringify(job.params),
            face: job.face,
            state: 'running',
            createdAt: job.atMs,
            concurrency: job.concurrency,
            staggerMs: job.staggerMs,
          })
          .run();
        job.rigIds.forEach((rigId, seq) => {
          tx.insert(jobRigs).values({ jobId: job.id, rigId, seq, state: 'queued' }).run();
        });
      });
    },
    updateRig(jobId, rigId, u) {
      db.update(jobRigs)
        .set({
          state: u.state,
          ...(u.message === undefined ? {} : { message: u.message }),
          ...(u.restartRequired === undefined ? {} : { restartRequired: u.restartRequired }),
          ...(u.startedAtMs === undefined ? {} : { startedAt: u.startedAtMs }),
          ...(u.finishedAtMs === undefined ? {} : { finishedAt: u.finishedAtMs }),
        })
        .where(and(eq(jobRigs.jobId, jobId), eq(jobRigs.rigId, rigId)))
        .run();
    },
    finishJob(jobId, state, atMs) {
      db.update(jobs)
        .set({ state, finishedAt: atMs })
        .where(and(eq(jobs.id, jobId), eq(jobs.state, 'running')))
        .run();
    },
    get(jobId) {
      const row = db.select().from(jobs).where(eq(jobs.id, jobId)).get();
      if (row === undefined) return null;
      const rigs = db
        .select()
        .from(jobRigs)
        .where(eq(jobRigs.jobId, jobId))
        .orderBy(asc(jobRigs.seq))
        .all()
        .map(toRig);
      return {
        ...toSummary(
          row,
          rigs.map((r) => r.state),
        ),
        rigs,
      };
    },
    list(limit) {
      const rows = db.select().from(jobs).orderBy(desc(jobs.createdAt)).limit(limit).all();
      if (rows.length === 0) return [];
      const states = new Map<string, JobRigState[]>();
      const rigRows = db
        .select({ jobId: jobRigs.jobId, state: jobRigs.state })
        .from(jobRigs)
        .where(
          inArray(
            jobRigs.jobId,
            rows.map((r) => r.id),
          ),
        )
        .all();
      for (const r of rigRows) states.set(r.jobId, [...(states.get(r.jobId) ?? []), r.state]);
      return rows.map((r) => toSummary(r, states.get(r.id) ?? []));
    },
    interruptLeftovers(atMs) {
      return db.transaction((tx) => {
        const ids = tx
          .select({ id: jobs.id })
          .from(jobs)
          .where(eq(jobs.state, 'running'))
          .all()
          .map((r) => r.id);
        if (ids.length === 0) return [];
        for (const [was, message] of INTERRUPTED)
          tx.update(jobRigs)
            .set({ state: 'interrupted', message, finishedAt: atMs })
            .where(and(inArray(jobRigs.jobId, ids), eq(jobRigs.state, was)))
            .run();
        tx.update(jobs).set({ state: 'interrupted', finishedAt: atMs }).where(inArray(jobs.id, ids)).run();
        return ids;
      });
    },
  };
}
