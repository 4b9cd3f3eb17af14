import { BrowserWindow } from 'electron';

import { APP_ENTRY } from '../security/navigation';
import { getMainWindowOptions } from '../security/window-options';
import type { WindowState } from './window-state';

/** The main window, opened where the last one closed (window-state.ts) and remembered when it closes. */
export function createMainWindow(preloadPath: string, state: WindowState): BrowserWindow {
  const options = getMainWindowOptions(preloadPath);
  const { maximized, ...bounds } = state.bounds({
    width: options.width ?? 1400,
    height: options.height ?? 900,
    minWidth: options.minWidth ?? 0,
    minHeight: options.minHeight ?? 0,
  });
  const win = new BrowserWindow({ ...options, ...bounds });
  state.follow(win);
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  win
    .loadURL(APP_ENTRY)
    .catch((err: unknown) => console.error(`[rigdeck] could not load ${APP_ENTRY}:`, err));
  return win;
}
