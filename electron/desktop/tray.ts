import { Menu, type NativeImage, Tray, nativeImage } from 'electron';

import type { EventPayload } from '../../shared/contract';
import type { Core } from '../core';
import { withHealthDot } from '../app/tray-icon';
import { openCriticalCount, type TrayHealth, trayState } from '../app/tray-state';

/** Enough for any farm's active alerts; the count is what matters here, not the list. */
const ACTIVE_LIMIT = 100_000;

type TrayCore = Pick<Core, 'events' | 'registry'> & {
  collector: Pick<Core['collector'], 'summary'>;
  alerts: { service: Pick<Core['alerts']['service'], 'list'> };
};

/**
 * A tray icon with the fleet's health (a coloured dot on the icon, and in words in its tooltip and menu) and its open critical alerts, and the two things a technician does from
 * it: open the window, quit. It follows fleet.changed (the summary) and alerts.changed.
 */
export function createTray(iconPath: string, core: TrayCore, open: () => void, quit: () => void) {
  const base = nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 });
  const size = base.getSize();
  const icons = new Map<TrayHealth, NativeImage>();
  const iconFor = (health: TrayHealth) => {
    let icon = icons.get(health);
    if (icon === undefined) {
      const dotted = withHealthDot(base.toBitmap(), size.width, size.height, health);
      icon = nativeImage.createFromBitmap(Buffer.from(dotted), size);
      icons.set(health, icon);
    }
    return icon;
  };
  let shown: TrayHealth = 'unknown';
  const tray = new Tray(iconFor(shown));
  let summary = core.collector.summary();
  const openCritical = () =>
    openCriticalCount(core.alerts.service.list({ scope: 'active', limit: ACTIVE_LIMIT }).alerts);
  let critical = openCritical();
  const refresh = () => {
    const state = trayState({ rigs: core.registry.list().length, summary, openCritical: critical });
    tray.setToolTip(state.tooltip);
    if (state.health !== shown) {
      shown = state.health;
      tray.setImage(iconFor(shown));
    }
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...state.lines.map((label) => ({ label, enabled: false })),
        { type: 'separator' },
        { label: 'Open RigDeck', click: open },
        { label: 'Quit', click: quit },
      ]),
    );
  };
  refresh();
  tray.on('click', open);
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name === 'fleet.changed') {
      summary = (payload as EventPayload<'fleet.changed'>).summary ?? summary;
      refresh();
    } else if (name === 'alerts.changed') {
      critical = openCritical();
      refresh();
    }
  });
  return {
    destroy() {
      unsubscribe();
      tray.destroy();
    },
  };
}
