import type { EventName, MethodName } from '../../shared/contract';
import { RpcError } from '../../shared/rpc-error';
import type { ClientMessage } from '../../shared/wire';
import { readServerMessage } from './server-message';
import type { Client, ClientStatus } from './types';

const TOKEN_KEY = 'rigdeck.session';
const CALL_TIMEOUT_MS = 30_000;

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  method: MethodName;
  timer: number;
};
type Queued = { msg: ClientMessage & { type: 'call' } };

export type SocketClientOptions = {
  url: string;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  createSocket?: (url: string) => WebSocket;
  /** A server of another version answered a reconnect: load its page (the browser's reload by default). */
  reload?: () => void;
};

/**
 * The headless face: the contract over one WebSocket. It reconnects by itself with backoff and says so
 * (status "reconnecting"). A call in flight when the link drops fails with "unavailable" instead of being
 * resent, because a command such as a reboot must never run twice behind the technician's back.
 * Replies and events are the contract's types as the core produced them, not parsed again here: the core checks
 * every request (electron/contract/dispatch.ts) and every event payload (electron/contract/events.ts), its
 * handlers are typed by the contract, and this page's own code comes from the same server. Only the envelope is
 * checked, so a stray message cannot settle the wrong call. That trust holds only for the server this page came
 * from: when a reconnect finds a server of another version (upgraded while the tab stayed open), the page
 * reloads to get that server's own code instead of reading new shapes with old code.
 */
export function createSocketClient(options: SocketClientOptions): Client {
  const storage = options.storage ?? sessionStorage;
  const open = options.createSocket ?? ((url: string) => new WebSocket(url));
  const pending = new Map<number | string, Pending>();
  const queue: Queued[] = [];
  const eventListeners = new Map<string, Set<(p: unknown) => void>>();
  const statusListeners = new Set<(s: ClientStatus) => void>();
  let status: ClientStatus = { status: 'connecting' };
  let ws: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;
  let everConnected = false;
  let serverVersion: string | null = null;
  const reload = options.reload ?? (() => window.location.reload());
  let loginWaiter: { resolve: () => void; reject: (e: unknown) => void } | null = null;

  const setStatus = (next: ClientStatus) => {
    status = next;
    for (const l of statusListeners) l(status);
  };
  const send = (msg: ClientMessage) => ws?.send(JSON.stringify(msg));

  const onReady = () => {
    attempt = 0;
    everConnected = true;
    setStatus({ status: 'connected' });
    for (const q of queue.splice(0)) send(q.msg);
  };

  function connect() {
    const socket = open(options.url);
    ws = socket;
    socket.onmessage = (ev: MessageEvent) => handle(socket, String(ev.data));
    socket.onclose = () => {
      if (ws !== socket) return;
      ws = null;
      for (const [id, p] of pending) {
        clearTimeout(p.timer);
        p.reject(
          new RpcError({
            code: 'unavailable',
            message: `Connection lost during ${p.method}; it may or may not have run.`,
          }),
        );
        pending.delete(id);
      }
      if (status.status !== 'login') setStatus({ status: everConnected ? 'reconnecting' : 'connecting' });
      const delay = Math.min(5000, 250 * 2 ** attempt++);
      setTimeout(connect, delay);
    };
  }

  function handle(socket: WebSocket, text: string) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const msg = readServerMessage(json);
    if (msg === null) return;
    switch (msg.type) {
      case 'hello': {
        if (serverVersion !== null && msg.version !== serverVersion) {
          ws = null;
          socket.onclose = null;
          socket.close();
          return reload();
        }
        serverVersion = msg.version;
        if (msg.auth === 'none') return onReady();
        const token = storage.getItem(TOKEN_KEY);
        if (token) send({ type: 'login', token });
        else setStatus({ status: 'login' });
        return;
      }
      case 'login.ok':
        if (msg.token) storage.setItem(TOKEN_KEY, msg.token);
        loginWaiter?.resolve();
        loginWaiter = null;
        return onReady();
      case 'login.error':
        storage.removeItem(TOKEN_KEY);
        setStatus({ status: 'login', loginError: loginWaiter ? msg.error.message : undefined });
        loginWaiter?.reject(new RpcError(msg.error));
        loginWaiter = null;
        return;
      case 'event':
        for (const l of eventListeners.get(msg.event) ?? []) l(msg.payload);
        return;
      case 'result':
      case 'error': {
        if (msg.id === null) return;
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        clearTimeout(p.timer);
        if (msg.type === 'error') return p.reject(new RpcError(msg.error));
        p.resolve(msg.result);
      }
    }
  }

  connect();

  return {
    call(method, ...args) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const msg = { type: 'call' as const, id, method, params: args[0] };
        const timer = window.setTimeout(() => {
          pending.delete(id);
          const i = queue.findIndex((q) => q.msg.id === id);
          if (i >= 0) queue.splice(i, 1);
          reject(
            new RpcError({
              code: 'unavailable',
              message: `${method} got no answer in ${CALL_TIMEOUT_MS / 1000} s.`,
            }),
          );
        }, CALL_TIMEOUT_MS);
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method, timer });
        if (status.status === 'connected') send(msg);
        else queue.push({ msg });
      });
    },
    on(event: EventName, listener) {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    login(password) {
      return new Promise<void>((resolve, reject) => {
        loginWaiter = { resolve, reject };
        send({ type: 'login', password });
      });
    },
    logout() {
      storage.removeItem(TOKEN_KEY);
      send({ type: 'logout' });
      setStatus({ status: 'login' });
    },
  };
}

export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}
