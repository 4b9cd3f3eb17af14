// @vitest-environment node
/**
 * electron/desktop/window.ts + window-state.ts against the fake `electron` (electron-store included) and a real
 * window-state.json in a temp folder: a window opens where the last one closed, maximized if it was, and centred
 * when that place is on no display any more.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createMainWindow } from '../../../../electron/desktop/window';
import { openWindowState } from '../../../../electron/desktop/window-state';
import { BrowserWindow, app, display, resetElectronFake, setDisplays } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

let dir: string;

beforeEach(async () => {
  resetElectronFake();
  await app.whenReady();
  dir = mkdtempSync(join(tmpdir(), 'rigdeck-window-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the main window as main.ts does; returns the fake behind it, to move, close and inspect. */
function open(): BrowserWindow {
  createMainWindow('/preload.cjs', openWindowState(dir));
  const win = BrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window');
  return win;
}

describe('the main window remembers its size and place', () => {
  it('opens centred at the default size the first time', () => {
    const win = open();
    expect(win.options.x).toBeUndefined();
    expect(win.options.y).toBeUndefined();
    expect([win.options.width, win.options.height]).toEqual([1400, 900]);
  });

  it('opens where the last window closed, in a new launch (the file is read again)', () => {
    const first = open();
    first.setBounds({ x: 40, y: 30, width: 1100, height: 700 });
    first.close();
    const saved: unknown = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ main: { x: 40, y: 30, width: 1100, height: 700, maximized: false } });
    const second = open();
    expect(second.options).toMatchObject({ x: 40, y: 30, width: 1100, height: 700 });
    expect(second.maximize).not.toHaveBeenCalled();
  });

  it('comes back maximized, over its normal bounds', () => {
    const first = open();
    first.setBounds({ x: 200, y: 100, width: 1000, height: 700 });
    first.maximize();
    first.close();
    const second = open();
    expect(second.options).toMatchObject({ x: 200, y: 100, width: 1000, height: 700 });
    second.emit('ready-to-show');
    expect(second.maximize).toHaveBeenCalledTimes(1);
    expect(second.show).toHaveBeenCalledTimes(1);
  });

  it('is centred on the primary display when its place was on a monitor since unplugged', () => {
    setDisplays([display(1, 0, 0, 1920, 1080), display(2, 1920, 0, 2560, 1440)]);
    const first = open();
    first.setBounds({ x: 2300, y: 200, width: 1600, height: 1000 });
    first.close();
    expect(open().options).toMatchObject({ x: 2300, y: 200 });
    BrowserWindow.instances.at(-1)?.close();

    setDisplays([display(1, 0, 0, 1920, 1080)]);
    const back = open();
    expect(back.options.x).toBeUndefined();
    expect(back.options.y).toBeUndefined();
    expect([back.options.width, back.options.height]).toEqual([1400, 900]);
  });
});
