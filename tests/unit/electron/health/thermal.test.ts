// @vitest-environment node
// Overheat against the model's limits, chip and board apart, with the evidence; limits are editable per model.
import { describe, expect, it } from 'vitest';
import { overheatRule } from '../../../../electron/health/thermal';
import { DEFAULT_HEALTH_SETTINGS } from '../../../../shared/health-settings';
import { chainSnap, ctx, input, snap } from './fixtures';

const hot = () =>
  snap({
    chipTemp: { minC: 60, maxC: 89 },
    boardTemp: { minC: 50, maxC: 78 },
    chains: [chainSnap(1), chainSnap(2, { chipTemp: { minC: 60, maxC: 89 } }), chainSnap(3)],
  });

describe('overheat', () => {
  it('names the chip and board over the limit, with both figures', () => {
    const found = overheatRule(ctx(input(hot())));
    expect(found.map((f) => [f.code, f.severity, f.text])).toEqual([
      ['overheat-chip', 'critical', 'chain 2 chip 89 °C, limit 85 °C'],
      ['overheat-board', 'critical', 'board 78 °C, limit 75 °C'],
    ]);
  });

  it('is quiet below the limits and follows edited per-model limits', () => {
    expect(overheatRule(ctx(input(snap())))).toEqual([]);
    const settings = {
      ...DEFAULT_HEALTH_SETTINGS,
      tempLimits: { ...DEFAULT_HEALTH_SETTINGS.tempLimits, L7: { chipC: 95, boardC: 80 } },
    };
    expect(overheatRule(ctx(input(hot()), undefined, settings))).toEqual([]);
  });
});
