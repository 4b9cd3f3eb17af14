import { describe, expect, it } from 'vitest';

import { sortRigs } from '../../../renderer/pages/fleet-sort';
import { live, problem, rig } from './health-fixtures';

describe('problems first', () => {
  it('orders by health, then the worst problem, then the oldest, then by name', () => {
    const rigs = ['ok', 'warnNew', 'warnOld', 'crit', 'never', 'unknown'].map((id) => rig(id));
    const l = new Map(
      [
        live('ok'),
        live('warnNew', {
          health: 'warning',
          problems: [
            problem({ code: 'fan-slow', severity: 'warning', text: 'fan 1 at 800 rpm', sinceMs: 5_000 }),
          ],
        }),
        live('warnOld', {
          health: 'warning',
          problems: [problem({ code: 'hashrate-low', severity: 'warning', text: '70 %', sinceMs: 2_000 })],
        }),
        live('crit', {
          health: 'critical',
          problems: [problem({ code: 'chain-failed', severity: 'critical', text: 'chain 2 failed' })],
        }),
        live('unknown', { liveness: 'unknown', health: 'unknown' }),
      ].map((x) => [x.rigId, x]),
    );
    expect(sortRigs(rigs, l, 'problems').map((r) => r.id)).toEqual([
      'crit',
      'warnOld',
      'warnNew',
      'never',
      'unknown',
      'ok',
    ]);
  });

  it('sorts by name numerically and by hashrate or temperature highest first', () => {
    const rigs = [rig('a', 'rig-10'), rig('b', 'rig-2'), rig('c', 'rig-1')];
    const l = new Map([
      ['a', live('a', { hashrateMhs: 100, chipTempMaxC: 90 })],
      ['b', live('b', { hashrateMhs: 300, chipTempMaxC: 60 })],
    ]);
    expect(sortRigs(rigs, l, 'name').map((r) => r.name)).toEqual(['rig-1', 'rig-2', 'rig-10']);
    expect(sortRigs(rigs, l, 'hashrate').map((r) => r.id)).toEqual(['b', 'a', 'c']);
    expect(sortRigs(rigs, l, 'temp').map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
