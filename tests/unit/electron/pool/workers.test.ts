// @vitest-environment node
// Live worker state: full lists and diffs merged by session uuid, grouped by worker name (docs/prohashing.md §7),
// every way a closed connection might be signalled, and the walletEx fallback.
import { describe, expect, it } from 'vitest';
import { parseMinerDiffs, parseMinerList } from '../../../../electron/pool/prohashing/wamp-payloads';
import {
  emptySessions,
  mergeDiffs,
  nextStaleAt,
  replaceSessions,
  summarizeWorkers,
  workersFromRest,
} from '../../../../electron/pool/prohashing/workers';
import { poolWorkerSchema } from '../../../../shared/pool';

const T0 = 1_700_000_000_000;
const STALE = 15 * 60_000;
// The reference fixture miner (docs/prohashing.md §8), a second board of the same rig, and an odd one.
const FULL = [
  {
    uuid: 'u1',
    miner_name: 'rig01',
    coin_name: 'Litecoin',
    algorithm_name: 'Scrypt',
    hashrate: 9.5e9,
    difficulty: 524288,
    difficulty_is_static: false,
    share_count: 812,
    all_time_share_count: 190233,
    miner_hardware: null,
  },
  {
    uuid: 'u2',
    miner_name: 'rig01',
    coin_name: 'Dogecoin',
    hashrate: '1.5e9',
    share_count: '10',
    difficulty: 65536,
  },
  { uuid: 'u3', miner_name: 'rig02', hashrate: null, share_count: null },
  { miner_name: 'no-uuid', hashrate: 1 },
  'garbage',
];

const list = (v: unknown) => parseMinerList(v) ?? [];

describe('workers', () => {
  it('groups connections by worker name; string numbers and nulls are read defensively', () => {
    const { table } = replaceSessions(emptySessions, list(FULL), T0);
    expect(table.size).toBe(3);
    const { workers, unnamed } = summarizeWorkers(table, T0, STALE);
    expect(unnamed).toBe(0);
    expect(workers.map((w) => w.name)).toEqual(['rig01', 'rig02']);
    const [rig01, rig02] = workers;
    expect(rig01).toMatchObject({
      source: 'live',
      online: true,
      hashrateHs: 11e9,
      shareCount: 822,
      allTimeShareCount: 190233,
      connections: 2,
      coins: ['Dogecoin', 'Litecoin'],
      algorithms: ['Scrypt'],
      difficulty: 524288,
    });
    expect(rig02).toMatchObject({ online: false, hashrateHs: 0, shareCount: null, connections: 1 });
    for (const w of workers) expect(poolWorkerSchema.parse(w)).toEqual(w);
  });

  it('merges diffs by uuid without erasing unmentioned fields', () => {
    const start = replaceSessions(emptySessions, list(FULL), T0).table;
    const { table, unnamed } = mergeDiffs(
      start,
      parseMinerDiffs([{ uuid: 'u1', hashrate: 8e9, share_count: 900 }]),
      T0 + 10_000,
    );
    expect(unnamed).toEqual([]);
    const u1 = table.get('u1');
    expect(u1).toMatchObject({
      hashrateHs: 8e9,
      shareCount: 900,
      worker: 'rig01',
      coin: 'Litecoin',
      updatedAt: T0 + 10_000,
    });
    // The input table is not mutated.
    expect(start.get('u1')?.hashrateHs).toBe(9.5e9);
  });

  it('accepts diffs as [diff, …] and as [[diff, …]] (consumers disagree)', () => {
    expect(parseMinerDiffs([{ uuid: 'a' }, { uuid: 'b' }]).map((d) => d.uuid)).toEqual(['a', 'b']);
    expect(parseMinerDiffs([[{ uuid: 'a' }, { uuid: 'b' }]]).map((d) => d.uuid)).toEqual(['a', 'b']);
  });

  it('a new connection announced by a diff is grouped when named, reported when not', () => {
    const start = replaceSessions(emptySessions, list(FULL), T0).table;
    const named = mergeDiffs(
      start,
      parseMinerDiffs([{ uuid: 'u9', miner_name: 'rig09', hashrate: 5e9 }]),
      T0,
    );
    expect(named.unnamed).toEqual([]);
    expect(summarizeWorkers(named.table, T0, STALE).workers.map((w) => w.name)).toContain('rig09');
    const anon = mergeDiffs(start, parseMinerDiffs([{ uuid: 'u8', hashrate: 5e9 }]), T0);
    expect(anon.unnamed).toEqual(['u8']);
    expect(summarizeWorkers(anon.table, T0, STALE).unnamed).toBe(1);
  });

  it('a closed connection: zero diff → offline; silence → stale; missing from a full list → removed', () => {
    const start = replaceSessions(emptySessions, list(FULL), T0).table;
    const zero = mergeDiffs(
      start,
      parseMinerDiffs([
        { uuid: 'u1', hashrate: 0 },
        { uuid: 'u2', hashrate: 0 },
      ]),
      T0,
    ).table;
    expect(summarizeWorkers(zero, T0, STALE).workers[0]).toMatchObject({
      name: 'rig01',
      online: false,
      hashrateHs: 0,
    });

    const later = T0 + STALE + 1;
    const silent = summarizeWorkers(start, later, STALE).workers[0];
    expect(silent).toMatchObject({ online: false, hashrateHs: 0 });
    expect(silent?.sessions.every((s) => s.stale)).toBe(true);
    expect(nextStaleAt(start, T0, STALE)).toBe(T0 + STALE + 1);

    const resync = replaceSessions(start, list([FULL[0]]), T0 + 60_000);
    expect(resync.removed.sort()).toEqual(['u2', 'u3']);
    expect(summarizeWorkers(resync.table, T0 + 60_000, STALE).workers.map((w) => w.name)).toEqual(['rig01']);
  });

  it('walletEx fallback groups rows by ID and reads accepted as H/s', () => {
    const w = workersFromRest(
      [
        {
          worker: 'rig01',
          algorithm: 'scrypt',
          coin: 'Litecoin',
          acceptedHs: 9e9,
          difficulty: 1,
          minRestartDelaySec: 0.25,
          workRestartPenalty: null,
        },
        {
          worker: 'rig01',
          algorithm: 'scrypt',
          coin: 'Litecoin',
          acceptedHs: 1e9,
          difficulty: 2,
          minRestartDelaySec: null,
          workRestartPenalty: 0,
        },
        {
          worker: 'idle',
          algorithm: null,
          coin: null,
          acceptedHs: null,
          difficulty: null,
          minRestartDelaySec: null,
          workRestartPenalty: null,
        },
      ],
      T0,
    );
    expect(w.map((x) => [x.name, x.source, x.online, x.hashrateHs, x.connections, x.shareCount])).toEqual([
      ['idle', 'rest', false, 0, 1, null],
      ['rig01', 'rest', true, 10e9, 2, null],
    ]);
  });
});
