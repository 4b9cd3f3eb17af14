import { join } from 'node:path';

export const APP_DIR_NAME = 'RigDeck';

/**
 * The same folder Electron's `app.getPath('userData')` gives for productName RigDeck, so the desktop app and
 * the headless server on one machine share settings and history unless `--data` says otherwise.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

/** `--data DIR` or `--data=DIR` from a raw argv (Electron passes its own flags too, so no strict parsing here). */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data') return argv[i + 1];
    if (arg.startsWith('--data=')) return arg.slice('--data='.length);
  }
  return undefined;
}
