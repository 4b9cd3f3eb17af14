// @vitest-environment node
// The poll scheduler in simulated time (a manual clock): due order, the concurrency bound, jitter bounds,
// backoff for silent rigs that never gives up, the per-poll deadline, one timer for the whole fleet, and the
// on-demand paths. Everything is asserted by counting polls, never by measuring time.
import { describe, expect, it } from 'vitest';
import { type CadenceConfig } from '../../../../electron/collector/cadence';
import {
  createScheduler,
  type PollResult,
  type SchedulerOptions,
} from '../../../../electron/collector/scheduler';
import { manualClock, type ManualClock } from '../pool/manual-clock';

const cadence: CadenceConfig = {
  intervalMs: 15_000,
  jitterRatio: 0,
  backoffAfterMisses: 2,
  backoffMaxMs: 60_000,
};

/** A deterministic uniform source (LCG) so jittered schedules repeat. */
function seeded(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Harness = {
  clock: ManualClock;
  starts: Array<{ key: string; at: number }>;
  maxInFlight: () => number;
};

function setup(
  over: Partial<SchedulerOptions> & {
    durationMs?: number;
    result?: (key: string, n: number) => PollResult;
  } = {},
) {
  const clock = manualClock();
  const starts: Harness['starts'] = [];
  let inFlight = 0;
  let max = 0;
  const counts = new Map<string, number>();
  const scheduler = createScheduler({
    clock,
    cadence,
    concurrency: 4,
    pollDeadlineMs: 20_000,
    initialSpreadRatio: 0,
    random: seeded(),
    onCycle: () => undefined,
    poll(key) {
      starts.push({ key, at: clock.now() });
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      inFlight += 1;
      max = Math.max(max, inFlight);
      const result = over.result?.(key, n) ?? 'answered';
      const done = (): PollResult => {
        inFlight -= 1;
        return result;
      };
      const ms = over.durationMs ?? 0;
      if (ms === 0) return Promise.resolve().then(done);
      return new Promise((resolve) => clock.after(ms, () => resolve(done())));
    },
    ...over,
  });
  return { clock, scheduler, starts, maxInFlight: () => max, t0: clock.now() };
}

const keys = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `rig-${String(i).padStart(3, '0')}`);
const startsOf = (starts: Harness['starts'], key: string): number[] =>
  starts.filter((s) => s.key === key).map((s) => s.at);
const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - (times[i] ?? 0));

describe('poll scheduler', () => {
  it('spreads first polls over one interval and runs them in due order', async () => {
    const { clock, scheduler, starts, t0 } = setup({ initialSpreadRatio: 1, concurrency: 1000 });
    for (const k of keys(200)) scheduler.add(k);
    scheduler.start();
    await clock.advance(cadence.intervalMs - 1);
    expect(new Set(starts.map((s) => s.key)).size).toBe(200);
    expect(starts).toHaveLength(200);
    const times = starts.map((s) => s.at - t0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Spread, not a burst: no tenth of the interval holds more than a quarter of the rigs.
    const tenths = new Map<number, number>();
    for (const t of times) {
      const tenth = Math.floor((t / cadence.intervalMs) * 10);
      tenths.set(tenth, (tenths.get(tenth) ?? 0) + 1);
    }
    expect([...tenths.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.max(...tenths.values())).toBeLessThan(50);
  });

  it('never runs more polls than the concurrency, and drains a backlog in due order', async () => {
    const { clock, scheduler, starts, maxInFlight } = setup({ concurrency: 8, durationMs: 100 });
    const all = keys(200);
    for (const k of all) scheduler.add(k);
    scheduler.start();
    await clock.advance(2_500); // 200 polls / 8 at a time × 100 ms
    expect(maxInFlight()).toBe(8);
    expect(starts.map((s) => s.key)).toEqual(all);
    expect(scheduler.stats()).toMatchObject({ rigs: 200, inFlight: 0 });
  });

  it('keeps every interval within the jitter bounds, and the jitter is real', async () => {
    const jittered = { ...cadence, jitterRatio: 0.1 };
    const { clock, scheduler, starts } = setup({ cadence: jittered, concurrency: 50 });
    for (const k of keys(50)) scheduler.add(k);
    scheduler.start();
    await clock.advance(20 * cadence.intervalMs);
    const all = keys(50).flatMap((k) => gaps(startsOf(starts, k)));
    expect(all.length).toBeGreaterThan(50 * 15);
    for (const g of all) {
      expect(g).toBeGreaterThanOrEqual(13_500);
      expect(g).toBeLessThanOrEqual(16_500);
    }
    expect(new Set(all).size).toBeGreaterThan(100);
  });

  it('starts polls on the batch grid: rigs due close together share a wake-up, none waits over a grid step', async () => {
    const batched = { ...cadence, jitterRatio: 0.1, batchMs: 250 };
    const { clock, scheduler, starts, t0 } = setup({
      cadence: batched,
      concurrency: 1000,
      initialSpreadRatio: 1,
    });
    for (const k of keys(200)) scheduler.add(k);
    scheduler.start();
    await clock.advance(10 * cadence.intervalMs);
    expect(starts.every((s) => s.at % 250 === 0)).toBe(true);
    // Every rig's first poll inside its first interval (plus one grid step), then at its interval.
    const first = keys(200).map((k) => (startsOf(starts, k)[0] ?? Infinity) - t0);
    expect(Math.max(...first)).toBeLessThanOrEqual(cadence.intervalMs + 250);
    const all = keys(200).flatMap((k) => gaps(startsOf(starts, k)));
    expect(all.length).toBeGreaterThan(200 * 8);
    for (const g of all) {
      expect(g).toBeGreaterThanOrEqual(13_500);
      expect(g).toBeLessThanOrEqual(16_500 + 250);
    }
    // 200 rigs an interval on at most one wake-up per grid step: 60 in 15 s, not 200.
    const perInterval = new Set(starts.filter((s) => s.at - t0 < cadence.intervalMs).map((s) => s.at)).size;
    expect(perInterval).toBeLessThanOrEqual(61);
    expect(perInterval).toBeGreaterThan(30);
  });

  it('backs off a silent rig but never gives up, and resumes the interval when it answers', async () => {
    const { clock, scheduler, starts, t0 } = setup({
      result: (_k, n) => (n <= 8 ? 'missed' : 'answered'),
    });
    scheduler.add('down');
    scheduler.start();
    await clock.advance(10 * 60_000);
    const g = gaps(startsOf(starts, 'down'));
    // Normal pace through the two misses that make it stale, then doubling up to the one-minute cap.
    expect(g.slice(0, 9)).toEqual([15_000, 15_000, 30_000, 60_000, 60_000, 60_000, 60_000, 60_000, 15_000]);
    expect(startsOf(starts, 'down')[0]).toBe(t0);
    expect(g.slice(9).every((x) => x === 15_000)).toBe(true);
  });

  it('aborts a poll that outlives its deadline, counts it missed and frees its slot', async () => {
    const clock = manualClock();
    const aborted: string[] = [];
    const polled: string[] = [];
    const scheduler = createScheduler({
      clock,
      cadence,
      concurrency: 1,
      pollDeadlineMs: 20_000,
      initialSpreadRatio: 0,
      onCycle: () => undefined,
      poll(key, signal) {
        polled.push(key);
        signal.addEventListener('abort', () => aborted.push(key));
        // "hung" ignores its signal and never settles; the slot must come back anyway.
        return key === 'hung' ? new Promise<PollResult>(() => undefined) : Promise.resolve('answered');
      },
    });
    scheduler.add('hung');
    scheduler.add('next');
    scheduler.start();
    await clock.advance(19_999);
    expect(polled).toEqual(['hung']);
    await clock.advance(1);
    expect(aborted).toEqual(['hung']);
    // Missed after 20 s, it is overdue at once (its interval ran from its start) and goes again, after "next".
    expect(polled).toEqual(['hung', 'next', 'hung']);
  });

  it('polls launched together share one deadline: a removal aborts none of them, the deadline all, a new launch is not', async () => {
    const clock = manualClock();
    const signals = new Map<string, AbortSignal[]>();
    const settle = new Map<string, (r: PollResult) => void>();
    const scheduler = createScheduler({
      clock,
      cadence,
      concurrency: 8,
      pollDeadlineMs: 20_000,
      initialSpreadRatio: 0,
      onCycle: () => undefined,
      poll(key, signal) {
        signals.set(key, [...(signals.get(key) ?? []), signal]);
        return new Promise<PollResult>((resolve) => settle.set(key, resolve));
      },
    });
    for (const k of ['a', 'b', 'c']) scheduler.add(k);
    scheduler.start();
    await clock.advance(0);
    const first = (k: string) => signals.get(k)?.[0];
    expect(first('a')).toBe(first('b'));
    scheduler.remove('b');
    expect(first('a')?.aborted).toBe(false);
    settle.get('c')?.('answered');
    await clock.advance(20_000);
    // a (and b's dropped poll) ran out together; a goes again at once, on a signal of its own.
    expect(first('a')?.aborted).toBe(true);
    expect(signals.get('a')).toHaveLength(2);
    expect(signals.get('a')?.[1]?.aborted).toBe(false);
    expect(signals.get('b')).toHaveLength(1);
    await scheduler.stop();
    expect(signals.get('a')?.[1]?.aborted).toBe(true);
  });

  it('runs the whole fleet on one timer and ends a cycle every interval', async () => {
    const clock = manualClock();
    let cycles = 0;
    let maxTimers = 0;
    const scheduler = createScheduler({
      clock,
      cadence: { ...cadence, jitterRatio: 0.1 },
      concurrency: 16,
      pollDeadlineMs: 20_000,
      initialSpreadRatio: 1,
      random: seeded(7),
      onCycle: () => {
        cycles += 1;
      },
      poll: () => {
        maxTimers = Math.max(maxTimers, clock.pendingTimers().length);
        return Promise.resolve('answered');
      },
    });
    for (const k of keys(500)) scheduler.add(k);
    scheduler.start();
    for (let i = 0; i < 100; i++) {
      await clock.advance(1_500);
      maxTimers = Math.max(maxTimers, clock.pendingTimers().length);
    }
    expect(cycles).toBe(10);
    expect(maxTimers).toBeLessThanOrEqual(1);
  });

  it('polls every rig once on demand while stopped, and polls nothing else', async () => {
    const { clock, scheduler, starts, maxInFlight } = setup({ concurrency: 3, durationMs: 10 });
    for (const k of keys(10)) scheduler.add(k);
    await clock.advance(60_000);
    expect(starts).toHaveLength(0);
    let done = false;
    const all = scheduler.pollAll().then(() => {
      done = true;
    });
    await clock.advance(39);
    expect(done).toBe(false);
    await clock.advance(1);
    await all;
    expect(starts.map((s) => s.key).sort()).toEqual(keys(10));
    expect(maxInFlight()).toBe(3);
    await clock.advance(60_000);
    expect(starts).toHaveLength(10);
  });

  it('re-polls a rig asked for while it is being polled, and forgets a removed one', async () => {
    const { clock, scheduler, starts } = setup({ durationMs: 1_000 });
    scheduler.add('a');
    scheduler.add('b');
    scheduler.start();
    await clock.advance(500);
    scheduler.pollSoon('a');
    scheduler.remove('b');
    await clock.advance(1_000);
    expect(startsOf(starts, 'a')).toHaveLength(2);
    await clock.advance(5 * cadence.intervalMs);
    expect(startsOf(starts, 'b')).toHaveLength(1);
    expect(scheduler.stats().rigs).toBe(1);
    await scheduler.stop();
  });
});
