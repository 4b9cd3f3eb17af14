// @vitest-environment node
// The due-time heap and the cadence arithmetic behind the scheduler: pops come out in (time, insertion) order
// whatever the pushes, compaction keeps exactly what it is told to, and delays respect jitter and backoff caps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CadenceConfig, firstPollDelay, nextPollDelay } from '../../../../electron/collector/cadence';
import { createDueQueue, type DueEntry } from '../../../../electron/collector/due-queue';

const drain = (q: ReturnType<typeof createDueQueue>): DueEntry[] => {
  const out: DueEntry[] = [];
  for (let e = q.pop(); e !== undefined; e = q.pop()) out.push(e);
  return out;
};

describe('due queue', () => {
  it('pops by due time, ties in insertion order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
        const q = createDueQueue();
        times.forEach((at, i) => q.push(at, `k${i}`, 0));
        const out = drain(q);
        const expected = times.map((at, i) => ({ at, i })).sort((a, b) => a.at - b.at || a.i - b.i);
        expect(out.map((e) => e.key)).toEqual(expected.map((e) => `k${e.i}`));
        expect(q.size()).toBe(0);
        expect(q.peek()).toBeUndefined();
      }),
    );
  });

  it('compacts to the entries it is told to keep and stays a heap', () => {
    const q = createDueQueue();
    for (let i = 0; i < 100; i++) q.push(100 - i, `k${i % 10}`, i);
    q.compact((e) => e.gen >= 90);
    const out = drain(q);
    expect(out.map((e) => e.gen)).toEqual([99, 98, 97, 96, 95, 94, 93, 92, 91, 90]);
  });
});

describe('cadence', () => {
  const c: CadenceConfig = {
    intervalMs: 15_000,
    jitterRatio: 0.1,
    backoffAfterMisses: 2,
    backoffMaxMs: 60_000,
  };

  it('jitters the interval within ±10 % and caps backoff (plus jitter)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (misses, r) => {
          const d = nextPollDelay(misses, c, () => r);
          const base = misses <= 2 ? 15_000 : Math.min(60_000, 15_000 * 2 ** (misses - 2));
          expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
          expect(d).toBeLessThanOrEqual(Math.ceil(base * 1.1));
        },
      ),
    );
  });

  it('spreads first polls over the requested share of an interval', () => {
    expect(firstPollDelay(c, 1, () => 0)).toBe(0);
    expect(firstPollDelay(c, 1, () => 0.5)).toBe(7_500);
    expect(firstPollDelay(c, 0, () => 0.9)).toBe(0);
  });
});
