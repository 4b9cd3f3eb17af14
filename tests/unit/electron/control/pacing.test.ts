// @vitest-environment node
// Who starts when in a bulk job, on a manual clock: `pace` is asked after every start, finish and wake-up, the
// way jobs.ts asks it. Never more than the cap in flight, starts at least the stagger apart, harmless actions
// unpaced.
import { describe, expect, it } from 'vitest';

import { actionKinds } from '../../../../shared/control';
import { changesPower, pace, type PaceInput } from '../../../../electron/control/pacing';

const base: PaceInput = { now: 0, queued: 10, running: 0, cap: 5, staggerMs: 10_000, lastStartMs: null };

/** Drives `pace` like the job runner on a manual clock; each rig runs `runMs`. Returns start times and the peak. */
function simulate(rigs: number, cap: number | null, staggerMs: number, runMs: number) {
  let now = 0;
  let queued = rigs;
  let lastStartMs: number | null = null;
  const ends: number[] = [];
  const starts: number[] = [];
  let wake: number | null = null;
  let peak = 0;
  const ask = () => {
    const d = pace({ now, queued, running: ends.length, cap, staggerMs, lastStartMs });
    for (let i = 0; i < d.start; i++) {
      queued -= 1;
      lastStartMs = now;
      starts.push(now);
      ends.push(now + runMs);
    }
    peak = Math.max(peak, ends.length);
    wake = d.wakeAtMs;
  };
  ask();
  for (let guard = 0; guard < 10_000 && (queued > 0 || ends.length > 0); guard++) {
    const next = Math.min(...ends, wake ?? Infinity);
    now = next;
    const finished = ends.filter((e) => e <= now).length;
    ends.splice(0, ends.length, ...ends.filter((e) => e > now));
    if (finished > 0 || wake === now) ask();
  }
  return { starts, peak, left: queued };
}

describe('pace', () => {
  it('starts the first rig at once and asks again one stagger later', () => {
    expect(pace(base)).toEqual({ start: 1, wakeAtMs: 10_000 });
  });

  it('waits out the stagger after a start', () => {
    expect(pace({ ...base, now: 4_000, running: 1, lastStartMs: 0 })).toEqual({ start: 0, wakeAtMs: 10_000 });
    expect(pace({ ...base, now: 10_000, running: 1, lastStartMs: 0 })).toEqual({
      start: 1,
      wakeAtMs: 20_000,
    });
  });

  it('starts nothing while the cap is full, and sets no wake-up: the next finish asks', () => {
    expect(pace({ ...base, now: 99_000, running: 5, lastStartMs: 40_000 })).toEqual({
      start: 0,
      wakeAtMs: null,
    });
  });

  it('does not set a wake-up after filling the last free slot or starting the last rig', () => {
    expect(pace({ ...base, now: 50_000, running: 4, lastStartMs: 40_000 })).toEqual({
      start: 1,
      wakeAtMs: null,
    });
    expect(pace({ ...base, queued: 1 })).toEqual({ start: 1, wakeAtMs: null });
    expect(pace({ ...base, queued: 0 })).toEqual({ start: 0, wakeAtMs: null });
  });

  it('without a stagger fills the free slots at once', () => {
    expect(pace({ ...base, staggerMs: 0, running: 2 })).toEqual({ start: 3, wakeAtMs: null });
    expect(pace({ ...base, staggerMs: 0, queued: 2 })).toEqual({ start: 2, wakeAtMs: null });
  });

  it('starts every rig at once when not paced', () => {
    expect(pace({ ...base, cap: null, queued: 60, running: 3 })).toEqual({ start: 60, wakeAtMs: null });
  });

  it('60 rigs that each take 45 s: never more than 5 at once, starts 10 s apart, all of them run', () => {
    const { starts, peak, left } = simulate(60, 5, 10_000, 45_000);
    expect(left).toBe(0);
    expect(starts).toHaveLength(60);
    expect(peak).toBe(5);
    for (let i = 1; i < starts.length; i++)
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(10_000);
  });

  it('long commands hold the cap: a slot opens only when one finishes', () => {
    const { starts, peak } = simulate(8, 5, 1_000, 100_000);
    expect(peak).toBe(5);
    expect(starts.slice(0, 5)).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    // The sixth waits for the first to finish at 100 s.
    expect(starts[5]).toBe(100_000);
  });

  it('paces every action that changes power draw, and only the locate LED runs wide', () => {
    expect(actionKinds.filter((k) => !changesPower(k))).toEqual(['locate']);
  });
});
