// @vitest-environment node
// The L7/L9/L3+ catalog: hardware facts from docs/vnish.md §7 and model-name matching on real strings.
import { describe, expect, it } from 'vitest';
import {
  algorithmFromModelName,
  findModel,
  MODEL_CATALOG,
  withOverrides,
} from '../../../../electron/miners/models';

describe('model catalog', () => {
  it('holds the reference hardware table', () => {
    expect(MODEL_CATALOG['L3+']).toMatchObject({
      chains: 4,
      chipsPerChain: 72,
      fans: 2,
      nominalMhs: 504,
      powerW: 800,
    });
    expect(MODEL_CATALOG.L7).toMatchObject({
      chains: 3,
      chipsPerChain: 120,
      fans: 4,
      nominalMhs: 9500,
      powerW: 3425,
    });
    expect(MODEL_CATALOG.L9).toMatchObject({ chains: 3, chipsPerChain: 110, fans: 4 });
    expect(MODEL_CATALOG.L9.nominalRangeMhs).toEqual({ min: 15000, max: 17000 });
  });

  it('leaves the preset range a GAP until configured', () => {
    expect(MODEL_CATALOG.L7.presetWattsRange).toBeNull();
    const site = withOverrides({ L7: { presetWattsRange: { min: 2600, max: 4600 } } });
    expect(site.L7.presetWattsRange).toEqual({ min: 2600, max: 4600 });
    expect(site.L7.code).toBe('L7');
    expect(MODEL_CATALOG.L7.presetWattsRange).toBeNull();
  });

  it.each([
    ['Antminer L7', 'L7'],
    ['ANTMINER L3+', 'L3+'],
    ['l9', 'L9'],
    ['Antminer L7 (Vnish 1.2.7)', 'L7'],
    ['antminer_l3plus', 'L3+'],
    ['Antminer L3', 'L3+'],
  ])('finds %s', (text, code) => {
    expect(findModel(text)?.code).toBe(code);
  });

  it.each(['Antminer S19 Pro', 'Antminer L70', 'Antminer T21 (7Miners 1.2.6-rc1)', ''])(
    'does not match %s',
    (text) => {
      expect(findModel(text)).toBeNull();
    },
  );

  it('infers the algorithm from a model name', () => {
    expect(algorithmFromModelName('Antminer L7')).toBe('scrypt');
    expect(algorithmFromModelName('Antminer S19 (Vnish 1.2.6)')).toBe('sha256d');
    expect(algorithmFromModelName('Antminer T21')).toBe('sha256d');
    expect(algorithmFromModelName('Whatever')).toBeNull();
  });
});
