// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { dataDirFlag, defaultDataDir } from '../../../electron/paths';

describe('defaultDataDir', () => {
  it('matches where Electron keeps userData for each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/t')).toBe('/home/t/.config/RigDeck');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/t')).toBe('/x/RigDeck');
    expect(defaultDataDir('darwin', {}, '/Users/t')).toBe('/Users/t/Library/Application Support/RigDeck');
    expect(defaultDataDir('win32', { APPDATA: 'C:/Users/t/AppData/Roaming' }, 'C:/Users/t')).toContain(
      'RigDeck',
    );
  });
});

describe('dataDirFlag', () => {
  it('finds --data in either form among Electron flags', () => {
    expect(dataDirFlag(['/app/rigdeck', '--no-sandbox', '--data', '/d'])).toBe('/d');
    expect(dataDirFlag(['/app/rigdeck', '--data=/e'])).toBe('/e');
    expect(dataDirFlag(['/app/rigdeck'])).toBeUndefined();
  });
});
