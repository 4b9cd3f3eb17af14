/**
 * The poll scheduler: one timer for the whole fleet, re-armed for the earliest of (the next rig due, the next
 * cycle boundary, the next overdue poll), driving a due-time heap. At most `concurrency` polls run at once; the
 * rest wait their turn in due order. Each rig's next poll is its last start plus the interval with jitter, or a
 * backoff delay while it does not answer; it is never dropped. Time comes from an injected Clock so tests run
 * in simulated time.
 */
import { type Cancel, type Clock } from '../clock';
import { type CadenceConfig, firstPollDelay, nextPollDelay } from './cadence';
import { createDueQueue } from './due-queue';
import { createFlights, type PollResult, type Slot } from './flights';

export type { PollResult } from './flights';

export type SchedulerOptions = {
  clock: Clock;
  cadence: CadenceConfig;
  concurrency: number;
  /** A poll still running after this is aborted and counted as missed; its slot is freed at once. */
  pollDeadlineMs: number;
  initialSpreadRatio: number;
  random?: () => number;
  /** Polls one rig. Should settle soon after `signal` aborts; a rejection counts as a miss. */
  poll(key: string, signal: AbortSignal): Promise<PollResult>;
  /** Called at every cycle boundary (each interval) while started. */
  onCycle(nowMs: number): void;
};

export type SchedulerStats = { rigs: number; inFlight: number; queued: number };

export type Scheduler = {
  start(): void;
  /** Stops the ticker and aborts the polls in flight; whatever they return later is ignored. */
  stop(): Promise<void>;
  add(key: string): void;
  remove(key: string): void;
  /** Poll this rig as soon as a slot is free (on-demand refresh); after the current poll if one is running. */
  pollSoon(key: string): void;
  /** Polls every rig now (bounded by the concurrency); resolves once each has finished a poll. Works stopped too. */
  pollAll(): Promise<void>;
  /** Resolves when no poll is in flight. */
  idle(): Promise<void>;
  /** The poll interval changed: the cadence and the per-poll deadline that derives from it, both at once. */
  setTiming(timing: { cadence: CadenceConfig; pollDeadlineMs: number }): void;
  stats(): SchedulerStats;
};

/** `forced`: asked for by pollSoon/pollAll, so it runs even while the ticker is stopped. */
type RigTurn = { gen: number; misses: number; running: Slot | null; again: boolean; forced: boolean };

export function createScheduler(o: SchedulerOptions): Scheduler {
  const { clock } = o;
  const random = o.random ?? Math.random;
  let cadence = o.cadence;
  let pollDeadlineMs = o.pollDeadlineMs;
  const queue = createDueQueue();
  const rigs = new Map<string, RigTurn>();
  let running = false;
  let nextCycleAt = Infinity;
  let timer: Cancel | null = null;
  let timerAt = Infinity;

  const schedule = (key: string, rig: RigTurn, at: number): void => {
    rig.gen += 1;
    queue.push(at, key, rig.gen);
    // Superseded entries stay in the heap until popped; bound how many can pile up.
    if (queue.size() > 2 * rigs.size + 64) queue.compact((e) => rigs.get(e.key)?.gen === e.gen);
  };

  const flights = createFlights({
    clock,
    poll: o.poll,
    finished(slot, result) {
      const rig = rigs.get(slot.key);
      if (rig === undefined || rig.running !== slot) return;
      rig.running = null;
      rig.misses = result === 'answered' ? 0 : rig.misses + 1;
      const now = clock.now();
      const at = rig.again ? now : slot.startedAt + nextPollDelay(rig.misses, cadence, random);
      rig.again = false;
      schedule(slot.key, rig, Math.max(at, now));
    },
    cancelled(slot) {
      const rig = rigs.get(slot.key);
      if (rig !== undefined && rig.running === slot) rig.running = null;
    },
    freed: () => pump(),
  });

  const pump = (): void => {
    const now = clock.now();
    while (flights.size() < o.concurrency) {
      const top = queue.peek();
      if (top === undefined || top.at > now) break;
      queue.pop();
      const rig = rigs.get(top.key);
      if (rig === undefined || rig.gen !== top.gen || rig.running !== null) continue;
      // Stopped, only forced polls run; the others are queued again by start().
      if (!running && !rig.forced) continue;
      rig.forced = false;
      flights.launch(top.key, rig);
    }
    arm();
  };

  const tick = (): void => {
    timer = null;
    timerAt = Infinity;
    if (!running) return;
    const now = clock.now();
    flights.expire(now, pollDeadlineMs);
    if (now >= nextCycleAt) {
      // After a long stall (a suspended laptop) the next boundary is one interval from now, not a burst.
      nextCycleAt =
        nextCycleAt + cadence.intervalMs > now ? nextCycleAt + cadence.intervalMs : now + cadence.intervalMs;
      try {
        o.onCycle(now);
      } catch (error) {
        console.error('collector: cycle failed:', error);
      }
    }
    pump();
  };

  /** One timer for the fleet, at the earliest of: the cycle boundary, the next rig due, the next poll deadline. */
  function arm(): void {
    if (!running) return;
    let at = nextCycleAt;
    const top = queue.peek();
    if (top !== undefined && flights.size() < o.concurrency) at = Math.min(at, top.at);
    at = Math.min(at, flights.nextDeadline(pollDeadlineMs));
    if (timer !== null && at === timerAt) return;
    timer?.();
    timerAt = at;
    timer = clock.after(Math.max(0, at - clock.now()), tick);
  }

  return {
    start() {
      if (running) return;
      running = true;
      const now = clock.now();
      nextCycleAt = now + cadence.intervalMs;
      for (const [key, rig] of rigs) {
        if (rig.running === null)
          schedule(key, rig, now + firstPollDelay(cadence, o.initialSpreadRatio, random));
      }
      pump();
    },
    async stop() {
      running = false;
      timer?.();
      timer = null;
      timerAt = Infinity;
      flights.cancelAll();
      await flights.idle();
    },
    add(key) {
      if (rigs.has(key)) return;
      const rig: RigTurn = { gen: 0, misses: 0, running: null, again: false, forced: false };
      rigs.set(key, rig);
      schedule(key, rig, clock.now() + firstPollDelay(cadence, o.initialSpreadRatio, random));
      if (running) pump();
    },
    remove(key) {
      const rig = rigs.get(key);
      if (rig === undefined) return;
      rigs.delete(key);
      rig.running?.controller.abort();
      flights.forget(key);
    },
    pollSoon(key) {
      const rig = rigs.get(key);
      if (rig === undefined) return;
      rig.forced = true;
      if (rig.running !== null) rig.again = true;
      else schedule(key, rig, clock.now());
      pump();
    },
    pollAll() {
      // A poll already in flight counts: it started moments ago.
      const done = flights.sweep(new Set(rigs.keys()));
      const now = clock.now();
      for (const [key, rig] of rigs) {
        if (rig.running !== null) continue;
        rig.forced = true;
        schedule(key, rig, now);
      }
      pump();
      return done;
    },
    idle: () => flights.idle(),
    setTiming(next) {
      cadence = next.cadence;
      pollDeadlineMs = next.pollDeadlineMs;
      if (running) nextCycleAt = Math.min(nextCycleAt, clock.now() + cadence.intervalMs);
      arm();
    },
    stats: () => ({ rigs: rigs.size, inFlight: flights.size(), queued: queue.size() }),
  };
}
