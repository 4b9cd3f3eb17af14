/**
 * Each rig's turn: when it is due (a due-time heap), how it is rescheduled after a poll (the interval with
 * jitter, or backoff while it misses), and filling free slots in due order up to the concurrency. The scheduler
 * (scheduler.ts) owns the clock: it says whether the ticker runs and arms the one timer after each fill.
 */
import { type Clock } from '../clock';
import { type CadenceConfig, firstPollDelay, nextPollDelay } from './cadence';
import { createDueQueue } from './due-queue';
import { createFlights, type PollResult, type Slot } from './flights';

/** `forced`: asked for by pollSoon/pollAll, so it runs even while the ticker is stopped. */
type RigTurn = { gen: number; misses: number; running: Slot | null; again: boolean; forced: boolean };

export type TurnOptions = {
  clock: Clock;
  concurrency: number;
  initialSpreadRatio: number;
  random: () => number;
  cadence(): CadenceConfig;
  /** Whether the ticker runs: stopped, only forced polls start. */
  running(): boolean;
  poll(key: string, signal: AbortSignal): Promise<PollResult>;
  /** After every fill: the scheduler re-arms its timer. */
  filled(): void;
};

export type Turns = ReturnType<typeof createTurns>;

export function createTurns(o: TurnOptions) {
  const { clock, random } = o;
  const queue = createDueQueue();
  const rigs = new Map<string, RigTurn>();

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
      const at = rig.again ? now : slot.startedAt + nextPollDelay(rig.misses, o.cadence(), random);
      rig.again = false;
      schedule(slot.key, rig, Math.max(at, now));
    },
    cancelled(slot) {
      const rig = rigs.get(slot.key);
      if (rig !== undefined && rig.running === slot) rig.running = null;
    },
    freed: () => fill(),
  });

  function fill(): void {
    const now = clock.now();
    const running = o.running();
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
    o.filled();
  }

  const firstAt = (now: number): number => now + firstPollDelay(o.cadence(), o.initialSpreadRatio, random);

  return {
    flights,
    fill,
    /** When the next rig is due, if a slot is free for it (Infinity otherwise). */
    nextDue(): number {
      const top = queue.peek();
      return top !== undefined && flights.size() < o.concurrency ? top.at : Infinity;
    },
    /** The ticker starts: every idle rig gets its first turn, spread over the start. */
    startAll(now: number): void {
      for (const [key, rig] of rigs) if (rig.running === null) schedule(key, rig, firstAt(now));
    },
    add(key: string): boolean {
      if (rigs.has(key)) return false;
      const rig: RigTurn = { gen: 0, misses: 0, running: null, again: false, forced: false };
      rigs.set(key, rig);
      schedule(key, rig, firstAt(clock.now()));
      return true;
    },
    remove(key: string): void {
      const rig = rigs.get(key);
      if (rig === undefined) return;
      rigs.delete(key);
      // Its poll in flight is not aborted (its signal is shared with the polls launched beside it, flights.ts):
      // it runs out under its own deadline and its result is dropped, the rig being gone.
      flights.forget(key);
    },
    pollSoon(key: string): void {
      const rig = rigs.get(key);
      if (rig === undefined) return;
      rig.forced = true;
      if (rig.running !== null) rig.again = true;
      else schedule(key, rig, clock.now());
      fill();
    },
    pollAll(): Promise<void> {
      // A poll already in flight counts: it started moments ago.
      const done = flights.sweep(new Set(rigs.keys()));
      const now = clock.now();
      for (const [key, rig] of rigs) {
        if (rig.running !== null) continue;
        rig.forced = true;
        schedule(key, rig, now);
      }
      fill();
      return done;
    },
    stats: () => ({ rigs: rigs.size, inFlight: flights.size(), queued: queue.size() }),
  };
}
