// @vitest-environment node
// The temperature trend: a line through recent chip temperatures that reaches the limit within the hour while
// still under it; nothing for a flat or falling trend, or too few samples.
import { describe, expect, it } from 'vitest';
import { slopeOf } from '../../../../electron/health/trend';
import { codes, input, MIN, run, snap, T0 } from './fixtures';

const at = (m: number, chipC: number) =>
  input(snap({ takenAtMs: T0 + m * MIN, chipTemp: { minC: 50, maxC: chipC } }));

describe('temperature trend', () => {
  it('warns when the chip will reach its limit within the hour', () => {
    const steps = run([at(0, 70), at(2, 71), at(4, 72), at(6, 73), at(8, 74)]);
    // Four samples over a third of the window are the least a line is drawn through.
    expect(steps.map(codes)).toEqual([[], [], [], ['temp-trend'], ['temp-trend']]);
    expect(steps[4]?.problems[0]?.text).toBe('chip 74 °C rising 30 °C/h: limit 85 °C in about 22 min');
  });

  it('is quiet for a slow rise, a flat or falling line, and too short a span', () => {
    expect(run([at(0, 70), at(2, 70.1), at(4, 70.2), at(6, 70.3), at(8, 70.4)]).flatMap(codes)).toEqual([]);
    expect(run([at(0, 80), at(2, 78), at(4, 76), at(6, 74), at(8, 72)]).flatMap(codes)).toEqual([]);
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
