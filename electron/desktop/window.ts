import { BrowserWindow } from 'electron';

import { APP_ENTRY } from '../security/navigation';
import { getMainWindowOptions } from '../security/window-options';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow(getMainWindowOptions(preloadPath));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
