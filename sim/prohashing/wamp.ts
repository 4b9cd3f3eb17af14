// A small WAMP v2 router (JSON serialization, subprotocol wamp.2.json) with WAMP-CRA, enough for the
// ProHashing live API (docs/prohashing.md §3.8): HELLO/CHALLENGE/AUTHENTICATE/WELCOME, CALL/RESULT,
// SUBSCRIBE/EVENT, UNSUBSCRIBE, GOODBYE. Clients cannot register or publish.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type WebSocket, WebSocketServer } from 'ws';
import { type Rng } from '../util/random';

const HELLO = 1;
const WELCOME = 2;
const ABORT = 3;
const CHALLENGE = 4;
const AUTHENTICATE = 5;
const GOODBYE = 6;
const ERROR = 8;
const PUBLISH = 16;
const SUBSCRIBE = 32;
const SUBSCRIBED = 33;
const UNSUBSCRIBE = 34;
const UNSUBSCRIBED = 35;
const EVENT = 36;
const CALL = 48;
const RESULT = 50;
const REGISTER = 64;

export type Procedure = (args: unknown[]) => unknown;

export type WampRouterOptions = {
  realm: string;
  authid: string;
  secret: string;
  procedures: Record<string, Procedure>;
  rng: Rng;
};

type Session = {
  ws: WebSocket;
  id: number;
  state: 'hello' | 'challenged' | 'open';
  challenge: string;
  subs: Map<number, string>; // subscription id -> topic
};

export type WampRouter = {
  wss: WebSocketServer;
  publish(topic: string, args: unknown[]): void;
  sessionCount(): number;
  close(): Promise<void>;
};

/** autobahn auth_cra.sign without salt: base64(HMAC-SHA256(secret, challenge)). */
export function craSign(secret: string, challenge: string): string {
  return createHmac('sha256', secret).update(challenge).digest('base64');
}

export function createWampRouter(o: WampRouterOptions): WampRouter {
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('wamp.2.json') ? 'wamp.2.json' : false),
  });
  const sessions = new Set<Session>();
  const topicSubs = new Map<string, Map<number, Session>>(); // topic -> subId -> session
  let nextSub = 1;
  let nextPub = 1;

  const send = (s: Session, msg: unknown[]): void => {
    if (s.ws.readyState === s.ws.OPEN) s.ws.send(JSON.stringify(msg));
  };
  const abort = (s: Session, reason: string, message: string): void => {
    send(s, [ABORT, { message }, reason]);
    s.ws.close(1000);
  };
  const dropSubs = (s: Session): void => {
    for (const [subId, topic] of s.subs) topicSubs.get(topic)?.delete(subId);
    s.subs.clear();
  };

  const onMessage = (s: Session, msg: unknown[]): void => {
    const type = msg[0];
    if (s.state === 'hello') {
      if (type !== HELLO) return abort(s, 'wamp.error.protocol_violation', 'expected HELLO');
      const realm = msg[1];
      const details = (msg[2] ?? {}) as { authmethods?: unknown; authid?: unknown };
      if (realm !== o.realm) return abort(s, 'wamp.error.no_such_realm', `no such realm ${String(realm)}`);
      const methods = Array.isArray(details.authmethods) ? details.authmethods : [];
      if (!methods.includes('wampcra') || details.authid !== o.authid) {
        return abort(s, 'wamp.error.not_authorized', 'WAMP-CRA with the public credentials is required');
      }
      s.challenge = JSON.stringify({
        authid: o.authid,
        authrole: 'user',
        authmethod: 'wampcra',
        authprovider: 'static',
        nonce: o.rng.next().toString(36).slice(2) + o.rng.next().toString(36).slice(2),
        timestamp: new Date().toISOString(),
        session: s.id,
      });
      s.state = 'challenged';
      send(s, [CHALLENGE, 'wampcra', { challenge: s.challenge }]);
      return;
    }
    if (s.state === 'challenged') {
      if (type !== AUTHENTICATE || typeof msg[1] !== 'string')
        return abort(s, 'wamp.error.protocol_violation', 'expected AUTHENTICATE');
      const expected = Buffer.from(craSign(o.secret, s.challenge));
      const given = Buffer.from(msg[1]);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        return abort(s, 'wamp.error.not_authorized', 'invalid signature');
      }
      s.state = 'open';
      send(s, [
        WELCOME,
        s.id,
        {
          authid: o.authid,
          authrole: 'user',
          authmethod: 'wampcra',
          authprovider: 'static',
          roles: { broker: {}, dealer: {} },
        },
      ]);
      return;
    }
    switch (type) {
      case CALL: {
        const req = msg[1];
        const proc = String(msg[3]);
        const args = Array.isArray(msg[4]) ? (msg[4] as unknown[]) : [];
        const fn = o.procedures[proc];
        if (!fn) return send(s, [ERROR, CALL, req, {}, 'wamp.error.no_such_procedure']);
        try {
          send(s, [RESULT, req, {}, [fn(args)]]);
        } catch (e) {
          send(s, [
            ERROR,
            CALL,
            req,
            {},
            'wamp.error.runtime_error',
            [e instanceof Error ? e.message : String(e)],
          ]);
        }
        return;
      }
      case SUBSCRIBE: {
        const req = msg[1];
        const topic = String(msg[3]);
        const subId = nextSub++;
        s.subs.set(subId, topic);
        const m = topicSubs.get(topic) ?? new Map<number, Session>();
        m.set(subId, s);
        topicSubs.set(topic, m);
        return send(s, [SUBSCRIBED, req, subId]);
      }
      case UNSUBSCRIBE: {
        const req = msg[1];
        const subId = Number(msg[2]);
        const topic = s.subs.get(subId);
        if (topic === undefined)
          return send(s, [ERROR, UNSUBSCRIBE, req, {}, 'wamp.error.no_such_subscription']);
        s.subs.delete(subId);
        topicSubs.get(topic)?.delete(subId);
        return send(s, [UNSUBSCRIBED, req]);
      }
      case PUBLISH: {
        const req = msg[1];
        const options = (msg[2] ?? {}) as { acknowledge?: unknown };
        if (options.acknowledge === true) send(s, [ERROR, PUBLISH, req, {}, 'wamp.error.not_authorized']);
        return;
      }
      case REGISTER:
        return send(s, [ERROR, REGISTER, msg[1], {}, 'wamp.error.not_authorized']);
      case GOODBYE:
        send(s, [GOODBYE, {}, 'wamp.close.goodbye_and_out']);
        s.ws.close(1000);
        return;
      default:
        return;
    }
  };

  wss.on('connection', (ws) => {
    const s: Session = {
      ws,
      id: Math.floor(o.rng.next() * 2 ** 52),
      state: 'hello',
      challenge: '',
      subs: new Map(),
    };
    sessions.add(s);
    ws.on('message', (data) => {
      let msg: unknown;
      try {
        msg = JSON.parse(String(data));
      } catch {
        return abort(s, 'wamp.error.protocol_violation', 'invalid JSON');
      }
      if (!Array.isArray(msg)) return abort(s, 'wamp.error.protocol_violation', 'message must be an array');
      onMessage(s, msg);
    });
    ws.on('close', () => {
      dropSubs(s);
      sessions.delete(s);
    });
    ws.on('error', () => ws.terminate());
  });

  return {
    wss,
    publish(topic, args) {
      const subs = topicSubs.get(topic);
      if (!subs || subs.size === 0) return;
      const pubId = nextPub++;
      for (const [subId, s] of subs) if (s.state === 'open') send(s, [EVENT, subId, pubId, {}, args]);
    },
    sessionCount: () => sessions.size,
    close() {
      for (const s of sessions) s.ws.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}
