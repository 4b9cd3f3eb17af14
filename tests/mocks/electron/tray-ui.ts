/** Tray, Menu, nativeImage and the error dialog. */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

import { journal, requireReady } from './journal';

// ------------------------------------------------------------------------------------- Tray, Menu, image

export type FakeMenuItem = { label?: string; type?: string; enabled?: boolean; click?: () => void };

export const Menu = {
  buildFromTemplate: vi.fn((template: FakeMenuItem[]) => ({ items: template })),
};

export const nativeImage = {
  createFromPath: vi.fn((path: string) => {
    const image = { path, size: 0, resize: (o: { width: number }) => ({ ...image, size: o.width }) };
    return image;
  }),
};

/** A tray icon; like Electron it exists only after ready. */
export class Tray extends EventEmitter {
  static readonly instances: Tray[] = [];
  tooltip = '';
  menu: { items: FakeMenuItem[] } | null = null;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    requireReady('new Tray');
    journal.push('new Tray');
    Tray.instances.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: { items: FakeMenuItem[] }): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** Only the blocking error box the desktop face shows when the core cannot start. */
export const dialog = {
  showErrorBox: vi.fn((title: string, _content: string) => {
    journal.push(`dialog.showErrorBox ${title}`);
  }),
};
