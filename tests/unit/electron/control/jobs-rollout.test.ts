// @vitest-environment node
// A firmware rollout in the job runner, on a real SQLite file and a manual clock, with a runner whose commands
// finish when the test says: the canary goes alone, each wave starts only after the last came through, a failed
// gate halts the job with the reason on every rig left, a refused rig fails no gate, and cancel drops later waves.
import { afterEach, describe, expect, it } from 'vitest';

import { type ControlAction, type RigResult } from '../../../../shared/control';
import { createJobStore } from '../../../../electron/control/job-store';
import { createJobs } from '../../../../electron/control/jobs';
import { type Db, openDb } from '../../../../electron/store/db';
import { tempDir } from '../../../helpers/core';
import { manualClock } from '../pool/manual-clock';

const rollout = { canary: 1, gateMinutes: 15, minSharePct: 80, waveSize: 2 };
const firmware: ControlAction = { kind: 'firmware', fileId: 'f1', keepSettings: true, rollout };
const open: Db[] = [];

function harness() {
  const db = openDb(tempDir());
  open.push(db);
  const waiting = new Map<string, (r: RigResult[]) => void>();
  const jobs = createJobs({
    control: {
      back: () => Promise.resolve(true),
      refusal: (rigId) =>
        rigId.startsWith('l9')
          ? { rigId, outcome: 'refused', message: 'Wrong model.', restartRequired: null }
          : null,
      run: (req) =>
        new Promise<RigResult[]>((ok) => {
          const rigId = req.rigIds[0] ?? '';
          if (rigId.startsWith('l9'))
            ok([{ rigId, outcome: 'refused', message: 'Wrong model.', restartRequired: null }]);
          else waiting.set(rigId, ok);
        }),
    },
    store: createJobStore(db),
    clock: manualClock(),
    pacing: () => ({ concurrency: 5, staggerMs: 0 }),
    emit: () => undefined,
    rigName: (rigId) => `name-${rigId}`,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  async function finish(rigId: string, outcome: RigResult['outcome'], message: string = outcome) {
    const ok = waiting.get(rigId);
    if (ok === undefined) throw new Error(`${rigId} is not in flight`);
    waiting.delete(rigId);
    ok([{ rigId, outcome, message, restartRequired: null }]);
    for (let i = 0; i < 5; i++) await settle();
  }
  return { jobs, finish, inFlight: () => [...waiting.keys()].sort(), settle };
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.$client.open) db.$client.close();
});

describe('firmware rollout jobs', () => {
  it('sends the canary alone, then each wave after the last came through', async () => {
    const h = harness();
    const job = h.jobs.start({ action: firmware, rigIds: ['a', 'l9-x', 'b', 'c', 'd'], face: 'desktop' });
    await h.settle();
    expect(h.inFlight()).toEqual(['a']);
    await h.finish('a', 'done');
    expect(h.inFlight()).toEqual(['b', 'c']);
    await h.finish('b', 'done');
    expect(h.inFlight()).toEqual(['c']);
    await h.finish('c', 'done');
    expect(h.inFlight()).toEqual(['d']);
    await h.finish('d', 'done');
    const ended = await h.jobs.settled(job.id);
    expect(ended.state).toBe('done');
    expect(ended.rigs.map((r) => [r.rigId, r.state])).toEqual([
      ['a', 'done'],
      ['l9-x', 'refused'],
      ['b', 'done'],
      ['c', 'done'],
      ['d', 'done'],
    ]);
  });

  it('halts at a failed gate: the rigs after it are cancelled with which gate failed and why', async () => {
    const h = harness();
    const job = h.jobs.start({ action: firmware, rigIds: ['a', 'b', 'c', 'd'], face: 'cli' });
    await h.settle();
    await h.finish('a', 'done');
    await h.finish('b', 'failed', 'Upgraded to 1.3.5, but 1 of 3 chains lost after 15 min.');
    expect(h.inFlight()).toEqual(['c']);
    await h.finish('c', 'done');
    const ended = await h.jobs.settled(job.id);
    expect(ended.state).toBe('halted');
    expect(ended.rigs.find((r) => r.rigId === 'd')).toMatchObject({
      state: 'cancelled',
      startedAtMs: null,
      message:
        'The wave 1 gate failed (name-b: Upgraded to 1.3.5, but 1 of 3 chains lost after 15 min.): halted, not sent to this rig.',
    });
  });

  it('cancel drops the waves not yet started and lets the rig in flight finish', async () => {
    const h = harness();
    const job = h.jobs.start({ action: firmware, rigIds: ['a', 'b', 'c'], face: 'cli' });
    await h.settle();
    const cancelled = h.jobs.cancel(job.id);
    expect(cancelled?.rigs.map((r) => r.state)).toEqual(['running', 'cancelled', 'cancelled']);
    await h.finish('a', 'done');
    const ended = await h.jobs.settled(job.id);
    expect(ended.state).toBe('cancelled');
    expect(h.inFlight()).toEqual([]);
  });
});
