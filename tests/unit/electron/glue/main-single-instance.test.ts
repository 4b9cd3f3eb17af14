// @vitest-environment node
/**
 * electron/main.ts when another RigDeck already holds the single-instance lock: it quits at once and touches
 * nothing else (no ready wait, no core, no IPC, no window), so two processes never share one data directory.
 */
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, expect, it, vi } from 'vitest';

import { BrowserWindow, app, ipcMain, journal, protocol, resetElectronFake } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

const savedArgv = process.argv;
const unusedDataDir = join(tmpdir(), `rigdeck-single-instance-${process.pid}-must-not-exist`);

beforeAll(async () => {
  resetElectronFake();
  app.requestSingleInstanceLock.mockReturnValue(false);
  // If the lock were ignored, the core would create this folder (and not touch the real profile).
  process.argv = [...savedArgv, '--data', unusedDataDir];
  await import('../../../../electron/main');
  // Give a wrongly continuing startDesktop() every chance to get as far as creating a window.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

afterAll(() => {
  process.argv = savedArgv;
  rmSync(unusedDataDir, { recursive: true, force: true });
});

it('quits without waiting for ready, registering IPC, serving app:// or opening a window', () => {
  expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
  expect(app.quit).toHaveBeenCalledTimes(1);
  expect(app.whenReady).not.toHaveBeenCalled();
  expect(ipcMain.handlers.size).toBe(0);
  expect(protocol.handlers.size).toBe(0);
  expect(BrowserWindow.instances).toHaveLength(0);
  expect(journal).not.toContain('new BrowserWindow');
  expect(existsSync(unusedDataDir)).toBe(false);
});

it('still applied the before-ready hardening at import (privileged scheme, sandbox, web-contents hook)', () => {
  expect(app.enableSandbox).toHaveBeenCalledTimes(1);
  expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
  expect(app.listenerCount('web-contents-created')).toBe(1);
});
