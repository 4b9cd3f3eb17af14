// @vitest-environment node
// The temperature trend: a line through recent chip temperatures that reaches the limit within the hour while
// still under it; nothing for a flat or falling trend, or too few samples.
import { describe, expect, it } from 'vitest';
import { slopeOf } from '../../../../electron/health/trend';
import { DEFAULT_HEALTH_SETTINGS } from '../../../../shared/health-settings';
import { codes, input, MIN, run, snap, T0 } from './fixtures';

const TEN = { ...DEFAULT_HEALTH_SETTINGS, trendWindowMinutes: 10 };

const at = (m: number, chipC: number) =>
  input(snap({ takenAtMs: T0 + m * MIN, chipTemp: { minC: 50, maxC: chipC } }));

describe('temperature trend', () => {
  it('warns when the chip will reach its limit within the hour', () => {
    const steps = run([at(0, 76), at(2, 77), at(4, 78), at(6, 79), at(8, 80)], TEN);
    // A line is drawn only through most of the window (10 min here): not through a start's warm-up.
    expect(steps.map(codes)).toEqual([[], [], [], [], ['temp-trend']]);
    expect(steps[4]?.problems[0]?.text).toBe('chip 80 °C rising 30 °C/h: limit 85 °C in about 10 min');
  });

  it('is quiet for a slow rise, a flat or falling line, a warm-up far below the limit, and too short a span', () => {
    expect(run([at(0, 76), at(2, 76.1), at(4, 76.2), at(6, 76.3), at(8, 76.4)], TEN).flatMap(codes)).toEqual(
      [],
    );
    expect(run([at(0, 84), at(2, 82), at(4, 80), at(6, 78), at(8, 76)], TEN).flatMap(codes)).toEqual([]);
    expect(
      slopeOf(
        [
          { atMs: 0, value: 1 },
          { atMs: 1, value: 2 },
        ],
        0,
      ),
    ).toBeNull();
  });
});
