// @vitest-environment node
/**
 * electron/main.ts when the core cannot start (here: the data directory is a file): the technician gets an error
 * box naming the folder, the process exits instead of lingering without a window, and no window is created.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, expect, it, vi } from 'vitest';

import { BrowserWindow, app, dialog, ipcMain, resetElectronFake } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

const savedArgv = process.argv;
const notADirectory = join(tmpdir(), `rigdeck-start-failure-${process.pid}`);

beforeAll(async () => {
  resetElectronFake();
  writeFileSync(notADirectory, 'a file where the data directory should be');
  process.argv = [...savedArgv, '--data', join(notADirectory, 'data')];
  await import('../../../../electron/main');
  await vi.waitFor(() => expect(app.exit).toHaveBeenCalled());
});

afterAll(() => {
  process.argv = savedArgv;
  rmSync(notADirectory, { force: true });
});

it('shows why it could not start, names the data directory, and exits with an error code', () => {
  expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
  const [title, body] = dialog.showErrorBox.mock.calls[0] ?? [];
  expect(title).toBe('RigDeck could not start');
  expect(body).toContain(join(notADirectory, 'data'));
  expect(app.exit).toHaveBeenCalledWith(1);
});

it('creates no window and registers no IPC', () => {
  expect(BrowserWindow.instances).toHaveLength(0);
  expect(ipcMain.handlers.size).toBe(0);
});
