import { type BrowserWindow, screen } from 'electron';
import ElectronStore from 'electron-store';

import { type OpenBounds, type SavedWindow, type WindowSizes, openBounds } from '../app/window-bounds';

const KEY = 'main';

export type WindowState = {
  /** Where the next main window opens (window-bounds.ts decides). */
  bounds(sizes: WindowSizes): OpenBounds;
  /** Remembers a window's place when it closes: its normal bounds, and whether it was maximized. */
  follow(win: BrowserWindow): void;
};

/**
 * The main window's size and place, kept across launches in `window-state.json` beside the settings (its own
 * file: it is the desktop's, not a setting any face shares).
 */
export function openWindowState(dataDir: string): WindowState {
  const store = new ElectronStore<Record<string, unknown>>({ cwd: dataDir, name: 'window-state' });
  return {
    bounds(sizes) {
      // The primary display first: a window with nowhere to go is centred there.
      const primary = screen.getPrimaryDisplay();
      const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
      return openBounds(
        store.get(KEY),
        [primary, ...others].map((d) => d.workArea),
        sizes,
      );
    },
    follow(win) {
      win.on('close', () => {
        const b = win.getNormalBounds();
        const saved: SavedWindow = { ...b, maximized: win.isMaximized() };
        store.set(KEY, saved);
      });
    },
  };
}
