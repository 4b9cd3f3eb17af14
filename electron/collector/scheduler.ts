/**
 * The poll scheduler: one timer for the whole fleet, re-armed for the earliest of (the next rig due, the next
 * cycle boundary, the next overdue poll), driving a due-time heap. At most `concurrency` polls run at once; the
 * rest wait their turn in due order. Each rig's next poll is its last start plus the interval with jitter, or a
 * backoff delay while it does not answer; it is never dropped. Polls start on the cadence's batch grid (if it
 * has one): a rig due between two grid points starts at the next. Time comes from an injected Clock so tests run
 * in simulated time.
 */
import { type Cancel, type Clock } from '../clock';
import { type CadenceConfig, onGrid } from './cadence';
import { type PollResult } from './flights';
import { createTurns } from './turns';

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

export function createScheduler(o: SchedulerOptions): Scheduler {
  const { clock } = o;
  let cadence = o.cadence;
  let pollDeadlineMs = o.pollDeadlineMs;
  let running = false;
  let nextCycleAt = Infinity;
  let timer: Cancel | null = null;
  let timerAt = Infinity;

  const turns = createTurns({
    clock,
    concurrency: o.concurrency,
    initialSpreadRatio: o.initialSpreadRatio,
    random: o.random ?? Math.random,
    cadence: () => cadence,
    running: () => running,
    poll: o.poll,
    filled: () => arm(),
  });
  const { flights } = turns;

  /** The deadline sweep and the cycle boundary, then whatever is due. */
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
    turns.fill();
  };

  /**
   * One timer for the fleet, at the earliest of: the cycle boundary, the next rig due, the next poll deadline;
   * on the cadence's batch grid, so rigs due close together start on one wake-up.
   */
  function arm(): void {
    if (!running) return;
    const earliest = Math.min(nextCycleAt, turns.nextDue(), flights.nextDeadline(pollDeadlineMs));
    const at = onGrid(earliest, cadence.batchMs);
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
      turns.startAll(now);
      turns.fill();
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
      if (turns.add(key) && running) turns.fill();
    },
    remove: turns.remove,
    pollSoon: turns.pollSoon,
    pollAll: turns.pollAll,
    idle: () => flights.idle(),
    setTiming(next) {
      cadence = next.cadence;
      pollDeadlineMs = next.pollDeadlineMs;
      if (running) nextCycleAt = Math.min(nextCycleAt, clock.now() + cadence.intervalMs);
      arm();
    },
    stats: turns.stats,
  };
}
