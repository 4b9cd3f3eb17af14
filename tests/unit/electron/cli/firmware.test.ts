// `rigdeck run firmware`'s flags: the file is required, keep-settings defaults on, several rigs always roll out.
import { describe, expect, it } from 'vitest';

import { firmwareParams } from '../../../../electron/cli/firmware';
import { paramsFor } from '../../../../electron/cli/run';

describe('firmware flags', () => {
  it('keeps settings unless told not to, and rolls out only with several rigs or rollout flags', () => {
    expect(firmwareParams({ firmware: 'a.tar.gz' }, 1)).toEqual({ keepSettings: true, rollout: null });
    expect(firmwareParams({ firmware: 'a.tar.gz', 'no-keep-settings': true }, 1)).toEqual({
      keepSettings: false,
      rollout: null,
    });
    expect(firmwareParams({ firmware: 'a.tar.gz' }, 3)).toEqual({ keepSettings: true, rollout: {} });
    expect(
      firmwareParams({ firmware: 'a', canary: '2', wave: '10', 'gate-minutes': '5', 'min-share': '90' }, 1),
    ).toEqual({ keepSettings: true, rollout: { canary: 2, waveSize: 10, gateMinutes: 5, minSharePct: 90 } });
  });

  it('refuses a missing file, both settings flags, a fraction, or firmware flags on another action', () => {
    expect(() => paramsFor('firmware', {})).toThrow('firmware needs --firmware FILE.');
    expect(() =>
      firmwareParams({ firmware: 'a', 'keep-settings': true, 'no-keep-settings': true }, 1),
    ).toThrow('Give --keep-settings or --no-keep-settings, not both.');
    expect(() => firmwareParams({ firmware: 'a', canary: '1.5' }, 1)).toThrow(
      '--canary must be a whole number',
    );
    expect(() => paramsFor('reboot', { firmware: 'a' })).toThrow('"reboot" takes no --firmware.');
  });
});
