// @vitest-environment node
/**
 * electron/main.ts booted against the fake `electron` (electron-store included: it is inlined, so it gets the
 * fake too) with `--data <tmp>`: lifecycle order, window options, permission refusal, navigation hardening, the
 * app:// protocol, IPC end to end through the real core and the real settings file, and shutdown.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { ipcChannel, ipcEventChannel, methodNames } from '../../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import {
  BrowserWindow,
  FakeEvent,
  FakeWebContents,
  type Permission,
  app,
  invokeEvent,
  ipcMain,
  journal,
  nativeImage,
  protocol,
  resetElectronFake,
  session,
  shell,
  topFrame,
  Tray,
} from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

const ROOT = join(import.meta.dirname, '../../../..');
const RENDERER_DIR = join(ROOT, 'renderer');
const APP_ENTRY = 'app://rigdeck/index.html';

let dataDir: string;
const savedArgv = process.argv;

beforeAll(async () => {
  resetElectronFake();
  dataDir = mkdtempSync(join(tmpdir(), 'rigdeck-main-'));
  process.argv = [...savedArgv, '--data', dataDir];
  try {
    await import('../../../../electron/main');
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1));
  } finally {
    process.argv = savedArgv;
  }
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  shell.openExternal.mockClear();
});

const mainWindow = () => {
  const win = BrowserWindow.instances[0];
  if (!win) throw new Error('no main window');
  return win;
};
const at = (entry: string) => {
  const i = journal.indexOf(entry);
  expect(i, `journal entry "${entry}"`).toBeGreaterThanOrEqual(0);
  return i;
};

describe('main: startup', () => {
  it('enables the sandbox and registers app:// as a secure, standard scheme, both before ready', () => {
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.privileged).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      },
    ]);
    const ready = at('app ready');
    expect(at('app.enableSandbox')).toBeLessThan(ready);
    expect(at('protocol.registerSchemesAsPrivileged app')).toBeLessThan(ready);
  });

  it('takes the single-instance lock and waits for ready', () => {
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.whenReady).toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('registers every IPC handler, the permission handlers and the protocol before creating the window', () => {
    const windowAt = at('new BrowserWindow');
    for (const name of methodNames) expect(at(`ipcMain.handle ${ipcChannel(name)}`)).toBeLessThan(windowAt);
    expect(at('session.setPermissionRequestHandler')).toBeLessThan(windowAt);
    expect(at('session.setPermissionCheckHandler')).toBeLessThan(windowAt);
    expect(at('protocol.handle app')).toBeLessThan(windowAt);
    expect(journal.filter((e) => e === 'new BrowserWindow')).toHaveLength(1);
  });

  it('creates the window with every security flag on and the preload.cjs next to main', () => {
    const { options } = mainWindow();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(options.webPreferences?.preload).toBe(join(ROOT, 'electron', 'preload.cjs'));
    expect(options.webPreferences?.preload).toMatch(/preload\.cjs$/);
  });

  it('loads app://rigdeck/index.html and shows the window once it is ready to show', () => {
    const win = mainWindow();
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('uses the --data directory for the core and electron-store writes the settings file there', async () => {
    const info = await ipcMain.invoke(ipcChannel('app.info'), invokeEvent(topFrame(APP_ENTRY)));
    expect(info).toMatchObject({ ok: true, value: { face: 'desktop', dataDir } });

    const updated = await ipcMain.invoke(ipcChannel('settings.update'), invokeEvent(topFrame(APP_ENTRY)), {
      temperatureUnit: 'F',
    });
    expect(updated).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, temperatureUnit: 'F' } });
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({
      temperatureUnit: 'F',
    });
    expect(existsSync(app.getPath('userData'))).toBe(false);
  });

  it('electron-store really ran against the fake electron (it is inlined, so vi.mock reaches it)', () => {
    // ElectronStore's constructor asks app for userData/version and answers renderer stores over ipcMain.
    expect(app.getVersion).toHaveBeenCalled();
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(1);
  });

  it('refuses a call from a foreign frame end to end', async () => {
    await expect(
      ipcMain.invoke(ipcChannel('settings.update'), invokeEvent(topFrame('https://evil.example/')), {
        theme: 'light',
      }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('pushes core events to the main window (it shows app://rigdeck)', async () => {
    const win = mainWindow();
    win.webContents.send.mockClear();
    await ipcMain.invoke(ipcChannel('settings.update'), invokeEvent(topFrame(APP_ENTRY)), { theme: 'light' });
    expect(win.webContents.send).toHaveBeenCalledExactlyOnceWith(
      ipcEventChannel('settings.changed'),
      expect.objectContaining({ theme: 'light' }),
    );
  });
});

describe('main: tray', () => {
  it('shows a tray icon with the fleet state once ready', () => {
    const tray = Tray.instances[0];
    expect(tray?.tooltip).toBe('RigDeck: No rigs registered');
    expect(tray?.menu?.items.map((i) => i.label ?? i.type)).toEqual([
      'No rigs registered',
      'separator',
      'Open RigDeck',
      'Quit',
    ]);
    expect(nativeImage.createFromPath).toHaveBeenCalledWith(join(RENDERER_DIR, 'icon.png'));
  });
});

describe('main: alerts', () => {
  it('answers the alerts methods from the real engine over IPC', async () => {
    await expect(
      ipcMain.invoke(ipcChannel('alerts.list'), invokeEvent(topFrame(APP_ENTRY)), { scope: 'all' }),
    ).resolves.toEqual({
      ok: true,
      value: { alerts: [], counts: { open: 0, acknowledged: 0, critical: 0, warning: 0 } },
    });
  });
});

describe('main: permissions', () => {
  const permissions: Permission[] = [
    'geolocation',
    'notifications',
    'media',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'unknown',
  ];

  it.each(permissions)('answers a request for %s with false', (permission) => {
    expect(session.defaultSession.requestPermission(permission)).toBe(false);
  });

  it.each(permissions)('answers a check for %s with false', (permission) => {
    expect(session.defaultSession.checkPermission(permission)).toBe(false);
  });
});

describe('main: every WebContents is hardened (web-contents-created)', () => {
  it('hooks web-contents-created once, at import', () => {
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('hardened the main window itself', () => {
    const wc = mainWindow().webContents;
    expect(wc.listenerCount('will-navigate')).toBe(1);
    expect(wc.listenerCount('will-redirect')).toBe(1);
    expect(wc.listenerCount('will-attach-webview')).toBe(1);
    expect(wc.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });

  const created = () => {
    const wc = new FakeWebContents(APP_ENTRY);
    app.emit('web-contents-created', new FakeEvent(), wc);
    return wc;
  };

  describe.each(['will-navigate', 'will-redirect'])('%s', (eventName) => {
    it.each(['https://evil.example/', 'http://example.com/docs?a=1'])(
      'prevents leaving to %s and opens it in the system browser',
      (url) => {
        const event = created().fire(eventName, url);
        expect(event.preventDefault).toHaveBeenCalled();
        expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(url);
      },
    );

    it.each([
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://rigdeck.evil/index.html',
      'app://evil/index.html',
      'https://user:secret@evil.example/',
      'smb://share/x',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ])('prevents %s and does NOT open it externally', (url) => {
      const event = created().fire(eventName, url);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(shell.openExternal).not.toHaveBeenCalled();
    });

    it.each([APP_ENTRY, 'app://rigdeck/', 'app://rigdeck/index.html#/settings', 'app://rigdeck/miners?x=1'])(
      'allows staying inside the bundle: %s',
      (url) => {
        const event = created().fire(eventName, url);
        expect(event.preventDefault).not.toHaveBeenCalled();
        expect(shell.openExternal).not.toHaveBeenCalled();
      },
    );
  });

  it.each([
    'https://evil.example/',
    'http://example.com/',
    APP_ENTRY,
    'app://rigdeck/other.html',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'about:blank',
    '',
  ])('denies window.open(%j)', (url) => {
    expect(created().openWindow(url)).toEqual({ action: 'deny' });
  });

  it('window.open of an http(s) url goes to the system browser; other schemes do not', () => {
    const wc = created();
    wc.openWindow('https://prohashing.com/');
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://prohashing.com/');
    shell.openExternal.mockClear();
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', APP_ENTRY, 'about:blank'])
      wc.openWindow(url);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents will-attach-webview', () => {
    const event = created().fire('will-attach-webview', {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('main: the app:// protocol', () => {
  it('serves index.html from the renderer dir with its type and the CSP', async () => {
    const res = await protocol.request(APP_ENTRY);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toBe(readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8'));
  });

  it('serves a nested file', async () => {
    const res = await protocol.request('app://rigdeck/public/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toBe(readFileSync(join(RENDERER_DIR, 'public', 'favicon.svg'), 'utf8'));
  });

  it.each([
    'app://rigdeck/..%2f..%2fetc%2fpasswd',
    'app://rigdeck/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://rigdeck/%2e%2e/%2e%2e/etc/passwd',
    'app://rigdeck/../../etc/passwd',
    'app://rigdeck/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'app://rigdeck/..%5c..%5cetc%5cpasswd',
    'app://rigdeck/index.html%00.png',
    'app://rigdeck/%E0%A4%A',
    `app://rigdeck/..%2f${encodeURIComponent(join(ROOT, 'package.json'))}`,
  ])('refuses %s with 400/404 and never serves a file outside the bundle', async (url) => {
    const res = await protocol.request(url);
    expect([400, 404]).toContain(res.status);
    const body = await res.text();
    expect(body).not.toMatch(/root:/);
    expect(body).not.toContain('"name": "rigdeck"');
  });

  it('answers a missing file with 404', async () => {
    expect((await protocol.request('app://rigdeck/nope.js')).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s', async (method) => {
    const res = await protocol.request(APP_ENTRY, { method, body: method === 'DELETE' ? null : 'x' });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('<html');
  });

  it('refuses another host on the app scheme', async () => {
    const res = await protocol.request('app://evil/index.html');
    expect(res.status).toBe(403);
  });
});

// These change the app's state (quit, second window), so they run last and in this order.
describe('main: lifecycle events', () => {
  it('a second instance restores and focuses the existing window', () => {
    const win = mainWindow();
    win.minimized = true;
    app.emit('second-instance', new FakeEvent(), [], '/');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('activate with a window open creates none', () => {
    app.emit('activate', new FakeEvent(), true);
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it.runIf(process.platform !== 'darwin')('quits when all windows are closed (not on macOS)', () => {
    app.quit.mockClear();
    mainWindow().close();
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('a second instance after the window was closed (macOS keeps running) opens a new window', () => {
    // On macOS closing the last window does not quit; launching RigDeck again must not touch the dead window.
    for (const w of BrowserWindow.getAllWindows()) w.close();
    expect(mainWindow().destroyed).toBe(true);
    expect(() => app.emit('second-instance', new FakeEvent(), [], '/')).not.toThrow();
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
    const fresh = BrowserWindow.instances.at(-1);
    expect(fresh?.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY);
    expect(fresh?.focus).toHaveBeenCalled();
  });

  it('activate with no window open creates a new, equally locked-down window', () => {
    for (const w of BrowserWindow.getAllWindows()) w.close();
    const before = BrowserWindow.instances.length;
    app.emit('activate', new FakeEvent(), false);
    expect(BrowserWindow.instances).toHaveLength(before + 1);
    const created = BrowserWindow.instances.at(-1);
    // The same options, at the place the closed window was last seen (window-state.ts remembers it).
    const last = BrowserWindow.instances.at(-2);
    expect(created?.options).toEqual({ ...mainWindow().options, x: last?.bounds.x, y: last?.bounds.y });
    expect(created?.loadURL).toHaveBeenCalledExactlyOnceWith(APP_ENTRY);
    expect(created?.webContents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(created?.webContents.listenerCount('will-navigate')).toBe(1);
  });

  it('a second instance after activate focuses the window activate created', () => {
    const current = BrowserWindow.instances.at(-1);
    const before = BrowserWindow.instances.length;
    app.emit('second-instance', new FakeEvent(), [], '/');
    expect(BrowserWindow.instances).toHaveLength(before);
    expect(current?.focus).toHaveBeenCalledTimes(1);
  });

  it('will-quit holds the quit, removes every IPC handler, stops the core, then exits', async () => {
    const event = new FakeEvent();
    app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(ipcMain.handlers.size).toBe(0);
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledExactlyOnceWith(0));
  });
});
