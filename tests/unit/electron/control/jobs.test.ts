// @vitest-environment node
// Jobs on a real SQLite file and a manual clock, with a runner whose commands finish when the test says: the
// cap and stagger hold, a failing rig does not hold up the others, cancel drops only the rigs not yet sent, and a
// job left running when RigDeck dies (database closed without stop) reads as interrupted after the next start.
import { afterEach, describe, expect, it } from 'vitest';

import { type ControlAction, type RigResult } from '../../../../shared/control';
import { type JobProgress } from '../../../../shared/jobs';
import { createJobStore } from '../../../../electron/control/job-store';
import { createJobs, type Jobs, resultOf } from '../../../../electron/control/jobs';
import { type RunRequest } from '../../../../electron/control/runner';
import { type Db, openDb } from '../../../../electron/store/db';
import { tempDir } from '../../../helpers/core';
import { manualClock, type ManualClock } from '../pool/manual-clock';

const reboot: ControlAction = { kind: 'reboot' };
const rigs = (n: number) => Array.from({ length: n }, (_, i) => `rig-${i + 1}`);

type Harness = {
  db: Db;
  jobs: Jobs;
  clock: ManualClock;
  sent: RunRequest[];
  progress: JobProgress[];
  /** Finish the command in flight for this rig. */
  finish(rigId: string, outcome?: RigResult['outcome'] | Error): void;
  inFlight(): string[];
};

const open: Db[] = [];

function harness(dataDir = tempDir(), pacing = { concurrency: 3, staggerMs: 10_000 }): Harness {
  const db = openDb(dataDir);
  open.push(db);
  const clock = manualClock();
  const sent: RunRequest[] = [];
  const progress: JobProgress[] = [];
  const waiting = new Map<string, { ok(r: RigResult[]): void; fail(e: Error): void }>();
  const jobs = createJobs({
    control: {
      back: () => Promise.resolve(true),
      refusal: (rigId) =>
        rigId.startsWith('unknown')
          ? { rigId, outcome: 'refused', message: 'Unknown rig.', restartRequired: null }
          : null,
      run: (req) =>
        new Promise<RigResult[]>((ok, fail) => {
          sent.push(req);
          waiting.set(req.rigIds[0] ?? '', { ok, fail });
        }),
    },
    store: createJobStore(db),
    clock,
    pacing: () => pacing,
    emit: (p) => progress.push(p),
  });
  return {
    db,
    jobs,
    clock,
    sent,
    progress,
    finish(rigId, outcome = 'done') {
      const w = waiting.get(rigId);
      if (w === undefined) throw new Error(`${rigId} is not in flight`);
      waiting.delete(rigId);
      if (outcome instanceof Error) w.fail(outcome);
      else w.ok([{ rigId, outcome, message: `${outcome} on ${rigId}`, restartRequired: null }]);
    },
    inFlight: () => [...waiting.keys()],
  };
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.$client.open) db.$client.close();
});

describe('bulk jobs', () => {
  it('runs a power action at most the cap at once, starts a stagger apart, and reports every rig', async () => {
    const h = harness();
    const made = h.jobs.start({ action: reboot, rigIds: rigs(5), face: 'cli' });
    expect(made.state).toBe('running');
    expect(made.concurrency).toBe(3);
    expect(made.totals.queued).toBe(4);
    expect(h.inFlight()).toEqual(['rig-1']);
    await h.clock.advance(9_999);
    expect(h.inFlight()).toEqual(['rig-1']);
    await h.clock.advance(1);
    await h.clock.advance(10_000);
    expect(h.inFlight()).toEqual(['rig-1', 'rig-2', 'rig-3']);
    await h.clock.advance(60_000);
    expect(h.inFlight()).toHaveLength(3); // the cap holds however long they take
    h.finish('rig-2', 'failed');
    await h.clock.flush();
    expect(h.inFlight()).toEqual(['rig-1', 'rig-3', 'rig-4']); // a failure frees its slot like any finish
    h.finish('rig-1');
    h.finish('rig-3', new Error('socket closed'));
    await h.clock.flush();
    await h.clock.advance(10_000);
    h.finish('rig-4');
    h.finish('rig-5');
    const job = await h.jobs.settled(made.id);
    expect(job.state).toBe('done');
    expect(job.rigs.map((r) => r.state)).toEqual(['done', 'failed', 'failed', 'done', 'done']);
    expect(job.rigs[2]?.message).toContain('socket closed');
    expect(job.totals).toMatchObject({ done: 3, failed: 2, queued: 0, running: 0 });
    // Every command carried the job id, so the audit rows of one job share it.
    expect(new Set(h.sent.map((s) => s.batchId))).toEqual(new Set([made.id]));
    const [first] = job.rigs;
    expect(first && resultOf(first)).toMatchObject({ rigId: 'rig-1', outcome: 'done' });
    const last = h.progress.at(-1);
    expect(last).toMatchObject({ jobId: made.id, state: 'done' });
    expect(h.progress.some((p) => p.changed.some((r) => r.rigId === 'rig-4' && r.state === 'running'))).toBe(
      true,
    );
  });

  it('sends a refused rig through at once, outside the cap and the stagger', async () => {
    const h = harness();
    const made = h.jobs.start({ action: reboot, rigIds: ['rig-1', 'unknown-1', 'rig-2'], face: 'cli' });
    // The refused rig goes to the runner (for its audit row) without waiting its turn.
    expect(h.inFlight()).toEqual(['unknown-1', 'rig-1']);
    h.finish('unknown-1', 'refused');
    await h.clock.flush();
    expect(h.inFlight()).toEqual(['rig-1']); // rig-2 still waits the stagger after rig-1, not after unknown-1
    await h.clock.advance(10_000);
    expect(h.inFlight()).toEqual(['rig-1', 'rig-2']);
    h.finish('rig-1');
    h.finish('rig-2');
    const job = await h.jobs.settled(made.id);
    expect(job.rigs.map((r) => r.state)).toEqual(['done', 'refused', 'done']);
  });

  it('runs the locate LED on every rig at once', () => {
    const h = harness();
    const made = h.jobs.start({ action: { kind: 'locate', on: true }, rigIds: rigs(8), face: 'headless' });
    expect(made.concurrency).toBeNull();
    expect(h.inFlight()).toHaveLength(8);
  });

  it('cancel drops the rigs not yet sent; those in flight finish and report', async () => {
    const h = harness();
    const made = h.jobs.start({ action: reboot, rigIds: rigs(6), face: 'desktop' });
    await h.clock.advance(10_000);
    expect(h.inFlight()).toEqual(['rig-1', 'rig-2']);
    const after = h.jobs.cancel(made.id);
    expect(after?.state).toBe('running'); // two still in flight
    expect(after?.rigs.map((r) => r.state)).toEqual([
      'running',
      'running',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    await h.clock.advance(60_000);
    expect(h.sent).toHaveLength(2); // nothing more went out
    h.finish('rig-1');
    h.finish('rig-2', 'unverified');
    const job = await h.jobs.settled(made.id);
    expect(job.state).toBe('cancelled');
    expect(job.totals).toMatchObject({ done: 1, unverified: 1, cancelled: 4 });
    expect(h.jobs.cancel('no-such-job')).toBeNull();
    expect(h.jobs.cancel(made.id)?.state).toBe('cancelled'); // ended: returned as it is
  });

  it('a job running when RigDeck dies is interrupted at the next start, not resumed', async () => {
    const dataDir = tempDir();
    const first = harness(dataDir);
    const made = first.jobs.start({ action: reboot, rigIds: rigs(4), face: 'cli' });
    await first.clock.advance(10_000);
    first.finish('rig-1');
    await first.clock.flush();
    // Killed: the database closes under the job, nothing is told to stop.
    first.db.$client.close();

    const second = harness(dataDir);
    expect(second.jobs.get(made.id)?.state).toBe('running'); // as left on disk until the start
    expect(second.jobs.recover()).toEqual([made.id]);
    const job = second.jobs.get(made.id);
    expect(job?.state).toBe('interrupted');
    expect(job?.finishedAtMs).not.toBeNull();
    expect(job?.rigs.map((r) => r.state)).toEqual(['done', 'interrupted', 'interrupted', 'interrupted']);
    expect(job?.rigs[1]?.message).toContain('in flight');
    expect(job?.rigs[2]?.message).toContain('before this was sent');
    expect(second.jobs.list(10).map((j) => [j.id, j.state])).toEqual([[made.id, 'interrupted']]);
    await second.clock.advance(120_000);
    expect(second.sent).toHaveLength(0); // never resumed
    expect(second.jobs.recover()).toEqual([]);
  });

  it('after stop no rig starts', async () => {
    const h = harness();
    h.jobs.start({ action: reboot, rigIds: rigs(3), face: 'cli' });
    h.jobs.stop();
    await h.clock.advance(60_000);
    expect(h.sent).toHaveLength(1);
  });
});
