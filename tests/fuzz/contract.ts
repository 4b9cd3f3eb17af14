/**
 * Contract messages on the headless face's WebSocket: text frames (and the odd binary one) built from the wire
 * protocol (calls to real method names with generated params, logins, logouts) and mutated, fed to the server's
 * own message handling (server/socket.ts over contract/dispatch.ts, every method's request schema). Handlers
 * are recorders, so nothing real runs. Oracle: every reply the server sends passes serverMessageSchema, each
 * message gets exactly the replies the protocol promises, and a handler only ever sees requests its schema
 * accepts.
 */
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { type WebSocket } from 'ws';

import { type Handlers, methodNames, methods, type MethodName } from '../../shared/contract';
import { clientMessageSchema, serverMessageSchema, type ServerMessage } from '../../shared/wire';
import { createDispatcher } from '../../electron/contract/dispatch';
import { type PasswordRecord } from '../../electron/server/password';
import { createSessions } from '../../electron/server/sessions';
import { handleConnection } from '../../electron/server/socket';
import { createLoginThrottle } from '../../electron/server/throttle';
import { quietLog } from '../helpers/core';
import { type Family, OracleViolation, type Outcome } from './family';
import { mutatedText, mutatedValue } from './mutations';

const RECORD: PasswordRecord = {
  algorithm: 'scrypt',
  N: 2,
  r: 1,
  p: 1,
  salt: 's'.repeat(16),
  hash: 'h'.repeat(16),
};
const PASSWORD = 'correct horse';

/** The part of ws.WebSocket that handleConnection uses, recording what it sends. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  readonly sent: string[] = [];
  send(text: string): void {
    this.sent.push(text);
  }
}

function recordingHandlers(seen: Array<{ method: MethodName; req: unknown }>): Handlers {
  const entries = methodNames.map((method) => [
    method,
    async (req: unknown) => {
      seen.push({ method, req });
      return null;
    },
  ]);
  return Object.fromEntries(entries) as Handlers;
}

export type ContractInput = { auth: boolean; binary: boolean; text: string };

const id = fc.oneof(fc.integer(), fc.string({ maxLength: 70 }), fc.constantFrom(null, 1.5, [], {}));
const params = fc.oneof(
  fc.constant(undefined),
  fc.constant({}),
  mutatedValue(fc.constant({ rigIds: ['r1'], scope: 'all', limit: 10, sinceMs: 0, range: '24h' })),
  fc.anything({ maxDepth: 2 }),
);
const call = fc.record(
  {
    type: fc.constant('call'),
    id,
    method: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...methodNames) },
      fc.string({ maxLength: 140 }),
    ),
    params,
  },
  { requiredKeys: ['type', 'id', 'method'] },
);
const login = fc.record(
  {
    type: fc.constant('login'),
    password: fc.oneof(fc.constant(PASSWORD), fc.string({ maxLength: 1100 })),
    token: fc.string({ maxLength: 300 }),
  },
  { requiredKeys: ['type'] },
);
const message = fc.oneof({ weight: 6, arbitrary: call }, login, fc.constant({ type: 'logout' }));
const text = mutatedText(mutatedValue(message).map((v) => JSON.stringify(v) ?? 'null'));

/** The one message the protocol answers with silence. */
function isLogoutMessage(text: string): boolean {
  try {
    const parsed = clientMessageSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.type === 'logout';
  } catch {
    return false;
  }
}

async function checkContract(input: ContractInput): Promise<Outcome> {
  const seen: Array<{ method: MethodName; req: unknown }> = [];
  const ws = new FakeSocket();
  handleConnection(ws as unknown as WebSocket, '127.0.0.1', {
    core: {
      dispatch: createDispatcher(recordingHandlers(seen), quietLog),
      info: {
        name: 'RigDeck',
        version: '0.0.0',
        face: 'headless',
        dataDir: '',
        platform: 'linux',
        startedAt: 0,
      },
    },
    access: () => (input.auth ? { kind: 'password', record: RECORD } : { kind: 'open' }),
    verify: async (password) => password === PASSWORD,
    loggedOut: () => undefined,
    sessions: createSessions(),
    throttle: createLoginThrottle(),
    now: () => 0,
  });
  ws.emit('message', Buffer.from(input.text, 'utf8'), input.binary);
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));

  const replies: ServerMessage[] = ws.sent.map((raw) => {
    const parsed = serverMessageSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) throw new OracleViolation(`server sent an invalid message: ${raw.slice(0, 200)}`);
    return parsed.data;
  });
  const [hello, ...rest] = replies;
  if (hello?.type !== 'hello') throw new OracleViolation('the first message was not hello');
  for (const { method, req } of seen) {
    if (!methods[method].req.safeParse(req).success) {
      throw new OracleViolation(`${method} handler saw a request its schema refuses`);
    }
  }
  const isLogout = !input.binary && isLogoutMessage(input.text);
  if (rest.length !== (isLogout ? 0 : 1)) {
    throw new OracleViolation(`expected one reply, got ${rest.length}`);
  }
  const reply = rest[0];
  return reply === undefined || reply.type === 'result' || reply.type === 'login.ok'
    ? 'valid'
    : 'typed_error';
}

export function contractFamily(): Family<ContractInput> {
  return {
    name: 'contract',
    about: 'WebSocket contract messages (calls, logins, logouts) mutated, through socket.ts and dispatch.ts',
    arb: fc.record({
      auth: fc.boolean(),
      binary: fc.oneof({ weight: 20, arbitrary: fc.constant(false) }, fc.constant(true)),
      text,
    }),
    check: checkContract,
  };
}
