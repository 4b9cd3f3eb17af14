/**
 * The desktop face: Electron lifecycle only. Everything it shows and does comes from the core, reached through
 * ipc.ts. Order matters: privileges before ready, IPC handlers before the window, so no call finds nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BrowserWindow, app, dialog, ipcMain, protocol, session, shell } from 'electron';

import { type Core, createCore } from './core';
import { errorMessage } from './contract/dispatch';
import { hardenWebContents } from './desktop/harden';
import { createJobNotifier } from './desktop/job-notifications';
import { createDesktopNotifier } from './desktop/notifications';
import { appSchemePrivileges, registerAppProtocol } from './desktop/protocol';
import { desktopCipher } from './desktop/safe-storage-cipher';
import { openElectronSettingsStore } from './desktop/settings-store';
import { createTray } from './desktop/tray';
import { createMainWindow } from './desktop/window';
import { openWindowState } from './desktop/window-state';
import { IP_REPORT_PORT } from './discovery/ip-report';
import { registerIpc } from './ipc';
import { dataDirFlag } from './paths';
import { allowPermission } from './security/navigation';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
const RENDERER_DIR = here('../renderer');
const PRELOAD = here('./preload.cjs');
// The bundle (dist/electron/main.js) finds the migrations shipped at electron/store/migrations (see
// electron-builder.yml `files`); run from source, the store's own default is right.
const BUNDLED_MIGRATIONS = here('../../electron/store/migrations');
const MIGRATIONS_DIR = existsSync(BUNDLED_MIGRATIONS) ? BUNDLED_MIGRATIONS : undefined;

protocol.registerSchemesAsPrivileged(appSchemePrivileges);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, shell));

export async function startDesktop(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(allowPermission(permission)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
  registerAppProtocol(protocol, RENDERER_DIR);

  const dataDir = dataDirFlag(process.argv) ?? app.getPath('userData');
  let core: Core;
  try {
    core = createCore({
      face: 'desktop',
      dataDir,
      openSettingsStore: openElectronSettingsStore,
      openCipher: desktopCipher,
      ipReport: { address: '0.0.0.0', port: IP_REPORT_PORT },
      ...(MIGRATIONS_DIR ? { migrationsDir: MIGRATIONS_DIR } : {}),
    });
    await core.start();
  } catch (err) {
    // Without a core there is nothing to show; say why instead of leaving a windowless process holding the lock.
    dialog.showErrorBox('RigDeck could not start', `${errorMessage(err)}\n\nData directory: ${dataDir}`);
    app.exit(1);
    return;
  }
  const unregister = registerIpc(ipcMain, core, () =>
    BrowserWindow.getAllWindows().map((w) => w.webContents),
  );

  const windowState = openWindowState(dataDir);
  const newWindow = () => createMainWindow(PRELOAD, windowState);
  let win = newWindow();
  const show = () => {
    // On macOS the app outlives its window; a destroyed BrowserWindow throws on every call but isDestroyed().
    if (win.isDestroyed()) win = newWindow();
    else if (win.isMinimized()) win.restore();
    win.focus();
  };
  app.on('second-instance', show);
  const tray = createTray(join(RENDERER_DIR, 'icon.png'), core, show, () => app.quit());
  // A clicked notification brings the window up and tells the renderer which rig to show.
  const notifier = createDesktopNotifier(core, (rigId) => {
    show();
    core.events.emit('alerts.open', { rigId });
  });
  const jobNotifier = createJobNotifier(core, show);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = newWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    // Stop the core (flush writes, close sockets) before the process goes away; then quit for real.
    event.preventDefault();
    unregister();
    tray.destroy();
    notifier.destroy();
    jobNotifier.destroy();
    void core.stop().finally(() => app.exit(0));
  });
}

void startDesktop();
