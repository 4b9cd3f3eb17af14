// @vitest-environment node
// The presets a rig may be switched to, as the advice engine sees them: parsed once per slow-tier read.
import { describe, expect, it } from 'vitest';

import { presetOptions } from '../../../../electron/advice/inputs';
import { type PresetItem } from '../../../../electron/miners/vnish/schemas-tuning';

const item = (name: string, pretty: string | null, extra: Partial<PresetItem> = {}): PresetItem => ({
  name,
  pretty,
  status: 'tuned',
  modded_psu_required: false,
  tune_settings: null,
  ...extra,
});

describe('presetOptions', () => {
  it('keeps presets with figures, leaves out disabled and modded-PSU ones, reuses the parse of the same list', () => {
    const items = [
      item('3425', '3425 watt ~ 9500 MH'),
      item('disabled', 'Disabled'),
      item('3800', '3800 watt ~ 10200 MH', { modded_psu_required: true }),
      item('3000', '~ 8800 MH', { status: 'untuned' }),
      item('nonsense', null),
    ];
    const options = presetOptions(items);
    expect(options).toEqual([
      { name: '3425', watts: 3425, hashrateMhs: 9500, tuned: true },
      { name: '3000', watts: 3000, hashrateMhs: 8800, tuned: false },
    ]);
    expect(presetOptions(items)).toBe(options);
    // A new read (a new list) is parsed again.
    const again = presetOptions(structuredClone(items));
    expect(again).not.toBe(options);
    expect(again).toEqual(options);
    expect(presetOptions(null)).toBeNull();
  });
});
