/** The main process: app, webContents, ipcMain (with the invoke events it sees) and BrowserWindow. */
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { vi } from 'vitest';

import { FakeEvent, journal, requireNotReady, requireReady, state } from './journal';

// ---------------------------------------------------------------------------------------------------- app

export class FakeApp extends EventEmitter {
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

export type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];

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

export class FakeIpcMain extends EventEmitter {
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

// --------------------------------------------------------------------------------------- BrowserWindow

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static readonly getAllWindows = vi.fn(() => BrowserWindow.instances.filter((w) => !w.destroyed));

  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;
  destroyed = false;
  minimized = false;
  maximized = false;
  /** Where the window is; from its options, moved by a test with setBounds. */
  bounds: { x: number; y: number; width: number; height: number };

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
  readonly isMaximized = vi.fn(() => {
    this.#alive();
    return this.maximized;
  });
  readonly maximize = vi.fn(() => {
    this.#alive();
    this.maximized = true;
  });
  readonly getNormalBounds = vi.fn(() => {
    this.#alive();
    return { ...this.bounds };
  });
  readonly setBounds = vi.fn((b: Partial<{ x: number; y: number; width: number; height: number }>) => {
    this.#alive();
    this.bounds = { ...this.bounds, ...b };
  });
  readonly isDestroyed = vi.fn(() => this.destroyed);
  readonly close = vi.fn(() => {
    this.#alive();
    // Like Electron: 'close' while the window still exists (its bounds readable), then 'closed'.
    this.emit('close', new FakeEvent());
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  });

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    requireReady('new BrowserWindow()');
    journal.push('new BrowserWindow');
    this.options = options;
    // Without a position Electron centres the window on the primary display (1920×1040 work area here).
    const width = options.width ?? 800;
    const height = options.height ?? 600;
    this.bounds = {
      x: options.x ?? Math.round((1920 - width) / 2),
      y: options.y ?? Math.round((1040 - height) / 2),
      width,
      height,
    };
    this.webContents = new FakeWebContents();
    BrowserWindow.instances.push(this);
    // Electron announces every WebContents it creates, the window's own included.
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
}
