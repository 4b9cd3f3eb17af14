// @vitest-environment node
// What a cycle hands the store: sample and chain rows from snapshots, and event rows for liveness, restarts,
// miner-state changes, failures and reboots nobody asked for.
import { describe, expect, it } from 'vitest';
import {
  cycleBatch,
  type HealthView,
  rebootEvent,
  transitionEvents,
} from '../../../../electron/collector/batch';
import { chainSnap, snap, T0 } from './fixtures';

const view = (over: Partial<HealthView> = {}): HealthView => ({
  liveness: 'online',
  restarting: false,
  minerState: 'mining',
  failureCode: null,
  failureDescription: null,
  ...over,
});
const ctx = {
  silentMs: 62_000,
  misses: 3,
  lastError: 'GET /api/v1/summary @ 10.0.0.5:80: no reply within 5000 ms',
};

describe('cycle batch', () => {
  it('turns each new snapshot into one sample row and one row per chain', () => {
    const s = snap({ chains: [chainSnap(1), chainSnap(2, { chipGrades: null, state: 'failure' })] });
    const batch = cycleBatch([{ rigId: 'r1', snapshot: s, poolHashrateMhs: 9400 }], []);
    expect(batch.samples).toEqual([
      {
        rigId: 'r1',
        takenAtMs: T0,
        hashrateMhs: 9500,
        powerW: 3425,
        efficiencyJPerMh: 3425 / 9500,
        chipTempMaxC: 66,
        boardTempMaxC: 48,
        fanRpmMin: 4000,
        poolHashrateMhs: 9400,
        minerState: 'mining',
      },
    ]);
    expect(batch.chains.map((c) => [c.chainId, c.state, c.chipsRed, c.voltageMv])).toEqual([
      [1, 'mining', 0, 13500],
      [2, 'failure', null, 13500],
    ]);
    expect(batch.events).toEqual([]);
  });
});

describe('transition events', () => {
  it('logs liveness changes with why, but not first contact', () => {
    expect(transitionEvents('r', view({ liveness: 'unknown' }), view(), T0, ctx)).toEqual([]);
    expect(
      transitionEvents('r', view({ liveness: 'stale' }), view({ liveness: 'offline' }), T0, ctx),
    ).toEqual([
      {
        rigId: 'r',
        atMs: T0,
        kind: 'liveness',
        liveness: 'offline',
        text: `offline after 62 s without an answer (${ctx.lastError})`,
      },
    ]);
    const back = transitionEvents('r', view({ liveness: 'offline' }), view(), T0, {
      ...ctx,
      silentMs: 300_000,
    });
    expect(back.map((e) => e.text)).toEqual(['online again after 5 min without an answer']);
    const stale = transitionEvents('r', view(), view({ liveness: 'stale' }), T0, { ...ctx, misses: 2 });
    expect(stale[0]?.text).toMatch(/^stale: 2 polls missed/);
  });

  it('logs restarts, miner-state changes and failures with their code', () => {
    const events = transitionEvents(
      'r',
      view(),
      view({ restarting: true, minerState: 'failure', failureCode: 1002, failureDescription: 'bad config' }),
      T0,
      ctx,
    );
    expect(events.map((e) => [e.kind, e.text])).toEqual([
      ['reboot', 'restarting'],
      ['failure', 'failure 1002: bad config'],
    ]);
    const back = transitionEvents('r', view({ restarting: true, minerState: 'starting' }), view(), T0, ctx);
    expect(back.map((e) => [e.kind, e.text])).toEqual([
      ['reboot', 'back from restart, mining'],
      ['miner-state', 'starting → mining'],
    ]);
    const notBack = transitionEvents(
      'r',
      view({ restarting: true, liveness: 'stale' }),
      view({ liveness: 'stale' }),
      T0,
      ctx,
    );
    expect(notBack.map((e) => e.text)).toEqual(['not back by the restart deadline']);
  });

  it('notices a reboot nobody asked for from the uptime read going backwards', () => {
    expect(rebootEvent('r', 86_400, 45, T0)).toEqual({
      rigId: 'r',
      atMs: T0,
      kind: 'reboot',
      text: 'rebooted (up 45 s)',
    });
    expect(rebootEvent('r', 3600, 3600, T0)).toBeNull();
    expect(rebootEvent('r', null, 45, T0)).toBeNull();
  });
});
