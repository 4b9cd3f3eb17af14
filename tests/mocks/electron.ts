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
 * Every call that matters for order is appended to `journal`.
 */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  NotificationConstructorOptions,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRendererEvent,
  Protocol,
  Session,
  Shell,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { vi } from 'vitest';

/** Calls whose order matters, in the order they happened ("ipcMain.handle rigdeck:call:app.info", ...). */
export const journal: string[] = [];

const state = { ready: false };

function requireReady(what: string): void {
  if (!state.ready) throw new Error(`[fake electron] ${what} used before the app is ready`);
}
function requireNotReady(what: string): void {
  if (state.ready) throw new Error(`[fake electron] ${what} must be called before the app is ready`);
}

/** What Electron passes to a cancellable event listener (will-navigate, will-quit, ...). */
export class FakeEvent {
  defaultPrevented = false;
  readonly preventDefault = vi.fn(() => {
    this.defaultPrevented = true;
  });
}

// ---------------------------------------------------------------------------------------------------- app

class FakeApp extends EventEmitter {
  readonly whenReady = vi.fn(() => {
    journal.push('app.whenReady');
    return Promise.resolve().then(() => {
      if (!state.ready) {
        state.ready = true;
        journal.push('app ready');
        this.emit('ready', new FakeEvent(), {});
      }
    });
  });
  readonly isReady = vi.fn(() => state.ready);
  readonly requestSingleInstanceLock = vi.fn((_additionalData?: Record<string, unknown>) => true);
  readonly enableSandbox = vi.fn(() => {
    requireNotReady('app.enableSandbox()');
    journal.push('app.enableSandbox');
  });
  /** Never the real profile: a per-process folder under the OS temp dir, created by nobody unless used. */
  readonly getPath = vi.fn((name: string) => join(tmpdir(), `rigdeck-fake-electron-${process.pid}`, name));
  readonly getVersion = vi.fn(() => '0.0.0-test');
  readonly getName = vi.fn(() => 'RigDeck');
  readonly quit = vi.fn(() => {
    journal.push('app.quit');
  });
  readonly exit = vi.fn((_code?: number) => {
    journal.push('app.exit');
  });
}

export const app = new FakeApp();

// ------------------------------------------------------------------------------------------- webContents

type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  url: string;
  destroyed = false;
  windowOpenHandler: WindowOpenHandler | null = null;

  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);
  readonly isDestroyed = vi.fn(() => this.destroyed);
  readonly getURL = vi.fn(() => this.url);
  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });

  constructor(url = '') {
    super();
    this.url = url;
  }

  /** Emits a cancellable event the way Electron does, `(event, ...args)`, and returns the event to inspect. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = new FakeEvent();
    this.emit(name, event, ...args);
    return event;
  }

  /** What `window.open(url)` or a target=_blank link in the page would ask the window-open handler. */
  openWindow(url: string): WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) throw new Error('[fake electron] no window open handler was set');
    const details: HandlerDetails = {
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: this.url, policy: 'strict-origin-when-cross-origin' },
    };
    return this.windowOpenHandler(details);
  }

  /** The typed view the glue expects; only the members above exist. */
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

// --------------------------------------------------------------------------------------------- ipcMain

export type InvokeListener = Parameters<IpcMain['handle']>[1];

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeListener>();

  readonly handle = vi.fn((channel: string, listener: InvokeListener) => {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    journal.push(`ipcMain.handle ${channel}`);
    this.handlers.set(channel, listener);
  });
  readonly removeHandler = vi.fn((channel: string) => {
    journal.push(`ipcMain.removeHandler ${channel}`);
    this.handlers.delete(channel);
  });

  /** What `ipcRenderer.invoke(channel, ...args)` from a page ends up doing in the main process. */
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return (await listener(event, ...args)) as unknown;
  }
}

export const ipcMain = new FakeIpcMain();

/** The parts of a WebFrameMain that ipc.ts looks at. */
export type FakeFrame = { url: string; parent: FakeFrame | null };

export const topFrame = (url: string): FakeFrame => ({ url, parent: null });
export const subFrame = (
  url: string,
  parent: FakeFrame = topFrame('app://rigdeck/index.html'),
): FakeFrame => ({
  url,
  parent,
});

/** An invoke event as Electron builds it; `senderFrame` is null when the frame is gone. */
export function invokeEvent(
  frame: FakeFrame | null,
  sender = new FakeWebContents(frame?.url ?? ''),
): IpcMainInvokeEvent {
  const event = {
    type: 'frame',
    processId: 1,
    frameId: 1,
    sender,
    senderFrame: frame,
    defaultPrevented: false,
    preventDefault: () => undefined,
  };
  return event as unknown as IpcMainInvokeEvent;
}

// ----------------------------------------------------------------------------------------- ipcRenderer

export type RendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

class FakeIpcRenderer {
  readonly #bus = new EventEmitter();

  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  readonly on = vi.fn((channel: string, listener: RendererListener) => {
    this.#bus.on(channel, listener);
    return this;
  });
  readonly removeListener = vi.fn((channel: string, listener: RendererListener) => {
    this.#bus.removeListener(channel, listener);
    return this;
  });
  readonly send = vi.fn((_channel: string, ..._args: unknown[]) => undefined);

  listenerCount(channel: string): number {
    return this.#bus.listenerCount(channel);
  }

  /** A message from the main process (`webContents.send(channel, ...args)`); returns the event listeners got. */
  deliver(channel: string, ...args: unknown[]): IpcRendererEvent {
    const event = { sender: this, senderId: 0, ports: [] } as unknown as IpcRendererEvent;
    this.#bus.emit(channel, event, ...args);
    return event;
  }

  reset(): void {
    this.#bus.removeAllListeners();
  }
}

export const ipcRenderer = new FakeIpcRenderer();

// --------------------------------------------------------------------------------------- contextBridge

export const exposedInMainWorld = new Map<string, unknown>();

export const contextBridge = {
  exposeInMainWorld: vi.fn((apiKey: string, api: unknown) => {
    if (exposedInMainWorld.has(apiKey)) {
      throw new Error(`Cannot bind an API on top of an existing property on the window object: ${apiKey}`);
    }
    exposedInMainWorld.set(apiKey, api);
  }),
};

// --------------------------------------------------------------------------------------- BrowserWindow

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static readonly getAllWindows = vi.fn(() => BrowserWindow.instances.filter((w) => !w.destroyed));

  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  destroyed = false;
  minimized = false;

  /** Like Electron, every method but isDestroyed() throws once the window is closed. */
  #alive(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }

  readonly loadURL = vi.fn(async (url: string) => {
    this.#alive();
    journal.push(`win.loadURL ${url}`);
    this.webContents.url = url;
  });
  readonly show = vi.fn(() => this.#alive());
  readonly focus = vi.fn(() => this.#alive());
  readonly isMinimized = vi.fn(() => {
    this.#alive();
    return this.minimized;
  });
  readonly restore = vi.fn(() => {
    this.#alive();
    this.minimized = false;
  });
  readonly isDestroyed = vi.fn(() => this.destroyed);
  readonly close = vi.fn(() => {
    this.#alive();
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  });

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    requireReady('new BrowserWindow()');
    journal.push('new BrowserWindow');
    this.options = options;
    this.webContents = new FakeWebContents();
    BrowserWindow.instances.push(this);
    // Electron announces every WebContents it creates, the window's own included.
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
}

// ---------------------------------------------------------------------------------------------- protocol

export type ProtocolHandler = Parameters<Protocol['handle']>[1];

export const protocol = {
  privileged: [] as CustomScheme[],
  handlers: new Map<string, ProtocolHandler>(),

  registerSchemesAsPrivileged: vi.fn((schemes: CustomScheme[]) => {
    requireNotReady('protocol.registerSchemesAsPrivileged()');
    journal.push(`protocol.registerSchemesAsPrivileged ${schemes.map((s) => s.scheme).join(',')}`);
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: ProtocolHandler) => {
    requireReady('protocol.handle()');
    if (protocol.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    journal.push(`protocol.handle ${scheme}`);
    protocol.handlers.set(scheme, handler);
  }),

  /** What the renderer's request for `url` gets from the registered handler. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = protocol.handlers.get(scheme);
    if (!handler) throw new Error(`[fake electron] no handler for scheme ${scheme}`);
    return await handler(new Request(url, init));
  },
};

// ----------------------------------------------------------------------------------------------- session

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
export type Permission = Parameters<PermissionRequestHandler>[1];

const defaultSession = {
  requestHandler: null as PermissionRequestHandler | null,
  checkHandler: null as PermissionCheckHandler | null,

  setPermissionRequestHandler: vi.fn((handler: PermissionRequestHandler | null) => {
    journal.push('session.setPermissionRequestHandler');
    defaultSession.requestHandler = handler;
  }),
  setPermissionCheckHandler: vi.fn((handler: PermissionCheckHandler | null) => {
    journal.push('session.setPermissionCheckHandler');
    defaultSession.checkHandler = handler;
  }),

  /**
   * Asks the request handler as Chromium would. Returns the answer, or 'unanswered' if the handler did not call
   * back synchronously (Chromium would then leave the page waiting).
   */
  requestPermission(
    permission: Permission,
    from = new FakeWebContents('app://rigdeck/index.html'),
  ): boolean | 'unanswered' {
    const handler = defaultSession.requestHandler;
    if (!handler) throw new Error('[fake electron] no permission request handler was set');
    let answer: boolean | 'unanswered' = 'unanswered';
    handler(from.asWebContents(), permission, (granted) => (answer = granted), {
      isMainFrame: true,
      requestingUrl: from.url,
    });
    return answer;
  },
  checkPermission(permission: Permission, origin = 'app://rigdeck'): boolean {
    const handler = defaultSession.checkHandler;
    if (!handler) throw new Error('[fake electron] no permission check handler was set');
    return handler(new FakeWebContents(`${origin}/index.html`).asWebContents(), permission, origin, {
      isMainFrame: true,
      requestingUrl: `${origin}/index.html`,
    });
  },
};

export const session = {
  get defaultSession() {
    requireReady('session.defaultSession');
    return defaultSession;
  },
};

// ------------------------------------------------------------------------------------------------- shell

export const shell = {
  openExternal: vi.fn<Shell['openExternal']>(async () => undefined),
  openPath: vi.fn<Shell['openPath']>(async () => ''),
};

/**
 * The OS keychain. The fake "encryption" is a reversible byte flip: enough to prove the vault stores what
 * safeStorage returns (never the plain text) and reads it back through decryptString.
 */
const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => flip(Buffer.from(plain, 'utf8'))),
  decryptString: vi.fn((sealed: Buffer) => flip(sealed).toString('utf8')),
};

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

// ------------------------------------------------------------------------------------------ Notification

/** An OS notification; like Electron's, usable only after ready. `click()` is the user clicking it. */
export class Notification extends EventEmitter {
  static readonly instances: Notification[] = [];
  static readonly isSupported = vi.fn(() => true);
  shown = false;
  closed = false;
  constructor(readonly options: NotificationConstructorOptions = {}) {
    super();
    requireReady('new Notification');
    Notification.instances.push(this);
  }
  show(): void {
    journal.push(`notification.show ${this.options.title ?? ''}`);
    this.shown = true;
  }
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('close', new FakeEvent());
  }
  click(): void {
    this.emit('click', new FakeEvent());
  }
}

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
  session,
  shell,
};
export default electron;
