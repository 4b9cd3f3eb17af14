/**
 * The only file that touches autobahn (22.11.1, CommonJS: under tsx/vitest ESM its module.exports arrives as
 * the default import). It opens one WAMP session with WAMP-CRA and adapts autobahn's promises and callbacks
 * to a small typed surface. autobahn's own reconnect is switched off: reconnects, their backoff and every
 * deadline belong to live-client.ts and its injected clock.
 *
 * autobahn is loaded on the first connection, not with the core: with its dependencies (when, crypto-js, cbor,
 * msgpack5) it costs about 60 ms of CPU to load, which every command-line run that builds a core (a scan, a
 * status) paid for nothing when no live feed is opened.
 */
import { createHmac, pbkdf2Sync } from 'node:crypto';

import type Autobahn from 'autobahn';
import type { Logger } from '../../contract/dispatch';
import { PoolError } from './errors';
import { isRecord, looseString } from './loose';

export type WampSession = {
  /** Resolves with RESULT.args[0] (autobahn's single-arg rule, docs/prohashing.md §3.1). */
  call(procedure: string, args: unknown[]): Promise<unknown>;
  subscribe(topic: string, handler: (args: unknown[]) => void): Promise<void>;
};

export type WampCloseInfo = { reason: string; detail: string | null };

export type WampConnectOptions = {
  url: string;
  realm: string;
  authid: string;
  secret: string;
  /** After the session was joined, the first time the transport goes away. */
  onClose(info: WampCloseInfo): void;
  /** A subscription handler threw, or autobahn reported an internal error. */
  onInternalError?: (error: unknown) => void;
};

export type WampAttempt = {
  /** Resolves once WELCOME arrived; rejects (PoolError) if the connection ends before that. */
  joined: Promise<WampSession>;
  /** Leave (GOODBYE) if joined, else drop the transport. Safe to call any time, twice. */
  close(): void;
  /** Resolves when the transport is gone, however that happened. */
  closed: Promise<void>;
};

export type WampConnector = (o: WampConnectOptions) => WampAttempt;

/**
 * autobahn prints its connection chatter ("connection closed" with multi-line detail objects) through its own
 * `log` object, which is console by default. Send it to our log at debug: closes and errors that matter are
 * reported by live-client.ts already. Process-wide, as autobahn's log is; the last core to start wins.
 */
export function routeAutobahnLog(log: Logger): void {
  routedLog = log;
  if (loaded) routeLogOf(loaded, log);
}

let routedLog: Logger | null = null;
let loaded: typeof Autobahn | null = null;
let loading: Promise<typeof Autobahn> | null = null;

function routeLogOf(autobahn: typeof Autobahn, log: Logger): void {
  const debug = (...args: unknown[]) => log.debug?.('[autobahn]', ...args);
  Object.assign(autobahn.log, { debug, warn: debug });
}

/** autobahn, loaded once; the log routed before it was loaded applies from the start. */
function loadAutobahn(): Promise<typeof Autobahn> {
  loading ??= import('autobahn').then((m) => {
    loaded = m.default;
    if (routedLog) routeLogOf(loaded, routedLog);
    return loaded;
  });
  return loading;
}

const AUTH_REASONS =
  /not_authorized|authorization_failed|cannot_authenticate|authentication_failed|no_such_role/;

/**
 * WAMP-CRA response, as autobahn's auth_cra computes it with crypto-js (docs/prohashing.md §3.8): HMAC-SHA256
 * of the challenge in base64, keyed by the secret's UTF-8 bytes; salted secrets first derive a key with
 * PBKDF2-SHA256 (default 1000 iterations, 32 bytes), used as the base64 text. Node's crypto, so signing needs
 * no autobahn loaded.
 */
export function craSignature(method: string, extra: unknown, secret: string): string {
  if (method !== 'wampcra') throw new Error(`unsupported authentication method ${method}`);
  const challenge = isRecord(extra) ? looseString(extra['challenge']) : null;
  if (challenge === null) throw new Error('WAMP-CRA challenge without a challenge string');
  const salt = isRecord(extra) ? looseString(extra['salt']) : null;
  const sign = (key: string): string => createHmac('sha256', key).update(challenge).digest('base64');
  if (salt === null) return sign(secret);
  const iterations = Number(isRecord(extra) ? extra['iterations'] : undefined) || 1000;
  const keylen = Number(isRecord(extra) ? extra['keylen'] : undefined) || 32;
  return sign(pbkdf2Sync(secret, salt, iterations, keylen, 'sha256').toString('base64'));
}

/** An autobahn error reply ({error: 'wamp.error.…', args}) or anything else, as a PoolError. */
export function wampCallError(what: string, error: unknown): PoolError {
  if (error instanceof PoolError) return error;
  if (isRecord(error) && typeof error['error'] === 'string') {
    const args = Array.isArray(error['args']) ? error['args'].map(String).join('; ') : '';
    return new PoolError('protocol', `${what}: ${error['error']}${args ? ` (${args})` : ''}`, {
      cause: error,
    });
  }
  return new PoolError('protocol', `${what}: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

/** Why a connection ended before WELCOME, as a PoolError: refused login → auth, no answer → unreachable. */
function notJoinedError(reason: string, detail: string | null, message: string | null): PoolError {
  const text = `ProHashing live: ${detail ?? reason}${message ? ` (${message})` : ''}`;
  if (detail !== null && AUTH_REASONS.test(detail)) return new PoolError('auth', text);
  if (reason === 'unreachable') return new PoolError('unreachable', text);
  return new PoolError('protocol', text);
}

export const autobahnConnector: WampConnector = (o) => {
  let conn: Autobahn.Connection | null = null;
  let closeAsked = false;
  let markClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const joinedPromise = new Promise<WampSession>((resolve, reject) => {
    loadAutobahn().then(
      (autobahn) => {
        // Closed while autobahn was loading: nothing was opened, so it ends as a close before WELCOME would.
        if (closeAsked) {
          reject(notJoinedError('closed', null, null));
          markClosed();
          return;
        }
        conn = openConnection(autobahn, o, resolve, reject, markClosed);
      },
      (error: unknown) => {
        reject(new PoolError('protocol', `ProHashing live: autobahn did not load (${String(error)})`));
        markClosed();
      },
    );
  });
  // Rejections before anyone awaits (close() during connect) must not surface as unhandled.
  joinedPromise.catch(() => undefined);
  return {
    joined: joinedPromise,
    closed,
    close() {
      closeAsked = true;
      try {
        conn?.close();
      } catch {
        // "connection already closed": nothing left to close.
      }
    },
  };
};

/** Opens the connection; `resolve`/`reject` settle `joined`, `markClosed` settles `closed`. */
function openConnection(
  autobahn: typeof Autobahn,
  o: WampConnectOptions,
  resolve: (session: WampSession) => void,
  reject: (error: PoolError) => void,
  markClosed: () => void,
): Autobahn.Connection {
  let joined = false;
  let ended = false;
  const conn = new autobahn.Connection({
    url: o.url,
    realm: o.realm,
    authmethods: ['wampcra'],
    authid: o.authid,
    // JSON is enough (S5) and is what the pool's own clients negotiate.
    protocols: ['wamp.2.json'],
    max_retries: 0,
    retry_if_unreachable: false,
    use_es6_promises: true,
    onchallenge: (_session, method, extra: unknown) => craSignature(method, extra, o.secret),
    on_user_error: (error) => o.onInternalError?.(error),
    on_internal_error: (error) => o.onInternalError?.(error),
  });
  conn.onopen = (session) => {
    joined = true;
    resolve({
      call: async (procedure, args) => {
        try {
          return await session.call<unknown>(procedure, args);
        } catch (error) {
          throw wampCallError(`ProHashing live ${procedure}`, error);
        }
      },
      subscribe: async (topic, handler) => {
        try {
          await session.subscribe(topic, (args) => handler(args ?? []));
        } catch (error) {
          throw wampCallError(
            `ProHashing live subscribe ${topic.replace(/_[0-9a-f]{16,}$/i, '_<apiKey>')}`,
            error,
          );
        }
      },
    });
  };
  // autobahn can fire onclose twice for one transport (ws 'error' then 'close'): only the first counts.
  conn.onclose = (reason, details: unknown) => {
    if (!ended) {
      ended = true;
      const detail = isRecord(details) ? looseString(details['reason']) : null;
      const message = isRecord(details) ? looseString(details['message']) : null;
      if (joined) o.onClose({ reason, detail });
      else reject(notJoinedError(reason, detail, message));
      markClosed();
    }
    // true = never retry: reconnects are ours.
    return true;
  };
  conn.open();
  return conn;
}
