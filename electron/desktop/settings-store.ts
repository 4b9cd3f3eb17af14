import ElectronStore from 'electron-store';

import { openConfStore } from '../settings/conf-store';
import type { SettingsStore } from '../settings/store';

/** The desktop face's settings: electron-store (conf underneath), in the same file the headless face uses. */
export function openElectronSettingsStore(dataDir: string): SettingsStore {
  return openConfStore(
    dataDir,
    (o) => new ElectronStore<Record<string, unknown>>({ cwd: o.cwd, name: o.configName }),
    console,
  );
}
