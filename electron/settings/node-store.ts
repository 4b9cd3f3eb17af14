import Conf from 'conf';

import { openConfStore } from './conf-store';
import type { SettingsStore } from './store';

/** The headless face's settings file, through conf (electron-store's base, which runs in plain Node). */
export function openNodeSettingsStore(dataDir: string, log: Pick<Console, 'warn'>): SettingsStore {
  return openConfStore(dataDir, (options) => new Conf<Record<string, unknown>>(options), log);
}
