// @vitest-environment node
// summarizeWorkers runs at every live diff over a thousand workers, so it has a fast path for the usual worker
// (one connection): property-tested here against the plain definition of the totals, which it must equal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { type SessionRecord, summarizeWorkers } from '../../../../electron/pool/prohashing/workers';
import { type PoolSession, type PoolWorker } from '../../../../shared/pool';

const T0 = 1_700_000_000_000;
const STALE = 15 * 60_000;

/** The definition: group by name, every total over arrays, sorted with localeCompare. */
function reference(table: ReadonlyMap<string, SessionRecord>, now: number): PoolWorker[] {
  const groups = new Map<string, SessionRecord[]>();
  for (const s of table.values()) {
    if (s.worker === null) continue;
    groups.set(s.worker, [...(groups.get(s.worker) ?? []), s]);
  }
  const sum = (v: (number | null)[]) => v.reduce<number>((n, x) => n + (x ?? 0), 0);
  const distinct = (v: (string | null)[]) => [...new Set(v.filter((x): x is string => x !== null))].sort();
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, list]) => {
      const sessions: PoolSession[] = list
        .map((s) => ({ ...s, stale: now - s.updatedAt > STALE }))
        .sort((a, b) => a.uuid.localeCompare(b.uuid));
      const fresh = sessions.filter((s) => !s.stale);
      const nums = (v: (number | null)[]) => v.filter((x): x is number => x !== null);
      const difficulties = nums(sessions.map((s) => s.difficulty));
      return {
        name,
        source: 'live' as const,
        online: fresh.some((s) => (s.hashrateHs ?? 0) > 0),
        hashrateHs: sum(fresh.map((s) => s.hashrateHs)),
        shareCount: sessions.every((s) => s.shareCount === null)
          ? null
          : sum(sessions.map((s) => s.shareCount)),
        allTimeShareCount: sessions.every((s) => s.allTimeShareCount === null)
          ? null
          : sum(sessions.map((s) => s.allTimeShareCount)),
        connections: sessions.length,
        coins: distinct(sessions.map((s) => s.coin)),
        algorithms: distinct(sessions.map((s) => s.algorithm)),
        difficulty: difficulties.length === 0 ? null : Math.max(...difficulties),
        updatedAt: Math.max(...sessions.map((s) => s.updatedAt)),
        sessions,
      };
    });
}

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const session = fc.record({
  uuid: fc.string({ minLength: 1, maxLength: 6 }),
  worker: maybe(fc.constantFrom('rig01', 'Rig01', 'rig-02', 'ärger', 'z9', '10', '9')),
  coin: maybe(fc.constantFrom('Litecoin', 'Dogecoin')),
  algorithm: maybe(fc.constantFrom('Scrypt', 'SHA-256')),
  hashrateHs: maybe(fc.oneof(fc.double({ noNaN: true }), fc.constant(0))),
  difficulty: maybe(fc.double()),
  difficultyIsStatic: maybe(fc.boolean()),
  shareCount: maybe(fc.integer()),
  allTimeShareCount: maybe(fc.integer()),
  hardware: maybe(fc.string({ maxLength: 4 })),
  updatedAt: fc.integer({ min: T0 - 2 * STALE, max: T0 }),
});

describe('summarizeWorkers', () => {
  it('equals the plain definition: one or several connections per worker, stale ones, nulls', () => {
    fc.assert(
      fc.property(fc.array(session, { maxLength: 30 }), (list) => {
        const table = new Map(list.map((s) => [s.uuid, s] as const));
        const got = summarizeWorkers(table, T0, STALE);
        expect(got.workers).toEqual(reference(table, T0));
        expect(got.unnamed).toBe([...table.values()].filter((s) => s.worker === null).length);
      }),
      { numRuns: 300 },
    );
  });

  it('a lone stale connection counts no hashrate and is not online, but keeps its shares', () => {
    const s: SessionRecord = {
      uuid: 'u1',
      worker: 'rig01',
      coin: 'Litecoin',
      algorithm: 'Scrypt',
      hashrateHs: 9.5e9,
      difficulty: 512,
      difficultyIsStatic: false,
      shareCount: 7,
      allTimeShareCount: 70,
      hardware: null,
      updatedAt: T0 - STALE - 1,
    };
    const [w] = summarizeWorkers(new Map([['u1', s]]), T0, STALE).workers;
    expect(w).toMatchObject({
      online: false,
      hashrateHs: 0,
      shareCount: 7,
      allTimeShareCount: 70,
      connections: 1,
    });
    expect(w?.sessions).toEqual([{ ...s, stale: true }]);
  });
});
