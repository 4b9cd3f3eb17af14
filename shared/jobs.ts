/**
 * A bulk command as both sides see it: `control.run` makes a job, each rig in it moves queued → running → an
 * outcome (or cancelled, or interrupted when RigDeck stopped first). A job is never lost: one that was running
 * when RigDeck stopped reads as interrupted after the restart and is not resumed on its own.
 */
import { z } from 'zod';

import { faces } from './faces';
import { type JobRigState, jobRigStates, jobStates } from './job-state';
import { outcomes } from './control-names';

export { jobRigStates, jobStates, rigFinished, type JobRigState, type JobState } from './job-state';

export const jobRigSchema = z.object({
  rigId: z.string(),
  state: z.enum(jobRigStates),
  message: z.string().nullable(),
  restartRequired: z.boolean().nullable(),
  startedAtMs: z.number().nullable(),
  finishedAtMs: z.number().nullable(),
});
export type JobRig = z.infer<typeof jobRigSchema>;

/** Rigs in each state, every state present (0 when none). */
export const jobTotalsSchema = z.record(z.enum(jobRigStates), z.number().int());
export type JobTotals = z.infer<typeof jobTotalsSchema>;

export const jobSummarySchema = z.object({
  id: z.string(),
  action: z.string(),
  params: z.record(z.string(), z.unknown()),
  face: z.enum(faces),
  state: z.enum(jobStates),
  createdAtMs: z.number(),
  finishedAtMs: z.number().nullable(),
  /** Rigs at once and ms between starts it ran with; null cap: not paced (a harmless action). */
  concurrency: z.number().int().nullable(),
  staggerMs: z.number().int(),
  totals: jobTotalsSchema,
});
export type JobSummary = z.infer<typeof jobSummarySchema>;

export const jobSchema = jobSummarySchema.extend({ rigs: z.array(jobRigSchema) });
export type Job = z.infer<typeof jobSchema>;

/** `job.progress`: the rigs whose state just changed, and where the job stands. */
export const jobProgressSchema = z.object({
  jobId: z.string(),
  state: z.enum(jobStates),
  totals: jobTotalsSchema,
  changed: z.array(jobRigSchema),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

export function totalsOf(states: readonly JobRigState[]): JobTotals {
  const totals = Object.fromEntries(jobRigStates.map((s) => [s, 0])) as JobTotals;
  for (const s of states) totals[s] += 1;
  return totals;
}

const jobId = z.string().min(1).max(64);
export const jobIdRequestSchema = z.object({ id: jobId }).strict();
export const jobsListRequestSchema = z
  .object({ limit: z.number().int().min(1).max(1000).default(50) })
  .strict()
  .prefault({});

/** The rig states that are a command's outcome (shared/control.ts). */
export const outcomeStates = outcomes;
