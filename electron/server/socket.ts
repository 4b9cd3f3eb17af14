import type { WebSocket } from 'ws';

import type { EventName } from '../../shared/contract';
import type { RpcErrorShape } from '../../shared/errors';
import { type ServerMessage, clientMessageSchema } from '../../shared/wire';
import type { Core } from '../core';
import type { Access } from './access';
import type { Sessions } from './sessions';
import type { LoginThrottle } from './throttle';
import type { Verify } from './verify-queue';

export type SocketDeps = {
  core: Pick<Core, 'dispatch' | 'info'>;
  /** Read at connect and at every login, so a password set, changed or cleared meanwhile takes effect. */
  access: () => Access;
  verify: Verify;
  sessions: Sessions;
  throttle: LoginThrottle;
  now: () => number;
  /** This socket logged out of `token`: end that session everywhere. */
  loggedOut: (token: string) => void;
};

export type Connection = {
  /** Forwards a core event, but only once this socket has logged in (or no password is set). */
  deliver(event: EventName, payload: unknown): void;
  /** The session `token` ended (logged out on some socket): a socket holding it must log in again. */
  revoked(token: string): void;
};

/**
 * One browser tab. Until it logs in (when a password is set) the only thing it may do is log in; every message
 * is parsed by the wire schema and answered, so a malformed or hostile message costs an error reply, never the server.
 * A logged-in socket stays in only while its session token is valid: logout elsewhere or expiry ends it.
 */
export function handleConnection(ws: WebSocket, peer: string, deps: SocketDeps): Connection {
  // 'open' when the server had no password at connect (loopback only); else the session token once logged in.
  let open = deps.access().kind === 'open';
  let token: string | null = null;
  const authed = () => open || (token !== null && deps.sessions.valid(token, deps.now()));
  const send = (msg: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const fail = (id: string | number | null, error: RpcErrorShape) => send({ type: 'error', id, error });
  const loginError = (code: RpcErrorShape['code'], message: string, retryAfterMs?: number) =>
    send({
      type: 'login.error',
      error: retryAfterMs === undefined ? { code, message } : { code, message, retryAfterMs },
    });

  send({ type: 'hello', auth: open ? 'none' : 'required', version: deps.core.info.version });

  ws.on('message', (data, isBinary) => {
    void onMessage(isBinary ? null : data.toString()).catch((err: unknown) => {
      fail(null, { code: 'internal', message: err instanceof Error ? err.message : String(err) });
    });
  });
  ws.on('close', () => {
    // A closed tab keeps its token (the page may reconnect with it); logout is explicit.
  });

  async function onMessage(text: string | null) {
    if (text === null)
      return fail(null, { code: 'bad_message', message: 'Binary messages are not accepted.' });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return fail(null, { code: 'bad_message', message: 'Message is not valid JSON.' });
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) {
      const id = messageId(json);
      return fail(id, {
        code: 'bad_message',
        message: `Message does not follow the protocol: ${parsed.error.issues[0]?.message ?? ''}`,
      });
    }
    const msg = parsed.data;
    if (msg.type === 'login') return login(msg.password, msg.token);
    if (msg.type === 'logout') {
      const ended = token;
      token = null;
      open = deps.access().kind === 'open';
      if (ended) deps.loggedOut(ended);
      return;
    }
    if (!authed()) return fail(msg.id, { code: 'unauthorized', message: 'Log in first.' });
    const result = await deps.core.dispatch(msg.method, msg.params, { face: 'headless', peer });
    if (result.ok) send({ type: 'result', id: msg.id, result: result.value });
    else fail(msg.id, result.error);
  }

  async function login(password: string | undefined, presented: string | undefined) {
    const access = deps.access();
    if (access.kind === 'locked') return loginError('unauthorized', access.reason);
    if (access.kind === 'open') {
      open = true;
      return send({ type: 'login.ok', token: '' });
    }
    if (presented !== undefined && deps.sessions.valid(presented, deps.now())) {
      token = presented;
      return send({ type: 'login.ok', token: presented });
    }
    if (password === undefined) return loginError('unauthorized', 'Your session expired. Log in again.');
    // Reserved before the check, so guesses in flight count against the allowance too.
    const gate = deps.throttle.begin(peer, deps.now());
    if (!gate.allowed) {
      const wait = Math.ceil(gate.retryAfterMs / 1000);
      return loginError('rate_limited', `Too many failed logins. Try again in ${wait} s.`, gate.retryAfterMs);
    }
    let ok = false;
    try {
      ok = await deps.verify(password, access.record);
    } finally {
      if (ok) gate.attempt.succeeded();
      else gate.attempt.failed(deps.now());
    }
    if (!ok) return loginError('unauthorized', 'Wrong password.');
    token = deps.sessions.issue(deps.now());
    send({ type: 'login.ok', token });
  }

  return {
    deliver(event, payload) {
      if (authed()) send({ type: 'event', event, payload });
    },
    revoked(ended) {
      if (token !== ended) return;
      token = null;
      loginError('unauthorized', 'Logged out.');
    },
  };
}

function messageId(json: unknown): string | number | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const id = json.id;
  // Echo only an id the wire schema allows, or the reply itself would be refused by the client.
  return (typeof id === 'number' && Number.isSafeInteger(id)) || (typeof id === 'string' && id.length <= 64)
    ? id
    : null;
}
