// @vitest-environment jsdom
// The jobs panel's store: job.progress events and jobs.get answers merge in either order without a rig moving
// backwards; an unknown job is read whole; a job's end is told once, and only when it deserves it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../renderer/api';
import type { Client } from '../../../renderer/api/types';
import {
  applyProgress,
  applyRead,
  awaitingRestart,
  jobDone,
  runningCount,
} from '../../../renderer/control/job-merge';
import { useJobsStore } from '../../../renderer/stores/jobs';
import { type Job, type JobProgress, type JobRig, type JobRigState, totalsOf } from '../../../shared/jobs';

const rigOf = (rigId: string, state: JobRigState, message: string | null = null): JobRig => ({
  rigId,
  state,
  message,
  restartRequired: null,
  startedAtMs: null,
  finishedAtMs: null,
});

function jobOf(rigs: JobRig[], over: Partial<Job> = {}): Job {
  return {
    id: 'j1',
    action: 'preset',
    params: { name: '3425' },
    face: 'headless',
    state: 'running',
    createdAtMs: 1_000,
    finishedAtMs: null,
    concurrency: 5,
    staggerMs: 10_000,
    totals: totalsOf(rigs.map((r) => r.state)),
    rigs,
    ...over,
  };
}

function progressOf(
  changed: JobRig[],
  all: JobRigState[],
  state: JobProgress['state'] = 'running',
): JobProgress {
  return { jobId: 'j1', state, totals: totalsOf(all), changed };
}

describe('job-merge', () => {
  it('applies changed rigs to a known job and leaves an unknown one to be read', () => {
    const view = applyRead(undefined, jobOf([rigOf('a', 'queued'), rigOf('b', 'queued')]));
    const next = applyProgress(view, progressOf([rigOf('a', 'running')], ['running', 'queued']), 5);
    expect(next?.rigs?.map((r) => r.state)).toEqual(['running', 'queued']);
    expect(jobDone(next ?? view)).toEqual({ done: 0, of: 2 });
    expect(applyProgress(undefined, progressOf([], []), 5)).toBeUndefined();
  });

  it('never moves a rig or the job backwards when an older read arrives after an event', () => {
    const view = applyRead(undefined, jobOf([rigOf('a', 'running'), rigOf('b', 'queued')]));
    const ended = applyProgress(
      view,
      progressOf(
        [rigOf('a', 'done', 'Preset applied'), rigOf('b', 'failed', 'timeout')],
        ['done', 'failed'],
        'done',
      ),
      9,
    );
    const stale = applyRead(ended, jobOf([rigOf('a', 'running'), rigOf('b', 'queued')]));
    expect(stale.state).toBe('done');
    expect(stale.finishedAtMs).toBe(9);
    expect(stale.rigs?.map((r) => [r.state, r.message])).toEqual([
      ['done', 'Preset applied'],
      ['failed', 'timeout'],
    ]);
    // A summary (no rigs) keeps the rigs already known.
    const { rigs: _, ...summary } = jobOf([], { state: 'done', totals: totalsOf(['done', 'failed']) });
    expect(applyRead(stale, summary).rigs).toHaveLength(2);
    expect(runningCount(new Map([['j1', stale]]))).toBe(0);
  });
});

describe('awaitingRestart', () => {
  it('offers a mining restart for the rigs whose saved change waits for one, once the job has ended', () => {
    const rigs = [
      { ...rigOf('a', 'done'), restartRequired: true },
      { ...rigOf('b', 'done'), restartRequired: false },
      { ...rigOf('c', 'failed'), restartRequired: true },
    ];
    expect(awaitingRestart(applyRead(undefined, jobOf(rigs, { state: 'done' })))).toEqual(['a']);
    expect(awaitingRestart(applyRead(undefined, jobOf(rigs)))).toEqual([]);
  });
});

describe('useJobsStore', () => {
  let job: Job;
  const calls: Array<[string, unknown]> = [];
  beforeEach(() => {
    calls.length = 0;
    job = jobOf([rigOf('a', 'queued'), rigOf('b', 'queued')]);
    useJobsStore.setState({ jobs: new Map(), open: false, error: null });
    setClient({
      call: vi.fn(async (method: string, req?: unknown) => {
        calls.push([method, req]);
        if (method === 'jobs.get') return job;
        if (method === 'jobs.cancel') return { ...job, state: 'cancelled' };
        if (method === 'jobs.list') return { jobs: [] };
        throw new Error(method);
      }) as unknown as Client['call'],
      on: () => () => undefined,
      onStatus: () => () => undefined,
      login: async () => undefined,
      logout: () => undefined,
    });
  });
  afterEach(() => setClient(null));

  it('reads an unknown job whole on its first event, then follows its rigs to the end and tells it once', async () => {
    const store = useJobsStore.getState();
    expect(await store.progress(progressOf([rigOf('a', 'running')], ['running', 'queued']))).toBeNull();
    expect(calls.map(([m]) => m)).toEqual(['jobs.get']);
    await store.progress(progressOf([rigOf('a', 'done'), rigOf('b', 'running')], ['done', 'running']));
    expect(
      useJobsStore
        .getState()
        .jobs.get('j1')
        ?.rigs?.map((r) => r.state),
    ).toEqual(['done', 'running']);
    const last = progressOf([rigOf('b', 'done')], ['done', 'done'], 'done');
    const notice = await store.progress(last);
    expect(notice?.title).toBe('Preset 3425 on 2 rigs: done');
    expect(await store.progress(last)).toBeNull();
    expect(calls.map(([m]) => m)).toEqual(['jobs.get']);
  });

  it('cancels through the core and shows what it answered', async () => {
    await useJobsStore.getState().track('j1');
    await useJobsStore.getState().cancel('j1');
    expect(calls.at(-1)).toEqual(['jobs.cancel', { id: 'j1' }]);
    expect(useJobsStore.getState().jobs.get('j1')?.state).toBe('cancelled');
  });
});
