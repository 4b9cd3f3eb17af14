import type { WebSocket } from 'ws';

import type { EventName } from '../../shared/contract';
import type { RpcErrorShape } from '../../shared/errors';
import { type ServerMessage, clientMessageSchema } from '../../shared/wire';
import type { Core } from '../core';
import type { PasswordRecord } from './password';
import type { Sessions } from './sessions';
import type { LoginThrottle } from './throttle';

export type SocketDeps = {
  core: Pick<Core, 'dispatch' | 'info'>;
  password: () => PasswordRecord | null;
  verify: (password: string, record: PasswordRecord) => Promise<boolean>;
  sessions: Sessions;
  throttle: LoginThrottle;
  now: () => number;
};

export type Connection = {
  /** Forwards a core event, but only once this socket has logged in (or no password is set). */
  deliver(event: EventName, payload: unknown): void;
};

/**
 * One browser tab. Until it logs in (when a password is set) the only thing it may do is log in; every message
 * is parsed by the wire schema and answered, so a malformed or hostile message costs an error reply, never the server.
 */
export function handleConnection(ws: WebSocket, peer: string, deps: SocketDeps): Connection {
  let authed = deps.password() === null;
  let token: string | null = null;
  const send = (msg: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const fail = (id: string | number | null, error: RpcErrorShape) => send({ type: 'error', id, error });

  send({ type: 'hello', auth: authed ? 'none' : 'required', version: deps.core.info.version });

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
      if (token) deps.sessions.revoke(token);
      token = null;
      authed = deps.password() === null;
      return;
    }
    if (!authed) return fail(msg.id, { code: 'unauthorized', message: 'Log in first.' });
    const result = await deps.core.dispatch(msg.method, msg.params, { face: 'headless', peer });
    if (result.ok) send({ type: 'result', id: msg.id, result: result.value });
    else fail(msg.id, result.error);
  }

  async function login(password: string | undefined, presented: string | undefined) {
    const record = deps.password();
    const now = deps.now();
    if (record === null) {
      authed = true;
      return send({ type: 'login.ok', token: '' });
    }
    if (presented !== undefined && deps.sessions.valid(presented, now)) {
      authed = true;
      token = presented;
      return send({ type: 'login.ok', token: presented });
    }
    const gate = deps.throttle.check(peer, now);
    if (!gate.allowed) {
      return send({
        type: 'login.error',
        error: {
          code: 'rate_limited',
          message: `Too many failed logins. Try again in ${Math.ceil(gate.retryAfterMs / 1000)} s.`,
          retryAfterMs: gate.retryAfterMs,
        },
      });
    }
    if (password === undefined) {
      return send({
        type: 'login.error',
        error: { code: 'unauthorized', message: 'Your session expired. Log in again.' },
      });
    }
    if (!(await deps.verify(password, record))) {
      deps.throttle.fail(peer, deps.now());
      return send({ type: 'login.error', error: { code: 'unauthorized', message: 'Wrong password.' } });
    }
    deps.throttle.succeed(peer);
    authed = true;
    token = deps.sessions.issue(deps.now());
    send({ type: 'login.ok', token });
  }

  return {
    deliver(event, payload) {
      if (authed) send({ type: 'event', event, payload });
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
