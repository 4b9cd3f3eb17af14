// @vitest-environment node
// An in-memory WAMP peer behind the WampConnector seam: records what the live client asks for, in order,
// answers calls from a table, and lets a test publish events, drop a link or refuse a login.
import { PoolError } from '../../../../electron/pool/prohashing/errors';
import {
  type WampConnectOptions,
  type WampConnector,
  type WampSession,
} from '../../../../electron/pool/prohashing/wamp-connector';

export type FakeLink = {
  id: number;
  options: WampConnectOptions;
  closedByClient: boolean;
  publish(topic: string, args: unknown[]): void;
  /** The server side goes away (as a dropped TCP connection would). */
  drop(): void;
};

export type FakeWamp = {
  connector: WampConnector;
  log: string[];
  links: FakeLink[];
  results: Record<string, unknown>;
  /** Procedures that answer with an error. */
  failing: Set<string>;
  /** Next logins: 'ok', 'refuse' (ABORT not_authorized) or 'hang' (no WELCOME ever). */
  logins: ('ok' | 'refuse' | 'hang')[];
};

export function fakeWamp(results: Record<string, unknown>): FakeWamp {
  const log: string[] = [];
  const links: FakeLink[] = [];
  const failing = new Set<string>();
  const logins: FakeWamp['logins'] = [];
  let nextId = 1;
  const connector: WampConnector = (o) => {
    const id = nextId++;
    const subs = new Map<string, (args: unknown[]) => void>();
    let markClosed: () => void = () => undefined;
    const closed = new Promise<void>((r) => (markClosed = r));
    let gone = false;
    const end = (notify: boolean): void => {
      if (gone) return;
      gone = true;
      if (notify) o.onClose({ reason: 'lost', detail: null });
      markClosed();
    };
    const link: FakeLink = {
      id,
      options: o,
      closedByClient: false,
      publish: (topic, args) => {
        if (!gone) subs.get(topic)?.(args);
      },
      drop: () => end(true),
    };
    links.push(link);
    log.push(`connect#${id} ${o.realm} ${o.authid}/${o.secret}`);
    const login = logins.shift() ?? 'ok';
    const session: WampSession = {
      call: async (procedure, args) => {
        log.push(`call#${id} ${procedure}(${args.join(',')})`);
        if (failing.has(procedure)) throw new PoolError('protocol', `${procedure}: wamp.error.runtime_error`);
        return results[procedure];
      },
      subscribe: async (topic, handler) => {
        log.push(`subscribe#${id} ${topic}`);
        subs.set(topic, handler);
      },
    };
    const joined =
      login === 'ok'
        ? Promise.resolve(session)
        : login === 'refuse'
          ? Promise.reject(new PoolError('auth', 'ProHashing live: wamp.error.not_authorized'))
          : new Promise<WampSession>(() => undefined);
    joined.catch(() => end(false));
    return {
      joined,
      closed,
      close: () => {
        link.closedByClient = true;
        end(false);
      },
    };
  };
  return { connector, log, links, results, failing, logins };
}
