// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { whenConnected } from '../../../renderer/api/connected';
import { createSocketClient } from '../../../renderer/api/socket';
import type { ClientStatus } from '../../../renderer/api/types';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

/** Just enough of a browser WebSocket to play the server's side of the protocol by hand. */
class FakeSocket {
  sent: unknown[] = [];
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  close() {
    this.closed = true;
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  serverSays(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) } as MessageEvent);
  }
  drop() {
    this.onclose?.();
  }
}

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
}

let sockets: FakeSocket[];
const open = () => {
  const s = new FakeSocket();
  sockets.push(s);
  return s as unknown as WebSocket;
};
const last = () => sockets[sockets.length - 1] as FakeSocket;

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('socket client', () => {
  it('queues calls until connected, then sends them and hands back the reply', async () => {
    const client = createSocketClient({ url: 'ws://x/ws', storage: memoryStorage(), createSocket: open });
    const pending = client.call('settings.get');
    expect(last().sent).toEqual([]);
    last().serverSays({ type: 'hello', auth: 'none', version: '1' });
    expect(last().sent).toEqual([{ type: 'call', id: 1, method: 'settings.get' }]);
    last().serverSays({ type: 'result', id: 1, result: DEFAULT_SETTINGS });
    await expect(pending).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('settles a call only with a well-formed message carrying its id', async () => {
    const client = createSocketClient({ url: 'ws://x/ws', storage: memoryStorage(), createSocket: open });
    last().serverSays({ type: 'hello', auth: 'none', version: '1' });
    const p = client.call('settings.get');
    last().serverSays({ type: 'result', id: 1 });
    last().serverSays({ type: 'result', id: 2, result: { theme: 'light' } });
    last().serverSays({ type: 'error', id: 1, error: { code: 'exploded', message: 'no' } });
    last().serverSays({ type: 'result', id: '1', result: { theme: 'light' } });
    last().onmessage?.({ data: '{not json' } as MessageEvent);
    last().serverSays({ type: 'result', id: 1, result: DEFAULT_SETTINGS });
    await expect(p).resolves.toEqual(DEFAULT_SETTINGS);
    const q = client.call('settings.get');
    last().serverSays({ type: 'error', id: 2, error: { code: 'not_found', message: 'gone' } });
    await expect(q).rejects.toMatchObject({ code: 'not_found', message: 'gone' });
  });

  it('fails in-flight calls with "unavailable" when the link drops, never resends them, and reconnects', async () => {
    const statuses: ClientStatus['status'][] = [];
    const client = createSocketClient({ url: 'ws://x/ws', storage: memoryStorage(), createSocket: open });
    client.onStatus((s) => statuses.push(s.status));
    last().serverSays({ type: 'hello', auth: 'none', version: '1' });
    const p = client.call('settings.update', { theme: 'light' });
    last().drop();
    await expect(p).rejects.toMatchObject({ code: 'unavailable' });
    expect(statuses).toEqual(['connecting', 'connected', 'reconnecting']);
    await vi.advanceTimersByTimeAsync(300);
    expect(sockets).toHaveLength(2);
    last().serverSays({ type: 'hello', auth: 'none', version: '1' });
    expect(statuses.at(-1)).toBe('connected');
    expect(last().sent).toEqual([]);
  });

  it('reloads the page when a reconnect finds a server of another version, and only then', async () => {
    const reload = vi.fn();
    const client = createSocketClient({
      url: 'ws://x/ws',
      storage: memoryStorage(),
      createSocket: open,
      reload,
    });
    last().serverSays({ type: 'hello', auth: 'none', version: '1.0.0' });
    last().drop();
    await vi.advanceTimersByTimeAsync(300);
    last().serverSays({ type: 'hello', auth: 'none', version: '1.0.0' });
    expect(reload).not.toHaveBeenCalled();
    last().drop();
    await vi.advanceTimersByTimeAsync(600);
    const pending = client.call('settings.get');
    last().serverSays({ type: 'hello', auth: 'none', version: '1.1.0' });
    expect(reload).toHaveBeenCalledTimes(1);
    // Nothing is sent to the new server by the old page's code, and no reconnect loop follows.
    expect(last().sent).toEqual([]);
    expect(last().closed).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets).toHaveLength(3);
    void pending.catch(() => undefined);
  });

  it('asks for a password, keeps the session token, and reuses it on reconnect', async () => {
    const storage = memoryStorage();
    const statuses: ClientStatus[] = [];
    const client = createSocketClient({ url: 'ws://x/ws', storage, createSocket: open });
    client.onStatus((s) => statuses.push(s));
    last().serverSays({ type: 'hello', auth: 'required', version: '1' });
    expect(statuses.at(-1)?.status).toBe('login');

    const wrong = client.login('nope');
    last().serverSays({ type: 'login.error', error: { code: 'unauthorized', message: 'Wrong password.' } });
    await expect(wrong).rejects.toMatchObject({ message: 'Wrong password.' });
    expect(statuses.at(-1)).toEqual({ status: 'login', loginError: 'Wrong password.' });

    const right = client.login('farm-password-1');
    last().serverSays({ type: 'login.ok', token: 'tok-123' });
    await right;
    expect(storage.getItem('rigdeck.session')).toBe('tok-123');

    last().drop();
    await vi.advanceTimersByTimeAsync(300);
    last().serverSays({ type: 'hello', auth: 'required', version: '1' });
    expect(last().sent).toEqual([{ type: 'login', token: 'tok-123' }]);
  });

  it('delivers an event to the listeners of its name only, and a malformed one to nobody', () => {
    const client = createSocketClient({ url: 'ws://x/ws', storage: memoryStorage(), createSocket: open });
    const got: unknown[] = [];
    const off = client.on('settings.changed', (s) => got.push(s));
    last().serverSays({ type: 'event', event: 'settings.changed', payload: DEFAULT_SETTINGS });
    last().serverSays({ type: 'event', event: 'settings.changed' });
    last().serverSays({ type: 'event', event: 'rig.exploded', payload: {} });
    last().serverSays({ type: 'event', event: 'pool.changed', payload: { configured: false } });
    off();
    last().serverSays({ type: 'event', event: 'settings.changed', payload: DEFAULT_SETTINGS });
    expect(got).toEqual([DEFAULT_SETTINGS]);
  });
});

describe('whenConnected', () => {
  it('runs once each time the link comes up: at start, after a reconnect, after a login', async () => {
    const storage = memoryStorage();
    const client = createSocketClient({ url: 'ws://x/ws', storage, createSocket: open });
    let reads = 0;
    whenConnected(client, () => (reads += 1));
    expect(reads).toBe(0);
    last().serverSays({ type: 'hello', auth: 'none', version: '1' });
    expect(reads).toBe(1);

    last().drop();
    await vi.advanceTimersByTimeAsync(300);
    expect(reads).toBe(1);
    last().serverSays({ type: 'hello', auth: 'required', version: '1' });
    expect(reads).toBe(1);
    const login = client.login('pw');
    last().serverSays({ type: 'login.ok', token: 't' });
    await login;
    expect(reads).toBe(2);
  });
});
