/**
 * The scheduler's polls in flight: launching one, the deadline sweep that frees the slot of a poll that outlived
 * its deadline, cancelling them all on stop, and those who wait (for a sweep of given rigs, or for no poll at
 * all). The scheduler (scheduler.ts) decides what is due and when; this only runs and settles.
 */
import { setMaxListeners } from 'node:events';

import { type Clock } from '../clock';

export type PollResult = 'answered' | 'missed';

/**
 * `controller` is shared by every poll launched at the same moment: they have one deadline, so they are aborted
 * together or not at all. A fresh AbortController per poll, with the transport's listener on its new signal,
 * cost as much CPU as parsing the reply (several µs each, at a thousand rigs).
 */
export type Slot = { key: string; startedAt: number; controller: AbortController; done: boolean };

export type FlightOptions = {
  clock: Clock;
  poll(key: string, signal: AbortSignal): Promise<PollResult>;
  /** A poll ended (answered, missed, or cut short by its deadline): the scheduler books its next turn. */
  finished(slot: Slot, result: PollResult): void;
  /** A poll was cancelled by stop(): its rig is free, its result is not counted. */
  cancelled(slot: Slot): void;
  /** After a slot came free: fill it. */
  freed(): void;
};

export type Flights = {
  size(): number;
  /** Starts a poll; the rig's turn holds its slot from before the poll runs. */
  launch(key: string, turn: { running: Slot | null }): void;
  /** Aborts every poll that has run `deadlineMs` or longer and counts it missed. */
  expire(now: number, deadlineMs: number): void;
  /** When the oldest poll in flight reaches the deadline (Infinity when none is). */
  nextDeadline(deadlineMs: number): number;
  cancelAll(): void;
  /** The rig is gone: sweeps stop waiting for it. */
  forget(key: string): void;
  /** Resolves once each of `keys` has finished a poll (or is forgotten). */
  sweep(keys: Set<string>): Promise<void>;
  idle(): Promise<void>;
};

type Sweep = { pending: Set<string>; resolve: () => void };

export function createFlights(o: FlightOptions): Flights {
  const inFlight = new Set<Slot>();
  let batch: { at: number; controller: AbortController } | null = null;
  const controllerAt = (at: number): AbortController => {
    if (batch === null || batch.at !== at || batch.controller.signal.aborted) {
      const controller = new AbortController();
      // A batch carries one abort listener per request in flight: many, by design, not a leak.
      setMaxListeners(0, controller.signal);
      batch = { at, controller };
    }
    return batch.controller;
  };
  let sweeps: Sweep[] = [];
  let idleWaiters: Array<() => void> = [];

  const settleSweeps = (key: string): void => {
    if (sweeps.length === 0) return;
    let done = false;
    for (const s of sweeps) {
      s.pending.delete(key);
      done ||= s.pending.size === 0;
    }
    if (!done) return;
    const finished = sweeps.filter((s) => s.pending.size === 0);
    sweeps = sweeps.filter((s) => s.pending.size > 0);
    for (const s of finished) s.resolve();
  };

  const wakeIdle = (): void => {
    if (inFlight.size > 0 || idleWaiters.length === 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
  };

  const finish = (slot: Slot, result: PollResult): void => {
    if (slot.done) return;
    slot.done = true;
    inFlight.delete(slot);
    o.finished(slot, result);
    settleSweeps(slot.key);
    o.freed();
    wakeIdle();
  };

  const cancel = (slot: Slot): void => {
    slot.done = true;
    inFlight.delete(slot);
    o.cancelled(slot);
    settleSweeps(slot.key);
    wakeIdle();
  };

  return {
    size: () => inFlight.size,
    launch(key, turn) {
      const startedAt = o.clock.now();
      const slot: Slot = { key, startedAt, controller: controllerAt(startedAt), done: false };
      turn.running = slot;
      inFlight.add(slot);
      let result: Promise<PollResult>;
      try {
        result = o.poll(key, slot.controller.signal);
      } catch {
        result = Promise.resolve('missed');
      }
      result.then(
        (r) => finish(slot, r),
        () => finish(slot, 'missed'),
      );
    },
    expire(now, deadlineMs) {
      for (const slot of [...inFlight]) {
        if (now - slot.startedAt < deadlineMs) continue;
        slot.controller.abort();
        finish(slot, 'missed');
      }
    },
    nextDeadline(deadlineMs) {
      let at = Infinity;
      for (const slot of inFlight) at = Math.min(at, slot.startedAt + deadlineMs);
      return at;
    },
    cancelAll() {
      // Their results, if they still come, are dropped: a poll we cut short says nothing about the rig.
      for (const slot of [...inFlight]) {
        slot.controller.abort();
        cancel(slot);
      }
    },
    forget: settleSweeps,
    sweep(pending) {
      if (pending.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => sweeps.push({ pending, resolve }));
    },
    idle: () =>
      inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
  };
}
