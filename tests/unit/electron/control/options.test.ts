// control.options: a dialog's bounds are the core's bounds, so the options must say exactly what checkAction
// accepts: the rig's own presets with their figures, the /model ranges (the stock-PSU voltage ceiling), and
// throttle only from 1.3.3.
import { describe, expect, it } from 'vitest';
import { checkAction, type RigFacts } from '../../../../electron/control/limits';
import { optionsHandlers, rigOptions } from '../../../../electron/control/options';
import { modelSchema } from '../../../../electron/miners/vnish/schemas-info';
import { presetsSchema } from '../../../../electron/miners/vnish/schemas-tuning';

const model = modelSchema.parse({
  full_name: 'Antminer L7',
  model: 'l7',
  cooling: { min_fan_pwm: 10, min_target_temp: 30, max_target_temp: 90 },
  overclock: {
    max_voltage: 1500,
    min_voltage: 1200,
    default_voltage: 1360,
    max_voltage_stock_psu: 1450,
    max_freq: 800,
    min_freq: 200,
    default_freq: 500,
  },
});
const presets = presetsSchema.parse([
  { name: '3425', pretty: '3425 watt ~ 9500 MH', status: 'tuned', modded_psu_required: false },
  { name: '3700', pretty: '3700 watt ~ 10100 MH', status: 'untuned' },
  { name: '', pretty: 'nameless', status: 'tuned' },
]);
const facts: RigFacts = { firmwareVersion: '1.3.4', model, presets };

describe('rigOptions', () => {
  it('lists the presets with tuned/untuned, watts and hashrate, and the limits checkAction holds to', () => {
    const o = rigOptions('a', { facts, readAtMs: 5, currentPreset: '3425' });
    expect(o.presets).toEqual([
      {
        name: '3425',
        pretty: '3425 watt ~ 9500 MH',
        status: 'tuned',
        watts: 3425,
        hashrateMhs: 9500,
        moddedPsuRequired: false,
      },
      {
        name: '3700',
        pretty: '3700 watt ~ 10100 MH',
        status: 'untuned',
        watts: 3700,
        hashrateMhs: 10100,
        moddedPsuRequired: null,
      },
    ]);
    expect(o).toMatchObject({ known: true, readAtMs: 5, currentPreset: '3425', firmwareVersion: '1.3.4' });
    expect(o.overclock).toEqual({
      minFreq: 200,
      maxFreq: 800,
      defaultFreq: 500,
      minVolt: 1200,
      maxVolt: 1450,
      defaultVolt: 1360,
    });
    expect(o.cooling).toEqual({ minFanPwm: 10, minTargetTemp: 30, maxTargetTemp: 90 });
    expect(o.throttle).toEqual({ supported: true, min: 20, max: 100 });
    // The edges the options name are accepted, one past them refused.
    const oc = { kind: 'overclock' as const };
    expect(checkAction({ ...oc, freq: 800, volt: 1450 }, facts)).toBeNull();
    expect(checkAction({ ...oc, freq: null, volt: 1451 }, facts)).not.toBeNull();
    expect(checkAction({ ...oc, freq: 199, volt: null }, facts)).not.toBeNull();
  });

  it('says throttle is missing before 1.3.3 and unknown without a version', () => {
    expect(
      rigOptions('a', { facts: { ...facts, firmwareVersion: '1.3.2' }, readAtMs: null, currentPreset: null })
        .throttle.supported,
    ).toBe(false);
    expect(
      rigOptions('a', { facts: { ...facts, firmwareVersion: null }, readAtMs: null, currentPreset: null })
        .throttle.supported,
    ).toBeNull();
  });

  it('leaves what the rig has not said empty, and marks a rig not in the fleet', async () => {
    const bare = rigOptions('a', {
      facts: { firmwareVersion: '1.2.7', model: null, presets: null },
      readAtMs: null,
      currentPreset: null,
    });
    expect(bare).toMatchObject({ known: true, presets: null, overclock: null, cooling: null });
    const h = optionsHandlers({
      facts: (id) => (id === 'a' ? { facts, readAtMs: 1, currentPreset: null } : null),
    });
    const { rigs } = await h['control.options']({ rigIds: ['a', 'gone'] }, { face: 'headless', peer: 't' });
    expect(rigs.map((r) => [r.rigId, r.known])).toEqual([
      ['a', true],
      ['gone', false],
    ]);
    expect(rigs[1]?.presets).toBeNull();
  });
});
