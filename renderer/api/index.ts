import type { Bridge } from '../../shared/bridge';
import { createBridgeClient } from './bridge';
import { createSocketClient, socketUrl } from './socket';
import type { Client } from './types';

declare global {
  // Set by the desktop face's preload; absent in a browser.
  var rigdeck: Bridge | undefined;
}

let client: Client | null = null;

/** Picks the transport once at start: the preload's bridge in the desktop app, else the headless face's socket. */
export function getClient(): Client {
  client ??= window.rigdeck
    ? createBridgeClient(window.rigdeck)
    : createSocketClient({ url: socketUrl(window.location) });
  return client;
}

/** Tests put a fake in place of the real transport. */
export function setClient(next: Client | null): void {
  client = next;
}

/** Which face this renderer runs in: the desktop app's bridge, or the headless face's socket in a browser. */
export function transportKind(): 'bridge' | 'socket' {
  return window.rigdeck ? 'bridge' : 'socket';
}
