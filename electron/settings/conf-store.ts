import { renameSync } from 'node:fs';
import { join } from 'node:path';

import type Conf from 'conf';

import type { SettingsStore } from './store';

export const SETTINGS_FILE = 'settings';

type ConfLike = Pick<Conf<Record<string, unknown>>, 'store' | 'path'>;
export type ConfFactory = (options: { cwd: string; configName: string; projectName: string }) => ConfLike;

/**
 * Opens the settings file through conf (or electron-store, which extends it). A file that is not even JSON is
 * moved aside as `settings.json.corrupt-<time>` rather than overwritten, so nothing the user had is lost.
 */
export function openConfStore(
  dataDir: string,
  create: ConfFactory,
  log: Pick<Console, 'warn'>,
): SettingsStore {
  const options = { cwd: dataDir, configName: SETTINGS_FILE, projectName: 'rigdeck' };
  let conf: ConfLike;
  try {
    conf = create(options);
  } catch (err) {
    const file = join(dataDir, `${SETTINGS_FILE}.json`);
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    log.warn(
      `[rigdeck] settings file was unreadable (${String(err)}); kept it as ${aside} and started from defaults`,
    );
    conf = create(options);
  }
  return {
    path: conf.path,
    read: () => conf.store,
    write: (value) => {
      conf.store = value as Record<string, unknown>;
    },
  };
}
