/** The fake's shared state: the journal of ordered calls and the ready flag the other fakes check. */
import { vi } from 'vitest';

/** Calls whose order matters, in the order they happened ("ipcMain.handle rigdeck:call:app.info", ...). */
export const journal: string[] = [];

export const state = { ready: false };

export function requireReady(what: string): void {
  if (!state.ready) throw new Error(`[fake electron] ${what} used before the app is ready`);
}
export function requireNotReady(what: string): void {
  if (state.ready) throw new Error(`[fake electron] ${what} must be called before the app is ready`);
}

/** What Electron passes to a cancellable event listener (will-navigate, will-quit, ...). */
export class FakeEvent {
  defaultPrevented = false;
  readonly preventDefault = vi.fn(() => {
    this.defaultPrevented = true;
  });
}
