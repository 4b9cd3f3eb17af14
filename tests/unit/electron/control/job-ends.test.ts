// The desktop's job notifications decide as the browser does: a bulk job's end, read back once through the
// dispatcher; a running job, or one rig done quickly, says nothing.
import { describe, expect, it } from 'vitest';

import { watchJobEnds } from '../../../../electron/control/job-ends';
import { createEventBus } from '../../../../electron/contract/events';
import { type JobNotice } from '../../../../shared/job-notice';
import { type Job, type JobRigState, totalsOf } from '../../../../shared/jobs';

const jobOf = (id: string, states: JobRigState[]): Job => ({
  id,
  action: 'reboot',
  params: {},
  face: 'headless',
  state: 'done',
  createdAtMs: 0,
  finishedAtMs: 5_000,
  concurrency: 5,
  staggerMs: 10_000,
  totals: totalsOf(states),
  rigs: [],
});

describe('watchJobEnds', () => {
  it('notifies each bulk job end once, and stays quiet for a quick one-rig job', async () => {
    const events = createEventBus();
    const jobs = new Map([
      ['bulk', jobOf('bulk', ['done', 'done', 'failed'])],
      ['one', jobOf('one', ['done'])],
    ]);
    const asked: string[] = [];
    const told: JobNotice[] = [];
    const stop = watchJobEnds(
      {
        events,
        dispatch: async (method, params) => {
          const id = (params as { id: string }).id;
          asked.push(`${method} ${id}`);
          return { ok: true, value: jobs.get(id) };
        },
      },
      { face: 'desktop', peer: 'test' },
      (n) => told.push(n),
    );
    const end = (jobId: string, states: JobRigState[]) =>
      events.emit('job.progress', { jobId, state: 'done', totals: totalsOf(states), changed: [] });
    events.emit('job.progress', {
      jobId: 'bulk',
      state: 'running',
      totals: totalsOf(['running']),
      changed: [],
    });
    end('bulk', ['done', 'done', 'failed']);
    end('bulk', ['done', 'done', 'failed']);
    end('one', ['done']);
    await new Promise((r) => setImmediate(r));
    expect(asked).toEqual(['jobs.get bulk', 'jobs.get one']);
    expect(told).toEqual([
      { jobId: 'bulk', title: 'Reboot on 3 rigs: ended with problems', body: '1 failed, 2 done' },
    ]);
    stop();
  });
});
