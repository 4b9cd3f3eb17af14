/** Zod-free, so the jobs panel's merging does not pull the job schemas into the first load. */
import { outcomes } from './control-names';

/** `halted`: a firmware rollout stopped at a failed health gate; the rigs after it were never sent anything. */
export const jobStates = ['running', 'done', 'cancelled', 'interrupted', 'halted'] as const;
export type JobState = (typeof jobStates)[number];

export const jobRigStates = ['queued', 'running', ...outcomes, 'cancelled', 'interrupted'] as const;
export type JobRigState = (typeof jobRigStates)[number];

/** Whether a rig's part of a job is over (nothing more will happen to it in this job). */
export const rigFinished = (s: JobRigState): boolean => s !== 'queued' && s !== 'running';
