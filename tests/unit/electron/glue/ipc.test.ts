// @vitest-environment node
/**
 * electron/ipc.ts against a real core (real settings file in a fresh temp dir) and the fake ipcMain: one handler
 * per contract method, the sender check in front of every call, typed error envelopes, events only to our windows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Core } from '../../../../electron/core';
import { createNodeCore } from '../../../../electron/headless-core';
import { registerIpc } from '../../../../electron/ipc';
import { ipcChannel, ipcEventChannel, methodNames } from '../../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import {
  FakeWebContents,
  type FakeFrame,
  invokeEvent,
  ipcMain,
  resetElectronFake,
  subFrame,
  topFrame,
} from '../../../mocks/electron';

const APP_PAGE = 'app://rigdeck/index.html';

let dataDir: string;
let core: Core;
let windows: FakeWebContents[];
let unregister: (() => void) | undefined;

beforeEach(async () => {
  resetElectronFake();
  dataDir = mkdtempSync(join(tmpdir(), 'rigdeck-ipc-'));
  core = createNodeCore({ face: 'desktop', dataDir, log: console });
  await core.start();
  windows = [];
  unregister = registerIpc(ipcMain, core, () => windows.map((w) => w.asWebContents()));
});

afterEach(async () => {
  unregister?.();
  unregister = undefined;
  await core.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const fromApp = () => invokeEvent(topFrame(APP_PAGE));
const call = (method: string, frame: FakeFrame | null, arg?: unknown) =>
  ipcMain.invoke(`rigdeck:call:${method}`, invokeEvent(frame), arg);
const settingsOnDisk = (): unknown => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));

describe('registerIpc: handlers', () => {
  it('registers exactly one handler per contract method, on the contract channel', () => {
    const expected = methodNames.map(ipcChannel).sort();
    expect(ipcMain.handle).toHaveBeenCalledTimes(methodNames.length);
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel).sort();
    expect(registered).toEqual(expected);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected);
  });

  it('answers a good call from the top-level app://rigdeck page with the value', async () => {
    await expect(ipcMain.invoke(ipcChannel('settings.get'), fromApp())).resolves.toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
    await expect(ipcMain.invoke(ipcChannel('app.info'), fromApp())).resolves.toMatchObject({
      ok: true,
      value: { face: 'desktop', dataDir },
    });
  });

  it('applies settings.update through the real core and persists it', async () => {
    const result = await ipcMain.invoke(ipcChannel('settings.update'), fromApp(), { theme: 'light' });
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, theme: 'light' } });
    expect(settingsOnDisk()).toMatchObject({ theme: 'light' });
    await expect(call('settings.get', topFrame(APP_PAGE))).resolves.toMatchObject({
      ok: true,
      value: { theme: 'light' },
    });
  });

  it('rejects an invalid argument with a typed invalid_argument envelope naming the field', async () => {
    const result = await call('settings.update', topFrame(APP_PAGE), { pollIntervalSec: 2 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: expect.any(String),
        issues: [{ path: 'pollIntervalSec', message: expect.stringContaining('at least 5') }],
      },
    });
    expect(core.settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['an unknown key', 'settings.update', { themes: 'light' }],
    ['a nested unknown key', 'settings.update', { electricity: { price: 1 } }],
    ['a string instead of an object', 'settings.update', 'theme=light'],
    ['an argument to a method that takes none', 'app.info', { x: 1 }],
  ])('rejects %s with invalid_argument', async (_what, method, arg) => {
    await expect(call(method, topFrame(APP_PAGE), arg)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_argument' },
    });
  });

  it.each<[string, FakeFrame | null]>([
    ['a sub-frame of our own page', subFrame(APP_PAGE)],
    ['a sub-frame showing another site', subFrame('https://evil.example/')],
    ['a top-level page on https://evil.example', topFrame('https://evil.example/')],
    ['a look-alike host app://rigdeck.evil', topFrame('app://rigdeck.evil/index.html')],
    ['a look-alike app://rigdeck@evil', topFrame('app://rigdeck@evil/index.html')],
    ['a file:// page', topFrame('file:///work/main/renderer/index.html')],
    ['a page with no url', topFrame('')],
    ['a destroyed frame (senderFrame null)', null],
  ])('refuses a call from %s with forbidden and never reaches the core', async (_who, frame) => {
    const dispatch = vi.spyOn(core, 'dispatch');
    for (const method of methodNames) {
      const arg = method === 'settings.update' ? { theme: 'light' } : undefined;
      await expect(call(method, frame, arg)).resolves.toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.any(String) },
      });
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(core.settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('hands the core the desktop call context', async () => {
    const dispatch = vi.spyOn(core, 'dispatch');
    await call('settings.get', topFrame(APP_PAGE));
    expect(dispatch).toHaveBeenCalledWith('settings.get', undefined, { face: 'desktop', peer: 'renderer' });
  });
});

describe('registerIpc: events', () => {
  it('sends core events on the event channel only to live windows showing app://rigdeck', async () => {
    const ours = new FakeWebContents(`${APP_PAGE}#/settings`);
    const evil = new FakeWebContents('https://evil.example/');
    const lookAlike = new FakeWebContents('app://rigdeck.evil/index.html');
    const file = new FakeWebContents('file:///work/main/renderer/index.html');
    const closed = new FakeWebContents(APP_PAGE);
    closed.destroyed = true;
    windows.push(ours, evil, lookAlike, file, closed);

    await call('settings.update', topFrame(APP_PAGE), { theme: 'light' });

    const expected = { ...DEFAULT_SETTINGS, theme: 'light' };
    expect(ours.send).toHaveBeenCalledTimes(1);
    expect(ours.send).toHaveBeenCalledWith(ipcEventChannel('settings.changed'), expected);
    for (const other of [evil, lookAlike, file, closed]) expect(other.send).not.toHaveBeenCalled();
  });

  it('sends nothing for a refused or invalid call', async () => {
    const ours = new FakeWebContents(APP_PAGE);
    windows.push(ours);
    await call('settings.update', topFrame('https://evil.example/'), { theme: 'light' });
    await call('settings.update', topFrame(APP_PAGE), { pollIntervalSec: 2 });
    expect(ours.send).not.toHaveBeenCalled();
  });
});

describe('registerIpc: unregister', () => {
  it('removes every handler and stops forwarding events', async () => {
    const ours = new FakeWebContents(APP_PAGE);
    windows.push(ours);

    unregister?.();
    unregister = undefined;

    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.removeHandler.mock.calls.map(([channel]) => channel).sort()).toEqual(
      methodNames.map(ipcChannel).sort(),
    );
    for (const method of methodNames) {
      await expect(ipcMain.invoke(ipcChannel(method), fromApp())).rejects.toThrow(/No handler registered/);
    }

    core.settings.update({ theme: 'light' });
    expect(ours.send).not.toHaveBeenCalled();
  });

  it('lets the handlers be registered again afterwards (no leftovers)', () => {
    unregister?.();
    unregister = registerIpc(ipcMain, core, () => []);
    expect(ipcMain.handlers.size).toBe(methodNames.length);
  });
});
