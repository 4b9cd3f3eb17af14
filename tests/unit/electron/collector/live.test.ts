// @vitest-environment node
// Snapshot → RigLive, the fleet summary (online rigs only in the sums) and the change diff events carry.
import { describe, expect, it } from 'vitest';
import {
  changedSince,
  sameLive,
  summarize,
  toRigLive,
  type RigLiveInput,
} from '../../../../electron/collector/live';
import { liveOf, newEntry } from '../../../../electron/collector/rig-entry';
import { rigLiveSchema, fleetSummarySchema, type RigLive } from '../../../../shared/telemetry';
import { chainSnap, rigRecord, snap, T0 } from './fixtures';

const input = (over: Partial<RigLiveInput> = {}): RigLiveInput => ({
  rigId: 'r1',
  snapshot: snap(),
  liveness: 'online',
  restarting: false,
  poll: { lastPollMs: T0, lastError: null },
  pool: { poolHashrateMhs: null, workerName: null },
  ...over,
});

describe('toRigLive', () => {
  it('derives the maxima, the slowest fan, lost fans, chains and preset from the snapshot', () => {
    const s = snap({
      chipTemp: { minC: 60, maxC: 70 },
      chains: [
        chainSnap(1, { chipTemp: { minC: 60, maxC: 74 } }),
        chainSnap(2, { boardTemp: { minC: 40, maxC: 55 } }),
      ],
      fans: [
        { id: 0, rpm: 4100, maxRpm: 6000, status: 'ok' },
        { id: 1, rpm: 0, maxRpm: 6000, status: 'lost' },
      ],
    });
    const live = toRigLive(input({ snapshot: s, pool: { poolHashrateMhs: 9300, workerName: 'rig-01' } }));
    expect(rigLiveSchema.parse(live)).toEqual(live);
    expect(live).toMatchObject({
      chipTempMaxC: 74,
      boardTempMaxC: 55,
      fanRpmMin: 0,
      fansLost: 1,
      preset: '3425',
      hashrateMhs: 9500,
      efficiencyJPerMh: 3425 / 9500,
      poolHashrateMhs: 9300,
      workerName: 'rig-01',
    });
    expect(live.chains[0]).toEqual({
      id: 1,
      state: 'mining',
      hashrateMhs: 3166,
      chipTempMaxC: 74,
      frequencyMhz: 500,
      chipsRed: 0,
      chipsOrange: 2,
    });
  });

  it('shows nothing measured before the first answer, and no lost fans in immersion', () => {
    const empty = toRigLive(input({ snapshot: null, liveness: 'unknown' }));
    expect(rigLiveSchema.parse(empty)).toEqual(empty);
    expect(empty).toMatchObject({ takenAtMs: null, hashrateMhs: null, minerState: 'unknown', chains: [] });
    const immersed = snap({
      fanMode: 'immersion',
      fans: [{ id: 0, rpm: 0, maxRpm: 6000, status: 'lost' }],
    });
    expect(toRigLive(input({ snapshot: immersed })).fansLost).toBeNull();
  });
});

describe('summarize', () => {
  const rig = (id: string, over: Partial<RigLiveInput> = {}): RigLive =>
    toRigLive(input({ rigId: id, ...over }));

  it('counts every rig by liveness, but sums only online ones', () => {
    const lives = [
      rig('a'),
      rig('b', { snapshot: snap({ hashrateMhs: 10_000, powerW: 3600, nominalHashrateMhs: 10_100 }) }),
      rig('c', { liveness: 'stale' }),
      rig('d', { liveness: 'offline' }),
      rig('e', { liveness: 'unknown', snapshot: null }),
      rig('f', { restarting: true, liveness: 'stale' }),
      rig('g', {
        snapshot: snap({ minerState: 'failure', hashrateMhs: 0, nominalHashrateMhs: 0, powerW: 90 }),
      }),
    ];
    const s = summarize(lives, T0, 19_000);
    expect(fleetSummarySchema.parse(s)).toEqual(s);
    expect(s.rigs).toEqual({
      total: 7,
      online: 3,
      stale: 2,
      offline: 1,
      unknown: 1,
      byMinerState: { mining: 2, failure: 1, restarting: 1 },
      byHealth: { ok: 0, warning: 0, critical: 0, unknown: 7 },
    });
    expect(s.hashrateMhs).toBe(19_500);
    expect(s.nominalHashrateMhs).toBe(19_600);
    expect(s.powerW).toBe(3425 + 3600 + 90);
    // The failed rig draws 90 W at 0 MH/s: not part of the efficiency.
    expect(s.efficiencyJPerMh).toBeCloseTo((3425 + 3600) / 19_500, 10);
    expect(s.poolHashrateMhs).toBe(19_000);
  });

  it('has no efficiency when nothing online hashes', () => {
    expect(summarize([], T0, null)).toMatchObject({ hashrateMhs: 0, powerW: 0, efficiencyJPerMh: null });
  });
});

describe('changedSince', () => {
  it('lists new and changed rigs and removed ids, ignoring a bare re-poll time', () => {
    const a = toRigLive(input({ rigId: 'a' }));
    const b = toRigLive(input({ rigId: 'b' }));
    const prev = new Map([
      ['a', a],
      ['b', b],
      ['gone', a],
    ]);
    const next = new Map([
      ['a', { ...a, lastPollMs: T0 + 15_000 }],
      ['b', { ...b, liveness: 'stale' as const }],
      ['c', toRigLive(input({ rigId: 'c' }))],
    ]);
    const diff = changedSince(prev, next);
    expect(diff.changed.map((r) => r.rigId)).toEqual(['b', 'c']);
    expect(diff.removed).toEqual(['gone']);
    const chainsMoved = { ...a, chains: a.chains.map((c, i) => (i === 2 ? { ...c, chipsRed: 1 } : c)) };
    expect(changedSince(new Map([['a', a]]), new Map([['a', chainsMoved]])).changed).toHaveLength(1);
  });
});

describe('sameLive', () => {
  it('sees a change in any field a technician sees, and none in a bare re-poll time', () => {
    const a = toRigLive(input());
    const other: Record<string, unknown> = {
      liveness: 'stale',
      restarting: true,
      lastError: 'x',
      health: 'ok',
    };
    for (const key of Object.keys(a) as Array<keyof RigLive>) {
      if (key === 'chains' || key === 'problems') continue;
      const v = a[key];
      const changed = {
        ...a,
        [key]:
          key in other && other[key] !== v ? other[key] : typeof v === 'number' ? v + 1 : `${String(v)}!`,
      } as RigLive;
      expect(sameLive(a, changed), key).toBe(key === 'lastPollMs');
    }
    expect(sameLive(a, { ...a })).toBe(true);
  });
});

describe('liveOf', () => {
  it('builds a view once per entry, and again when the entry is replaced or a restart deadline passes', () => {
    const e = { ...newEntry(rigRecord('r1'), 1), snapshot: snap() };
    const first = liveOf('r1', e, T0);
    expect(liveOf('r1', e, T0 + 1000)).toBe(first);
    const polled = { ...e, snapshot: snap({ hashrateMhs: 9000 }) };
    expect(liveOf('r1', polled, T0).hashrateMhs).toBe(9000);
    const restarting = { ...e, health: { ...e.health, restart: { untilMs: T0 + 60_000, wentDown: false } } };
    expect(liveOf('r1', restarting, T0).restarting).toBe(true);
    expect(liveOf('r1', restarting, T0 + 60_000).restarting).toBe(false);
    expect(liveOf('r1', restarting, T0 + 60_000)).toEqual({
      ...liveOf('r1', restarting, T0),
      restarting: false,
    });
  });
});
