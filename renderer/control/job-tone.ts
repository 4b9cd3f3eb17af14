import type { JobState, JobRigState } from '../../shared/jobs';

/** The colour beside a job's or a rig's state word (never the colour alone). */
export function stateTone(s: JobRigState | JobState): string {
  switch (s) {
    case 'done':
      return 'tone-ok';
    case 'failed':
    case 'refused':
    case 'halted':
      return 'tone-bad';
    case 'unverified':
    case 'interrupted':
    case 'cancelled':
      return 'tone-warn';
    case 'running':
      return 'tone-new';
    case 'queued':
      return 'tone-muted';
  }
}
