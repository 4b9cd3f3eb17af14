import { Menu, Tray, nativeImage } from 'electron';

import type { Core } from '../core';
import { trayState } from '../app/tray-state';

/** A tray icon with the fleet state and the two things a technician does from it: open the window, quit. */
export function createTray(
  iconPath: string,
  core: Pick<Core, 'events' | 'registry'>,
  open: () => void,
  quit: () => void,
) {
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }));
  const refresh = () => {
    const state = trayState(core.registry.list());
    tray.setToolTip(state.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: state.summary, enabled: false },
        { type: 'separator' },
        { label: 'Open RigDeck', click: open },
        { label: 'Quit', click: quit },
      ]),
    );
  };
  refresh();
  tray.on('click', open);
  const unsubscribe = core.events.subscribe((name) => {
    if (name === 'fleet.changed') refresh();
  });
  return {
    destroy() {
      unsubscribe();
      tray.destroy();
    },
  };
}
