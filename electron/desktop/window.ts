import { BrowserWindow } from 'electron';

import { APP_ENTRY } from '../security/navigation';
import { getMainWindowOptions } from '../security/window-options';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow(getMainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  win
    .loadURL(APP_ENTRY)
    .catch((err: unknown) => console.error(`[rigdeck] could not load ${APP_ENTRY}:`, err));
  return win;
}
