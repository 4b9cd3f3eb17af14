// @vitest-environment node
// The miner HTTP transport (connections.ts + http.ts) on the wire: raw TCP servers on 127.0.0.1 that answer
// byte by byte as odd embedded web servers do (chunked, no length, split packets, closing idle connections,
// stray bytes), so every path of the reply reader and the connection pool is seen from a real socket.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createMinerAgent,
  httpExchange,
  type MinerAgent,
  requestText,
} from '../../../electron/miners/vnish/http';
import { caught } from './replay-server';

type Raw = {
  port: number;
  connections: number;
  requests: string[];
  sockets: Socket[];
};

const servers: Server[] = [];
const agents: MinerAgent[] = [];

afterEach(async () => {
  for (const a of agents.splice(0)) a.destroy();
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((r) => {
          s.close(() => r());
        }),
    ),
  );
});

/** A server that calls `answer` with each complete request head (and the socket to answer on). */
async function raw(answer: (socket: Socket, request: string, index: number) => void): Promise<Raw> {
  const state: Raw = { port: 0, connections: 0, requests: [], sockets: [] };
  const server = createServer((socket) => {
    state.connections += 1;
    state.sockets.push(socket);
    let buffered = '';
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const head = buffered.slice(0, end);
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        const request = buffered.slice(0, end + 4 + length);
        buffered = buffered.slice(end + 4 + length);
        state.requests.push(request);
        answer(socket, request, state.requests.length - 1);
      }
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  state.port = typeof address === 'object' && address !== null ? address.port : 0;
  return state;
}

const ok = (body: string, extra = ''): string =>
  `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

function agent(options: Parameters<typeof createMinerAgent>[0] = {}): MinerAgent {
  const a = createMinerAgent(options);
  agents.push(a);
  return a;
}

const get = (a: MinerAgent, port: number, more: Partial<Parameters<typeof httpExchange>[0]> = {}) =>
  httpExchange({
    agent: a,
    host: '127.0.0.1',
    port,
    method: 'GET',
    path: '/api/v1/summary',
    timeoutMs: 2000,
    maxBytes: 1 << 20,
    ...more,
  });

const text = (r: { body: Buffer }): string => r.body.toString('utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (bounded) for something the agent does on its own time, such as closing an idle connection. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 150 && !done(); i++) await sleep(20);
  expect(done()).toBe(true);
}

describe('miner HTTP transport on the wire', () => {
  it('sends one well-formed request and reuses the connection for the next', async () => {
    const srv = await raw((s) => s.write(ok('{"a":1}')));
    const a = agent();
    for (let i = 0; i < 3; i++) {
      const r = await get(a, srv.port, { headers: { authorization: 'Bearer t0k' } });
      expect(r.status).toBe(200);
      expect(r.contentType).toBe('application/json');
      expect(JSON.parse(text(r))).toEqual({ a: 1 });
    }
    expect(srv.connections).toBe(1);
    expect(srv.requests[0]).toBe(
      `GET /api/v1/summary HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nAccept: application/json\r\n` +
        'authorization: Bearer t0k\r\n\r\n',
    );
  });

  it('POSTs a JSON body with its length, and a bodiless POST says Content-Length: 0', async () => {
    const srv = await raw((s) => s.write(ok('')));
    const a = agent();
    await get(a, srv.port, { method: 'POST', path: '/api/v1/unlock', body: '{"pw":"ädmin"}' });
    await get(a, srv.port, { method: 'POST', path: '/api/v1/mining/stop' });
    expect(Buffer.from(srv.requests[0] ?? '', 'latin1').toString('utf8')).toContain(
      'Content-Type: application/json\r\nContent-Length: 15\r\n\r\n{"pw":"ädmin"}',
    );
    expect(srv.requests[1]).toMatch(
      /^POST \/api\/v1\/mining\/stop HTTP\/1\.1\r\n[\s\S]*Content-Length: 0\r\n\r\n$/,
    );
  });

  it('reads chunked replies, replies split into single bytes, and replies that end when the server closes', async () => {
    const chunked = await raw((s) =>
      s.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{"a"\r\n3\r\n:2}\r\n0\r\n\r\n'),
    );
    const dribble = await raw((s) => {
      const bytes = Buffer.from(ok('{"b":3}'));
      const next = (i: number): void => {
        if (i < bytes.length) s.write(bytes.subarray(i, i + 1), () => setTimeout(() => next(i + 1), 1));
      };
      next(0);
    });
    const untilClose = await raw((s) => s.end('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{"c":4}'));
    const a = agent();
    expect(text(await get(a, chunked.port))).toBe('{"a":2}');
    expect(text(await get(a, dribble.port))).toBe('{"b":3}');
    expect(text(await get(a, untilClose.port))).toBe('{"c":4}');
    // Connection: close is honoured: the next request opens a new connection.
    expect(text(await get(a, untilClose.port))).toBe('{"c":4}');
    expect(untilClose.connections).toBe(2);
  });

  it('skips a provisional 100 reply, and reads 204 as an empty body', async () => {
    const srv = await raw((s, _r, i) =>
      s.write(
        i === 0
          ? 'HTTP/1.1 100 Continue\r\n\r\n' + ok('{"d":5}')
          : 'HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n',
      ),
    );
    const a = agent();
    expect(text(await get(a, srv.port))).toBe('{"d":5}');
    const empty = await get(a, srv.port);
    expect(empty.status).toBe(204);
    expect(empty.body.length).toBe(0);
  });

  it('retries once, on a fresh connection, when the miner dropped the kept-alive one', async () => {
    // Answers the first request, then resets the connection when the second arrives on it.
    const srv = await raw((s, _r, i) => (i === 1 ? s.resetAndDestroy() : s.write(ok('{"e":6}'))));
    const a = agent();
    expect(text(await get(a, srv.port))).toBe('{"e":6}');
    expect(text(await get(a, srv.port))).toBe('{"e":6}');
    expect(srv.connections).toBe(2);
    expect(srv.requests).toHaveLength(3);
  });

  it('a miner that closes a fresh connection without a reply is unreachable, not retried forever', async () => {
    const srv = await raw((s) => s.destroy());
    const e = await caught(get(agent(), srv.port));
    expect(e.code).toBe('unreachable');
    expect(srv.requests).toHaveLength(1);
  });

  it('refuses a malformed reply, a reply cut short, and one larger than allowed', async () => {
    const garbage = await raw((s) => s.write('SSH-2.0-dropbear\r\n\r\n'));
    const cut = await raw((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"partial'));
    const huge = await raw((s) =>
      s.write(
        `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n${'x'.repeat(0x800)}\r\n0\r\n\r\n`,
      ),
    );
    const a = agent();
    expect((await caught(get(a, garbage.port))).code).toBe('bad_reply');
    const e = await caught(get(a, cut.port));
    expect(e.code).toBe('unreachable');
    expect(e.message).toContain('mid-reply');
    expect((await caught(get(a, huge.port, { maxBytes: 1000 }))).message).toContain('larger than 1000 bytes');
  });

  it('drops a connection that sends bytes nobody asked for, and the next request still works', async () => {
    const srv = await raw((s) => {
      s.write(ok('{"f":7}'));
      setTimeout(() => s.write('HTTP/1.1 200 OK\r\n'), 20);
    });
    const a = agent();
    expect(text(await get(a, srv.port))).toBe('{"f":7}');
    await new Promise((r) => setTimeout(r, 80));
    expect(a.openCount()).toBe(0);
    expect(text(await get(a, srv.port))).toBe('{"f":7}');
    expect(srv.connections).toBe(2);
  });

  it('brackets an IPv6 host in the Host header', () => {
    const base = {
      agent: agent(),
      port: 80,
      method: 'GET',
      path: '/api/v1/info',
      timeoutMs: 1,
      maxBytes: 1,
    } as const;
    expect(requestText({ ...base, host: '::1' })).toContain('\r\nHost: [::1]:80\r\n');
    expect(requestText({ ...base, host: '127.0.0.1' })).toContain('\r\nHost: 127.0.0.1:80\r\n');
  });

  it('never sends a header or path with a line break (a hostile token cannot inject headers)', async () => {
    const srv = await raw((s) => s.write(ok('{}')));
    const a = agent();
    const e = await caught(get(a, srv.port, { headers: { authorization: 'Bearer x\r\nX-Evil: 1' } }));
    expect(e.code).toBe('bad_reply');
    expect((await caught(get(a, srv.port, { path: '/a b' }))).code).toBe('bad_reply');
    expect(srv.connections).toBe(0);
  });

  it('bounds connections per miner; a request that times out while waiting is never sent', async () => {
    const held: Socket[] = [];
    const srv = await raw((s, r) => (r.includes('/slow') ? held.push(s) : s.write(ok('{}'))));
    const a = agent({ maxSocketsPerHost: 1 });
    const slow = get(a, srv.port, { path: '/slow', timeoutMs: 300 });
    const waiting = get(a, srv.port, { path: '/queued', timeoutMs: 100 });
    expect((await caught(waiting)).code).toBe('timeout');
    expect((await caught(slow)).code).toBe('timeout');
    await new Promise((r) => setTimeout(r, 50));
    expect(srv.requests.some((r) => r.includes('/queued'))).toBe(false);
    expect(text(await get(a, srv.port))).toBe('{}');
  });

  it('an AbortSignal ends a request in flight and closes its connection', async () => {
    const srv = await raw(() => undefined);
    const a = agent();
    const controller = new AbortController();
    const pending = get(a, srv.port, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 30));
    controller.abort();
    expect((await caught(pending)).code).toBe('aborted');
    expect(a.openCount()).toBe(0);
  });

  it('closes idle connections after the idle timeout, and on destroy() while staying usable', async () => {
    const srv = await raw((s) => s.write(ok('{}')));
    const a = agent({ idleTimeoutMs: 50 });
    await get(a, srv.port);
    expect(a.openCount()).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(a.openCount()).toBe(0);
    await get(a, srv.port);
    a.destroy();
    expect(a.openCount()).toBe(0);
    expect(text(await get(a, srv.port))).toBe('{}');
    expect(srv.connections).toBe(3);
  });

  it('honours a miner that says it keeps idle connections longer, and one that keeps none', async () => {
    const long = await raw((s) => s.write(ok('{}', 'Keep-Alive: timeout=30\r\n')));
    const none = await raw((s) => s.write(ok('{}', 'Keep-Alive: timeout=0\r\n')));
    const unreadable = await raw((s) => s.write(ok('{}', 'Keep-Alive: timeout=soon\r\n')));
    const a = agent({ idleTimeoutMs: 50 });
    await get(a, long.port);
    await get(a, none.port);
    // timeout=0: closed right after the reply, never kept.
    expect(a.openCount()).toBe(1);
    await get(a, unreadable.port);
    await sleep(200);
    // Kept past the agent's own 50 ms (timeout=30), while the unreadable one fell back to it.
    expect(a.openCount()).toBe(1);
    await get(a, long.port);
    expect(long.connections).toBe(1);
  });

  it('asks a miner whose kept connection went unused to close after each reply, and keeps again when asked soon', async () => {
    // A miner that keeps idle connections 1 s and honours Connection: close.
    const srv = await raw((s, r) => {
      if (/\r\nConnection: close\r\n/i.test(r)) s.end(ok('{}', 'Connection: close\r\n'));
      else s.write(ok('{}', 'Keep-Alive: timeout=1\r\n'));
    });
    const a = agent({ idleTimeoutMs: 50 });
    await get(a, srv.port);
    expect(a.openCount()).toBe(1);
    await until(() => a.openCount() === 0);
    // The kept one went unused: the next request asks for a close, and nothing is left open after it.
    expect(text(await get(a, srv.port))).toBe('{}');
    expect(srv.requests[1]).toMatch(/\r\nConnection: close\r\n\r\n$/);
    expect(a.openCount()).toBe(0);
    // A request right after that close: a kept connection would have served it, so this one is kept again.
    await get(a, srv.port);
    expect(srv.requests[2]).not.toMatch(/Connection: close/i);
    expect(a.openCount()).toBe(1);
    await get(a, srv.port);
    expect(srv.connections).toBe(3);
    expect(srv.requests).toHaveLength(4);
  });

  it('a miner that closes an idle connection early costs no failed request, and is not kept for again', async () => {
    const srv = await raw((s, r) => {
      s.write(ok('{}'));
      // Says nothing of Connection: close, then drops the connection while idle.
      if (!/Connection: close/i.test(r)) setTimeout(() => s.end(), 10);
    });
    const a = agent();
    await get(a, srv.port);
    await until(() => a.openCount() === 0);
    expect(text(await get(a, srv.port))).toBe('{}');
    expect(srv.requests[1]).toMatch(/\r\nConnection: close\r\n/);
    expect(srv.connections).toBe(2);
  });

  it('keeps one idle connection per miner however many miners there are (no fleet-wide cap)', async () => {
    const fleet = await Promise.all(Array.from({ length: 600 }, () => raw((s) => s.write(ok('{}')))));
    const a = agent();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < fleet.length; i += 64) {
        await Promise.all(fleet.slice(i, i + 64).map((m) => get(a, m.port)));
      }
    }
    expect(fleet.reduce((n, m) => n + m.connections, 0)).toBe(600);
    expect(a.openCount()).toBe(600);
  });
});
