/** The renderer side of the preload: ipcRenderer and contextBridge. */
import { EventEmitter } from 'node:events';

import type { IpcRendererEvent } from 'electron';
import { vi } from 'vitest';

// ----------------------------------------------------------------------------------------- ipcRenderer

export type RendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

export class FakeIpcRenderer {
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
