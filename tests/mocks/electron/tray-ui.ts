/** Tray, Menu, nativeImage and the error dialog. */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

import { journal, requireReady } from './journal';

// ------------------------------------------------------------------------------------- Tray, Menu, image

export type FakeMenuItem = { label?: string; type?: string; enabled?: boolean; click?: () => void };

export const Menu = {
  buildFromTemplate: vi.fn((template: FakeMenuItem[]) => ({ items: template })),
};

/** An image: its pixels are kept (4 bytes each) so a test can read what the tray was given. */
export type FakeImage = {
  path: string;
  width: number;
  height: number;
  pixels: Uint8Array;
  resize(o: { width: number; height?: number }): FakeImage;
  getSize(): { width: number; height: number };
  toBitmap(): Buffer;
};

function fakeImage(path: string, width: number, height: number, pixels?: Uint8Array): FakeImage {
  const image: FakeImage = {
    path,
    width,
    height,
    // An opaque grey icon unless given pixels.
    pixels: pixels ?? new Uint8Array(width * height * 4).fill(0x80),
    resize: (o) => fakeImage(path, o.width, o.height ?? o.width),
    getSize: () => ({ width: image.width, height: image.height }),
    toBitmap: () => Buffer.from(image.pixels),
  };
  return image;
}

export const nativeImage = {
  createFromPath: vi.fn((path: string) => fakeImage(path, 32, 32)),
  createFromBitmap: vi.fn((buffer: Buffer, size: { width: number; height: number }) =>
    fakeImage('(bitmap)', size.width, size.height, Uint8Array.from(buffer)),
  ),
};

/** A tray icon; like Electron it exists only after ready. */
export class Tray extends EventEmitter {
  static readonly instances: Tray[] = [];
  tooltip = '';
  menu: { items: FakeMenuItem[] } | null = null;
  destroyed = false;
  constructor(public image: unknown) {
    super();
    requireReady('new Tray');
    journal.push('new Tray');
    Tray.instances.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setImage(image: unknown): void {
    this.image = image;
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
