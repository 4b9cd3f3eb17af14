// @vitest-environment node
// Fans: lost or stopped is critical, below the floor a warning, one problem per fan; immersion mode is not judged.
import { describe, expect, it } from 'vitest';
import { fansRule } from '../../../../electron/health/fans';
import { ctx, input, snap } from './fixtures';

const fans = (rpms: Array<number | null>, lost: number[] = []) =>
  rpms.map((rpm, id) => ({
    id,
    rpm,
    maxRpm: 6000,
    status: lost.includes(id) ? ('lost' as const) : ('ok' as const),
  }));

describe('fans', () => {
  it('names a stopped fan and a slow one with their rpm', () => {
    const found = fansRule(ctx(input(snap({ fans: fans([4000, 0, 700, 4100]) }))));
    expect(found.map((f) => [f.code, f.severity, f.subject, f.text])).toEqual([
      ['fan-lost', 'critical', '1', 'fan 1 at 0 rpm'],
      ['fan-slow', 'warning', '2', 'fan 2 at 700 rpm, floor 1,000 rpm'],
    ]);
  });

  it('names a fan the firmware reports lost', () => {
    expect(fansRule(ctx(input(snap({ fans: fans([4000, null], [1]) })))).map((f) => f.text)).toEqual([
      'fan 1 lost',
    ]);
  });

  it('says nothing of healthy fans or of immersion mode', () => {
    expect(fansRule(ctx(input(snap())))).toEqual([]);
    expect(fansRule(ctx(input(snap({ fanMode: 'immersion', fans: fans([0, 0], [0, 1]) }))))).toEqual([]);
  });
});
