import { describe, expect, it } from 'vitest';

import { DEFAULT_HEALTH_SETTINGS } from '../../../shared/health-settings';
import { fanTone, modelKey, nominalTone, tempLimitsFor, tempTone } from '../../../shared/thresholds';

describe('threshold colours', () => {
  it("takes the model's temperature limits, else the default entry", () => {
    const limits = { ...DEFAULT_HEALTH_SETTINGS.tempLimits, L9: { chipC: 80, boardC: 70 } };
    expect(tempLimitsFor(limits, 'L9').chipC).toBe(80);
    expect(tempLimitsFor(limits, 'S19').chipC).toBe(85);
    expect(tempLimitsFor(limits, null).boardC).toBe(75);
    expect(tempLimitsFor({}, 'L7')).toEqual({ chipC: 85, boardC: 75 });
    // As miners name themselves: the catalog's code inside the firmware's text.
    expect(tempLimitsFor(limits, 'Antminer L9').chipC).toBe(80);
    expect(tempLimitsFor(limits, 'ANTMINER L9 (Vnish 1.2.7)').chipC).toBe(80);
    expect(modelKey('antminer_l3plus')).toBe('L3+');
    expect(modelKey('Antminer L7')).toBe('L7');
    expect(modelKey('Antminer L79')).toBeNull();
    expect(modelKey('Antminer S19')).toBeNull();
  });

  it('colours a temperature at the limit bad, within 5 °C of it a warning, below nothing', () => {
    expect(tempTone(85, 85)).toBe('bad');
    expect(tempTone(91, 85)).toBe('bad');
    expect(tempTone(80, 85)).toBe('warn');
    expect(tempTone(79.9, 85)).toBeNull();
    expect(tempTone(null, 85)).toBeNull();
  });

  it('colours a share of nominal below the low share bad and up to halfway to 100 % a warning', () => {
    expect(nominalTone(7_000, 10_000, 0.8)).toBe('bad');
    expect(nominalTone(8_500, 10_000, 0.8)).toBe('warn');
    expect(nominalTone(9_000, 10_000, 0.8)).toBeNull();
    expect(nominalTone(0, 10_000, 0.8)).toBe('bad');
    expect(nominalTone(null, 10_000, 0.8)).toBeNull();
    expect(nominalTone(5_000, null, 0.8)).toBeNull();
    expect(nominalTone(5_000, 0, 0.8)).toBeNull();
  });

  it('colours a lost or stopped fan bad and a slow one a warning', () => {
    expect(fanTone(4_000, 1, 1_000)).toBe('bad');
    expect(fanTone(0, 0, 1_000)).toBe('bad');
    expect(fanTone(800, 0, 1_000)).toBe('warn');
    expect(fanTone(4_000, 0, 1_000)).toBeNull();
    expect(fanTone(null, null, 1_000)).toBeNull();
  });
});
