// @vitest-environment node
import { describe, expect, it } from 'vitest';

import {
  formatAge,
  formatDuration,
  formatEfficiency,
  formatPercent,
  formatPower,
  formatTemp,
} from '../../../shared/format';

describe('format', () => {
  it('temperatures in the unit the technician chose, unknown as a dash', () => {
    expect(formatTemp(75.4, 'C')).toBe('75 °C');
    expect(formatTemp(75, 'F')).toBe('167 °F');
    expect(formatTemp(null, 'C')).toBe('—');
  });

  it('power in W, then kW for big sums', () => {
    expect(formatPower(3425.4)).toBe('3425 W');
    expect(formatPower(82_000)).toBe('82.0 kW');
    expect(formatPower(null)).toBe('—');
  });

  it('durations and ages at a sensible grain', () => {
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min');
    expect(formatDuration(7500)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
    expect(formatAge(1_000, 91_000)).toBe('1 min ago');
    expect(formatAge(null, 5)).toBe('never');
  });

  it('efficiency and percentages', () => {
    expect(formatEfficiency(0.3606)).toBe('0.361 J/MH');
    expect(formatPercent(9050, 9500)).toBe('95 %');
    expect(formatPercent(1, 0)).toBe('—');
  });
});
