/**
 * Bulk commands as jobs: every `control.run` becomes a job whose rigs start as `pace` (pacing.ts) allows,
 * each through the runner (its limits, its per-rig queue, its read-back). One rig's failure is its own result;
 * cancel drops the rigs not yet started and lets those in flight finish and report. Every change is written to
 * the job store before it is announced, so a face never sees a state that a crash would lose.
 */
import { randomUUID } from 'node:crypto';

import { type ControlAction, type RigResult } from '../../shared/control';
import {
  type Job,
  type JobProgress,
  type JobRig,
  type JobSummary,
  outcomeStates,
  totalsOf,
} from '../../shared/jobs';
import { type Cancel, type Clock } from '../clock';
import { paramsOf } from './actions';
import { planRollout, type Wave, waveVerdict } from './firmware/rollout';
import { type JobStore, type NewJob } from './job-store';
import { changesPower, pace } from './pacing';
import { type Control, type RunRequest } from './runner';

export type Pacing = { concurrency: number; staggerMs: number };

export type JobsDeps = {
  control: Pick<Control, 'run' | 'back' | 'refusal'>;
  store: JobStore;
  clock: Clock;
  /** Read when a job is made (the settings' `control` section); a running job keeps the pacing it began with. */
  pacing(): Pacing;
  emit(progress: JobProgress): void;
  /** How a rig is named in a halted rollout's report (its id when not given). */
  rigName?: (rigId: string) => string;
  newId?: () => string;
};

export type Jobs = {
  /** Makes the job and starts what may start now; returns at once with the job as it then stands. */
  start(request: Omit<RunRequest, 'batchId'>): Job;
  get(id: string): Job | null;
  list(limit: number): JobSummary[];
  /** Null for an unknown job; an ended job is returned as it is. */
  cancel(id: string): Job | null;
  /** The job once it has ended (done, cancelled or interrupted). */
  settled(id: string): Promise<Job>;
  /** At start: a job a stopped RigDeck left running is interrupted, never resumed. */
  recover(): string[];
  /** No rig starts after this; rigs in flight stay as they are on record (the next start interrupts them). */
  stop(): void;
};

type Active = {
  id: string;
  request: Omit<RunRequest, 'batchId'>;
  cap: number | null;
  staggerMs: number;
  queue: string[];
  rigs: Map<string, JobRig>;
  running: number;
  lastStartMs: number | null;
  wake: Cancel | null;
  cancelled: boolean;
  /** A rollout's wave in flight and those after it (firmware with `rollout`); none for other jobs. */
  wave: Wave | null;
  waves: Wave[];
  /** Why a rollout stopped before its last wave. */
  halted: string | null;
  waiters: Array<(job: Job) => void>;
};

const failed = (rigId: string, error: unknown): RigResult => ({
  rigId,
  outcome: 'failed',
  message: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  restartRequired: null,
});

const idleRig = (rigId: string): JobRig => ({
  rigId,
  state: 'queued',
  message: null,
  restartRequired: null,
  startedAtMs: null,
  finishedAtMs: null,
});

const cancelledRig = (rigId: string, now: number): JobRig => ({
  ...idleRig(rigId),
  state: 'cancelled',
  message: 'Cancelled before it was sent; nothing went to the rig.',
  finishedAtMs: now,
});

/** A job as it starts: every rig queued; not paced (null) runs every rig at once. */
function makeActive(
  id: string,
  request: Omit<RunRequest, 'batchId'>,
  rigIds: string[],
  pacing: Pacing | null,
): Active {
  return {
    id,
    request,
    cap: pacing?.concurrency ?? null,
    staggerMs: pacing?.staggerMs ?? 0,
    queue: [...rigIds],
    rigs: new Map(rigIds.map((rigId) => [rigId, idleRig(rigId)])),
    running: 0,
    lastStartMs: null,
    wake: null,
    cancelled: false,
    wave: null,
    waves: [],
    halted: null,
    waiters: [],
  };
}

/** A firmware rollout runs its waves one after another; the first wave is what may start now. */
function planWaves(a: Active): void {
  const { action } = a.request;
  if (action.kind !== 'firmware' || action.rollout === null || a.queue.length < 2) return;
  const [first, ...rest] = planRollout(a.queue, action.rollout);
  if (first === undefined) return;
  a.wave = first;
  a.waves = rest;
  a.queue = [...first.rigIds];
}

/** A reboot or restart keeps its slot until the rig hashes again: that is when its PSU surges. */
async function untilBack(
  control: Pick<Control, 'back'>,
  action: ControlAction,
  r: RigResult,
): Promise<RigResult> {
  if (r.outcome !== 'done') return r;
  const back = await control.back(r.rigId, action).catch(() => false);
  return back ? r : { ...r, message: `${r.message} Not seen hashing again within its window.` };
}

/** Every rig not yet started, this wave's and the later waves'; none remain queued after. */
function takeUnsent(a: Active): string[] {
  const unsent = [...a.queue, ...a.waves.flatMap((w) => w.rigIds)];
  a.queue = [];
  a.waves = [];
  return unsent;
}

/**
 * A rollout's wave has ended: 'next' when it passed its gate and the next wave is queued; the later rigs as
 * cancelled with the reason when it failed (the job halts); 'none' when there is no wave after it.
 */
function afterWave(a: Active, names: (rigId: string) => string, now: number): 'none' | 'next' | JobRig[] {
  if (a.wave === null || a.waves.length === 0 || a.cancelled) return 'none';
  const verdict = waveVerdict(a.wave, [...a.rigs.values()], names);
  if (verdict.pass) {
    a.wave = a.waves.shift() ?? null;
    a.queue = [...(a.wave?.rigIds ?? [])];
    return 'next';
  }
  a.halted = verdict.reason;
  const message = `${verdict.reason}: halted, not sent to this rig.`;
  return takeUnsent(a).map((rigId) => ({ ...cancelledRig(rigId, now), message }));
}

function newJob(a: Active, rigIds: string[], atMs: number): NewJob {
  const { action, face } = a.request;
  const { id, cap: concurrency, staggerMs } = a;
  return { id, action: action.kind, params: paramsOf(action), face, atMs, concurrency, staggerMs, rigIds };
}

export function createJobs(deps: JobsDeps): Jobs {
  const { store, clock, control } = deps;
  const active = new Map<string, Active>();
  let halted = false;

  function change(a: Active, updates: JobRig[]): void {
    for (const rig of updates) {
      a.rigs.set(rig.rigId, rig);
      store.updateRig(a.id, rig.rigId, rig);
    }
    const totals = totalsOf([...a.rigs.values()].map((r) => r.state));
    deps.emit({ jobId: a.id, state: 'running', totals, changed: updates });
  }

  function end(a: Active): void {
    if (a.queue.length > 0 || a.running > 0) return;
    const step = afterWave(a, deps.rigName ?? ((id) => id), clock.now());
    if (step === 'next') return tick(a);
    if (step !== 'none') change(a, step);
    active.delete(a.id);
    a.wake?.();
    const state = a.halted !== null ? 'halted' : a.cancelled ? 'cancelled' : 'done';
    store.finishJob(a.id, state, clock.now());
    const totals = totalsOf([...a.rigs.values()].map((r) => r.state));
    deps.emit({ jobId: a.id, state, totals, changed: [] });
    const job = store.get(a.id);
    if (job !== null) for (const resolve of a.waiters) resolve(job);
  }

  /** `paced`: the rig counts against the cap and the stagger (a rig refused before sending does not). */
  function launch(a: Active, rigId: string, paced = true): void {
    const startedAtMs = clock.now();
    a.running += 1;
    if (paced) a.lastStartMs = startedAtMs;
    const base = { rigId, message: null, restartRequired: null, startedAtMs, finishedAtMs: null };
    change(a, [{ ...base, state: 'running' }]);
    const { action, face } = a.request;
    void deps.control
      .run({ action, rigIds: [rigId], face, batchId: a.id })
      .then(
        ([r]) => r ?? failed(rigId, 'no result'),
        (error: unknown) => failed(rigId, error),
      )
      .then((r) => (halted ? r : untilBack(deps.control, action, r)))
      .then((r) => {
        a.running -= 1;
        // After stop the database may be closed: the rig stays running on record and the next start interrupts it.
        if (halted) return;
        const { outcome: state, message, restartRequired } = r;
        change(a, [{ ...base, state, message, restartRequired, finishedAtMs: clock.now() }]);
        tick(a);
      });
  }

  function tick(a: Active): void {
    if (halted) return;
    const now = clock.now();
    // Active carries pace's running, cap, staggerMs and lastStartMs under the same names.
    const d = pace({ ...a, now, queued: a.queue.length });
    for (let i = 0; i < d.start; i++) {
      const rigId = a.queue.shift();
      if (rigId !== undefined) launch(a, rigId);
    }
    a.wake?.();
    a.wake =
      d.wakeAtMs === null
        ? null
        : clock.after(d.wakeAtMs - now, () => {
            a.wake = null;
            tick(a);
          });
    end(a);
  }

  return {
    start(request) {
      const id = (deps.newId ?? randomUUID)();
      const rigIds = [...new Set(request.rigIds)];
      const paced = changesPower(request.action.kind);
      const a = makeActive(id, request, rigIds, paced ? deps.pacing() : null);
      store.create(newJob(a, rigIds, clock.now()));
      active.set(id, a);
      // A rig refused before anything is sent (unknown, beyond its limits) draws no power: it takes no slot.
      // The runner checks again when it runs, so a fact that changed in between is still honoured.
      const refused = new Set(rigIds.filter((rigId) => control.refusal(rigId, request.action) !== null));
      a.queue = a.queue.filter((rigId) => !refused.has(rigId));
      planWaves(a);
      for (const rigId of refused) launch(a, rigId, false);
      tick(a);
      const made = store.get(id);
      if (made === null) throw new Error(`job ${id} was not stored`);
      return made;
    },
    get: (id) => store.get(id),
    list: (limit) => store.list(limit),
    cancel(id) {
      const a = active.get(id);
      if (a === undefined) return store.get(id);
      a.cancelled = true;
      const dropped = takeUnsent(a).map((rigId) => cancelledRig(rigId, clock.now()));
      if (dropped.length > 0) change(a, dropped);
      end(a);
      return store.get(id);
    },
    settled(id) {
      const a = active.get(id);
      if (a !== undefined) return new Promise((resolve) => a.waiters.push(resolve));
      const job = store.get(id);
      return job === null ? Promise.reject(new Error(`No job ${id}.`)) : Promise.resolve(job);
    },
    recover: () => store.interruptLeftovers(clock.now()),
    stop() {
      halted = true;
      for (const a of active.values()) a.wake?.();
    },
  };
}

/** A rig's part of a finished job as a command result (cancelled and interrupted rigs have no outcome). */
export function resultOf(rig: JobRig): RigResult | null {
  const outcome = outcomeStates.find((o) => o === rig.state);
  if (outcome === undefined) return null;
  return { rigId: rig.rigId, outcome, message: rig.message ?? '', restartRequired: rig.restartRequired };
}
