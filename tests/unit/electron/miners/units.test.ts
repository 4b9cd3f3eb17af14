// @vitest-environment node
// shared/units.ts: the one place hashrate units are converted, so the 1000× mistakes die here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestHashUnit,
  efficiencyJPerMh,
  formatHashrate,
  parseHashUnit,
  parsePresetPretty,
  parseUptimeSeconds,
  toMhs,
} from '../../../../shared/units';
import { normalizeMac, normalizeSerial } from '../../../../shared/rig';

describe('hash units', () => {
  it('reads Vnish hr_measure and cgminer rate_unit labels', () => {
    expect(parseHashUnit('GH/s')).toBe('GH/s');
    expect(parseHashUnit('MH/s')).toBe('MH/s');
    expect(parseHashUnit('GH')).toBe('GH/s');
    expect(parseHashUnit('mh')).toBe('MH/s');
    expect(parseHashUnit('TH')).toBe('TH/s');
    expect(parseHashUnit('N/A')).toBeNull();
    expect(parseHashUnit(null)).toBeNull();
    expect(parseHashUnit(42)).toBeNull();
  });

  it('converts to MH/s exactly: GH/s ×1000, MH/s ×1, TH/s ×1e6', () => {
    expect(toMhs(9.5, 'GH/s')).toBe(9500);
    expect(toMhs(9500, 'MH/s')).toBe(9500);
    expect(toMhs(110.5, 'TH/s')).toBe(110_500_000);
    expect(toMhs(null, 'GH/s')).toBeNull();
    expect(toMhs(Number.NaN, 'GH/s')).toBeNull();
    expect(toMhs(1e306, 'GH/s')).toBeNull();
  });

  it('formats with the largest fitting unit', () => {
    expect(bestHashUnit(9500)).toBe('GH/s');
    expect(bestHashUnit(504)).toBe('MH/s');
    expect(formatHashrate(9500)).toBe('9.50 GH/s');
    expect(formatHashrate(null)).toBe('—');
  });

  it('efficiency is W per MH/s, null when not hashing', () => {
    expect(efficiencyJPerMh(3425, 9500)).toBeCloseTo(0.3605, 4);
    expect(efficiencyJPerMh(3425, 0)).toBeNull();
    expect(efficiencyJPerMh(null, 9500)).toBeNull();
  });

  it('never returns a non-finite number', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom('MH/s' as const, 'GH/s' as const, 'TH/s' as const), (v, u) => {
        const out = toMhs(v, u);
        expect(out === null || Number.isFinite(out)).toBe(true);
      }),
    );
  });
});

describe('busybox uptime (docs/vnish.md §3.1)', () => {
  it.each([
    ['0:06', 360],
    ['10 days, 18:00', 10 * 86400 + 18 * 3600],
    ['1 day, 3 min', 86400 + 180],
    ['5 min', 300],
    ['up 2:03', 2 * 3600 + 180],
  ])('%s → %d s', (text, seconds) => {
    expect(parseUptimeSeconds(text)).toBe(seconds);
  });
  it('rejects what it does not know', () => {
    expect(parseUptimeSeconds('soon')).toBeNull();
    expect(parseUptimeSeconds('')).toBeNull();
    expect(parseUptimeSeconds(12)).toBeNull();
  });
});

describe('preset pretty strings (docs/vnish.md §3.5)', () => {
  it('reads watts and hashrate in MH/s whatever the unit', () => {
    expect(parsePresetPretty('3425 watt ~ 9500 MH')).toEqual({ watts: 3425, hashrateMhs: 9500 });
    expect(parsePresetPretty('1100 watt ~ 53 TH')).toEqual({ watts: 1100, hashrateMhs: 53_000_000 });
    expect(parsePresetPretty('4690 watt ~ 124 TH LC')).toEqual({ watts: 4690, hashrateMhs: 124_000_000 });
    expect(parsePresetPretty('… ~ 11500 MH')).toEqual({ watts: null, hashrateMhs: 11500 });
    expect(parsePresetPretty('Disabled')).toEqual({ watts: null, hashrateMhs: null });
  });
});

describe('identity helpers', () => {
  it('normalizes MACs and rejects malformed ones (the anonymised capture MAC)', () => {
    expect(normalizeMac('fe:07:26:3c:be:1b')).toBe('FE:07:26:3C:BE:1B');
    expect(normalizeMac('02-C0-4B-00-11-22')).toBe('02:C0:4B:00:11:22');
    expect(normalizeMac('02:55:97:22:3M:72')).toBeNull();
    expect(normalizeMac('N/A')).toBeNull();
  });
  it('treats "N/A" serials as no serial', () => {
    expect(normalizeSerial('N/A')).toBeNull();
    expect(normalizeSerial('  ')).toBeNull();
    expect(normalizeSerial('THQING0BDJAB024NF')).toBe('THQING0BDJAB024NF');
  });
});
