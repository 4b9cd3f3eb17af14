// When a job's end is worth a notification (bulk, or longer than 30 s) and what it says: both faces use this.
import { describe, expect, it } from 'vitest';

import { jobEndNotice, jobOutcomeText, jobTitle, LONG_JOB_MS } from '../../../shared/job-notice';
import { type JobRigState, type JobSummary, totalsOf } from '../../../shared/jobs';

function job(states: JobRigState[], over: Partial<JobSummary> = {}): JobSummary {
  return {
    id: 'j1',
    action: 'preset',
    params: { name: '3425' },
    face: 'headless',
    state: 'done',
    createdAtMs: 1_000,
    finishedAtMs: 6_000,
    concurrency: 5,
    staggerMs: 10_000,
    totals: totalsOf(states),
    ...over,
  };
}

describe('jobEndNotice', () => {
  it('tells the end of a bulk job, problems first', () => {
    expect(jobEndNotice(job(['done', 'done', 'failed']), 9_000)).toEqual({
      jobId: 'j1',
      title: 'Preset 3425 on 3 rigs: ended with problems',
      body: '1 failed, 2 done',
    });
    expect(jobEndNotice(job(['done', 'done']), 9_000)?.title).toBe('Preset 3425 on 2 rigs: done');
    expect(jobEndNotice(job(['done', 'cancelled'], { state: 'cancelled' }), 9_000)?.title).toBe(
      'Preset 3425 on 2 rigs: cancelled',
    );
  });

  it('stays quiet for a short job on one rig, or one still running; tells a long one', () => {
    expect(jobEndNotice(job(['done']), 9_000)).toBeNull();
    expect(
      jobEndNotice(job(['running', 'queued'], { state: 'running', finishedAtMs: null }), 9_000),
    ).toBeNull();
    const long = job(['done'], { action: 'reboot', params: {}, finishedAtMs: 1_000 + LONG_JOB_MS + 1 });
    expect(jobEndNotice(long, 0)?.title).toBe('Reboot on 1 rig: done');
  });

  it('names actions in words', () => {
    expect(jobTitle({ action: 'locate', params: { on: false } })).toBe('Locate off');
    expect(jobTitle({ action: 'throttle', params: { percent: 80 } })).toBe('Throttle 80 %');
    expect(jobTitle({ action: 'restart', params: {} })).toBe('Restart');
    expect(jobOutcomeText(totalsOf([]))).toBe('no rigs');
  });
});
