import { describe, expect, it } from 'vitest';

import type { RigLive } from '../../../shared/telemetry';
import {
  formatKw,
  heatColour,
  legend,
  powerColour,
  shareColour,
  slotLook,
} from '../../../renderer/map/overlays';

const live = (over: Partial<RigLive>): RigLive => ({
  rigId: 'a',
  liveness: 'online',
  takenAtMs: 1,
  lastPollMs: 1,
  lastError: null,
  minerState: 'mining',
  restarting: false,
  failureCode: null,
  failureDescription: null,
  hashrateMhs: 9000,
  nominalHashrateMhs: 9500,
  powerW: 3400,
  efficiencyJPerMh: 0.37,
  chipTempMaxC: 70,
  boardTempMaxC: 60,
  fanRpmMin: 4000,
  fansLost: 0,
  uptimeSec: 100,
  preset: null,
  chains: [],
  poolHashrateMhs: null,
  workerName: null,
  health: 'ok',
  problems: [],
  ...over,
});
const ctx = { chipLimitC: () => 90, maxPowerW: 3400 };
const hueOf = (colour: string) => Number(/^hsl\((\d+) /.exec(colour)?.[1]);

describe('map overlay scales', () => {
  it('runs the heat map from blue at 40 °C to red at the chip limit, clamped beyond', () => {
    expect(hueOf(heatColour(40, 90))).toBe(220);
    expect(hueOf(heatColour(65, 90))).toBe(110);
    expect(hueOf(heatColour(90, 90))).toBe(0);
    expect(hueOf(heatColour(120, 90))).toBe(0);
    expect(hueOf(heatColour(10, 90))).toBe(220);
  });

  it('colours the share of nominal red at half or less, green at 100 % and above', () => {
    expect(hueOf(shareColour(40))).toBe(0);
    expect(hueOf(shareColour(80))).toBe(72);
    expect(hueOf(shareColour(100))).toBe(120);
    expect(hueOf(shareColour(130))).toBe(120);
  });

  it('deepens power with its share of the largest draw', () => {
    expect(powerColour(0, 3400)).toBe('hsl(28 85% 70%)');
    expect(powerColour(3400, 3400)).toBe('hsl(28 85% 30%)');
    expect(powerColour(100, 0)).toBe('hsl(28 85% 70%)');
    expect([formatKw(950), formatKw(3446)]).toEqual(['950 W', '3.4 kW']);
  });
});

describe('what a slot shows', () => {
  it('shows each overlay as a colour and a figure with its unit', () => {
    expect(slotLook('health', live({ health: 'critical' }), ctx)).toEqual({
      colour: 'var(--bad)',
      text: 'Crit',
      tone: 'bad',
    });
    expect(slotLook('temperature', live({ chipTempMaxC: 64.6 }), ctx).text).toBe('65 °C');
    expect(slotLook('hashrate', live({}), ctx).text).toBe('95 %');
    expect(slotLook('power', live({}), ctx)).toEqual({
      colour: 'hsl(28 85% 30%)',
      text: '3.4 kW',
      tone: null,
    });
  });

  it('never colours a rig from figures that are not live, and says why', () => {
    expect(slotLook('temperature', undefined, ctx)).toEqual({
      colour: 'var(--map-idle)',
      text: 'no data',
      tone: 'idle',
    });
    expect(slotLook('temperature', live({ liveness: 'offline' }), ctx).text).toBe('offline');
    expect(slotLook('hashrate', live({ liveness: 'stale' }), ctx).text).toBe('stale');
    expect(slotLook('power', live({ restarting: true }), ctx).text).toBe('restarting');
    expect(slotLook('hashrate', live({ nominalHashrateMhs: null }), ctx).text).toBe('– %');
    expect(slotLook('temperature', live({ chipTempMaxC: null }), ctx).tone).toBe('idle');
  });

  it('has a legend of the current scale, each stop with its unit', () => {
    expect(legend('temperature', { limitC: 85, maxPowerW: 3400 }).map((l) => l.text)).toEqual([
      '40 °C',
      '60 °C',
      '75 °C',
      '85 °C',
    ]);
    expect(legend('power', { limitC: 85, maxPowerW: 3400 }).map((l) => l.text)).toEqual([
      '850 W',
      '1.7 kW',
      '2.5 kW',
      '3.4 kW',
    ]);
  });
});
