/**
 * A hand-written stand-in for the `electron` module (in the spirit of Electron Fiddle's tests/mocks/electron.ts),
 * so the glue in electron/main.ts, ipc.ts, preload.ts and electron/desktop/* runs under Vitest without the
 * Electron binary. Use it with
 *
 *   vi.mock('electron', () => import('../../../mocks/electron'));
 *
 * and import the same fakes from this file to drive and inspect them (a test may not value-import 'electron').
 *
 * The fakes keep the rules of the real module that the glue's correctness depends on, so a wrong order fails
 * here as it would in Electron: registerSchemesAsPrivileged and enableSandbox only before ready; protocol,
 * session and BrowserWindow only after; one ipcMain handler per channel; one exposeInMainWorld per key.
 * Every call that matters for order is appended to `journal`. The fakes themselves live in ./electron/, one file
 * per area; this file gathers them, resets them and is the module's default export.
 */
import { app, BrowserWindow, ipcMain } from './electron/app-window';
import { state, journal } from './electron/journal';
import { Notification } from './electron/notification';
import { contextBridge, exposedInMainWorld, ipcRenderer } from './electron/renderer-side';
import { display, screen, setDisplays } from './electron/screen';
import { defaultSession, protocol, safeStorage, session, shell } from './electron/session';
import { dialog, Menu, nativeImage, Tray } from './electron/tray-ui';

export * from './electron/app-window';
export { FakeEvent, journal } from './electron/journal';
export { Notification } from './electron/notification';
export * from './electron/renderer-side';
export * from './electron/screen';
export {
  protocol,
  safeStorage,
  session,
  shell,
  type Permission,
  type ProtocolHandler,
} from './electron/session';
export * from './electron/tray-ui';

// -------------------------------------------------------------------------------------------------- reset

/** Back to a fresh, not-yet-ready Electron: no listeners, handlers, windows, exposures or recorded calls. */
export function resetElectronFake(): void {
  journal.length = 0;
  state.ready = false;
  app.removeAllListeners();
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.reset();
  exposedInMainWorld.clear();
  BrowserWindow.instances.length = 0;
  Tray.instances.length = 0;
  Notification.instances.length = 0;
  setDisplays([display(1, 0, 0, 1920, 1080)]);
  Notification.isSupported.mockReset();
  Notification.isSupported.mockImplementation(() => true);
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  defaultSession.requestHandler = null;
  defaultSession.checkHandler = null;
  for (const fn of [
    app.whenReady,
    app.isReady,
    app.requestSingleInstanceLock,
    app.enableSandbox,
    app.getPath,
    app.getVersion,
    app.getName,
    app.quit,
    app.exit,
    ipcMain.handle,
    ipcMain.removeHandler,
    ipcRenderer.invoke,
    ipcRenderer.on,
    ipcRenderer.removeListener,
    ipcRenderer.send,
    contextBridge.exposeInMainWorld,
    BrowserWindow.getAllWindows,
    protocol.registerSchemesAsPrivileged,
    protocol.handle,
    defaultSession.setPermissionRequestHandler,
    defaultSession.setPermissionCheckHandler,
    shell.openExternal,
    shell.openPath,
    dialog.showErrorBox,
    safeStorage.isEncryptionAvailable,
    safeStorage.getSelectedStorageBackend,
    safeStorage.encryptString,
    safeStorage.decryptString,
  ]) {
    fn.mockReset();
  }
}

/** `import electron from 'electron'` (electron-store does this) gets the same fakes. */
const electron = {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  Notification,
  safeStorage,
  Tray,
  ipcRenderer,
  protocol,
  screen,
  session,
  shell,
};
export default electron;
