// @vitest-environment node
// Identification's HTTP over one connection per device, against tiny servers on 127.0.3.2 (port 0): the
// probe's socket carries the first request, keep-alive carries the next, a device that drops or refuses to
// keep a connection gets a fresh one, and replies are read as node:http would present them.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { headerRecord, type HttpLink, httpGet, requestText } from '../../../../electron/discovery/http-get';
import { identify, realIdentifyDeps, toDevice } from '../../../../electron/discovery/identify';
import { unknownIdentity } from '../../../../electron/discovery/fingerprint';
import { DEFAULT_SCAN_OPTIONS, runScan } from '../../../../electron/discovery/scan';
import { targetList } from '../../../../electron/discovery/targets';
import { tcpProbe } from '../../../../electron/discovery/tcp-probe';

const HOST = '127.0.3.2';
const servers: Array<HttpServer | NetServer> = [];
const held = new Set<Socket>();

type Counted = { port: number; connections: number; requests: string[]; closed: number };

function listen(server: HttpServer | NetServer, c?: Counted): Promise<number> {
  servers.push(server);
  server.on('connection', (s: Socket) => {
    held.add(s);
    if (c) c.connections++;
    s.on('close', () => {
      held.delete(s);
      if (c) c.closed++;
    });
  });
  return new Promise((resolve) =>
    server.listen(0, HOST, () => {
      const a = server.address();
      resolve(typeof a === 'object' && a !== null ? a.port : 0);
    }),
  );
}

const INFO = JSON.stringify({
  fw_name: 'Vnish',
  fw_version: '1.3.4',
  miner: 'Antminer L7',
  serial: 'SN7',
  system: { network_status: { mac: '02:c0:4b:00:00:07', hostname: 'rig7' } },
});

/** A white-label AnthillOS build: the same API under another firmware name (docs/vnish.md §6). */
const WHITE_LABEL_INFO = JSON.stringify({ fw_name: 'AcmeOS', fw_version: '2.0.1', miner: 'Antminer L9' });

/**
 * An AnthillOS web server; `close` answers every request with Connection: close; `info` replaces the
 * /api/v1/info body, or with 'stall' never answers it (a web server that serves its page but not its API).
 */
async function anthill(
  o: { close?: boolean; dropFirst?: boolean; info?: string | 'stall' } = {},
): Promise<Counted> {
  const c: Counted = { port: 0, connections: 0, requests: [], closed: 0 };
  const server = createHttpServer((req, res) => {
    c.requests.push(req.url ?? '');
    const head = o.close ? { connection: 'close' } : {};
    if (req.url === '/api/v1/info') {
      if (o.info === 'stall') return;
      res.writeHead(200, { ...head, 'content-type': 'application/json' }).end(o.info ?? INFO);
    } else res.writeHead(200, { ...head, 'content-type': 'text/html' }).end('<title>AnthillOS</title>');
  });
  if (o.dropFirst) {
    // Like a web server that closes idle connections: the first one (the probe's) is gone before any request.
    let first = true;
    server.prependListener('connection', (s: Socket) => {
      if (first) s.destroy();
      first = false;
    });
  }
  c.port = await listen(server, c);
  return c;
}

/** The scan's TCP stage: the open socket, held for identification. */
async function probeHeld(port: number): Promise<Socket> {
  let socket: Socket | null = null;
  const state = await tcpProbe(HOST, port, 1000, undefined, (s) => (socket = s));
  if (state !== 'open' || socket === null) throw new Error(`probe said ${state}`);
  return socket;
}

/** The device saw `n` connections closed (closes reach the server a moment after the client's). */
const closedBy = (c: Counted, n: number): Promise<void> => vi.waitFor(() => expect(c.closed).toBe(n));

let closedPort = 0;
beforeAll(async () => {
  const probe = createNetServer();
  closedPort = await listen(probe);
  await new Promise<void>((r) => probe.close(() => r()));
});

afterAll(async () => {
  for (const s of held) s.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()))));
});

describe('identification over one connection', () => {
  it('asks /api/v1/info on the probe’s socket, and a Vnish answer is the whole identification', async () => {
    const server = await anthill();
    const socket = await probeHeld(server.port);
    const id = await identify(
      { host: HOST, httpPort: server.port, rpcPort: closedPort },
      { http: true, rpc: false },
      realIdentifyDeps,
      { timeoutMs: 3000, maxBytes: 65536, socket },
    );
    expect(id).toEqual({
      kind: 'vnish',
      firmware: 'Vnish',
      version: '1.3.4',
      model: 'Antminer L7',
      mac: '02:C0:4B:00:00:07',
      serial: 'SN7',
      hostname: 'rig7',
      reason: null,
    });
    expect(server.requests).toEqual(['/api/v1/info']);
    expect(server.connections).toBe(1);
    // Identification closes what it used: nothing stays open on the device.
    await closedBy(server, 1);
  });

  it('asks for the page next on the same kept-alive connection when the info reply does not say Vnish', async () => {
    const server = await anthill({ info: WHITE_LABEL_INFO });
    const socket = await probeHeld(server.port);
    const id = await identify(
      { host: HOST, httpPort: server.port, rpcPort: closedPort },
      { http: true, rpc: false },
      realIdentifyDeps,
      { timeoutMs: 3000, maxBytes: 65536, socket },
    );
    // The page says AnthillOS, so the info reply already read counts: its name, version and model.
    expect(id).toMatchObject({ kind: 'vnish', firmware: 'AcmeOS', version: '2.0.1', model: 'Antminer L9' });
    expect(server.requests).toEqual(['/api/v1/info', '/']);
    expect(server.connections).toBe(1);
    await closedBy(server, 1);
  });

  it('still tells an AnthillOS page when the device stalls on /api/v1/info, within one deadline', async () => {
    const server = await anthill({ info: 'stall' });
    const socket = await probeHeld(server.port);
    const id = await identify(
      { host: HOST, httpPort: server.port, rpcPort: closedPort },
      { http: true, rpc: false },
      realIdentifyDeps,
      { timeoutMs: 600, maxBytes: 65536, socket },
    );
    // The info request may use only part of the deadline, so the page is still asked (on a new connection).
    expect(id).toMatchObject({ kind: 'vnish', firmware: 'Vnish', version: null, reason: null });
    expect(server.requests).toEqual(['/api/v1/info', '/']);
    expect(server.connections).toBe(2);
  });

  it('opens a fresh connection when the device does not keep one alive', async () => {
    const server = await anthill({ close: true, info: WHITE_LABEL_INFO });
    const socket = await probeHeld(server.port);
    const id = await identify(
      { host: HOST, httpPort: server.port, rpcPort: closedPort },
      { http: true, rpc: false },
      realIdentifyDeps,
      { timeoutMs: 3000, maxBytes: 65536, socket },
    );
    expect(id).toMatchObject({ kind: 'vnish', firmware: 'AcmeOS', version: '2.0.1' });
    expect(server.requests).toEqual(['/api/v1/info', '/']);
    expect(server.connections).toBe(2);
  });

  it('asks again on a fresh connection when the device dropped the probe’s before any reply', async () => {
    const server = await anthill({ dropFirst: true });
    const socket = await probeHeld(server.port);
    const id = await identify(
      { host: HOST, httpPort: server.port, rpcPort: closedPort },
      { http: true, rpc: false },
      realIdentifyDeps,
      { timeoutMs: 3000, maxBytes: 65536, socket },
    );
    expect(id).toMatchObject({ kind: 'vnish', version: '1.3.4', serial: 'SN7' });
    expect(server.requests).toEqual(['/api/v1/info']);
    expect(server.connections).toBe(2);
  });
});

describe('httpGet replies', () => {
  it('reads a chunked reply after a 100 Continue and keeps the connection in the link', async () => {
    const port = await listen(
      createNetServer((s) => {
        s.once('data', () =>
          s.write(
            'HTTP/1.1 100 Continue\r\n\r\n' +
              'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n' +
              'Location: /x\r\nLocation: /y\r\n\r\n5\r\nAnthi\r\n4\r\nllOS\r\n0\r\n\r\n',
          ),
        );
      }),
    );
    const link: HttpLink = { socket: null };
    const page = await httpGet({ host: HOST, port, path: '/', timeoutMs: 2000, maxBytes: 1000, link });
    expect(page).toEqual({
      status: 200,
      headers: { 'transfer-encoding': 'chunked', 'set-cookie': 'a=1, b=2', location: '/x' },
      body: 'AnthillOS',
    });
    expect(link.socket).not.toBeNull();
    link.socket?.destroy();
  });

  it('reads a reply that runs until close, and keeps nothing', async () => {
    const port = await listen(
      createNetServer((s) => {
        s.once('data', () => s.end('HTTP/1.0 200 OK\r\nServer: tiny\r\n\r\n<title>Miner UI</title>'));
      }),
    );
    const link: HttpLink = { socket: null };
    const page = await httpGet({ host: HOST, port, path: '/', timeoutMs: 2000, maxBytes: 1000, link });
    expect(page).toEqual({ status: 200, headers: { server: 'tiny' }, body: '<title>Miner UI</title>' });
    expect(link.socket).toBeNull();
  });

  it('cuts a long reply at maxBytes without waiting for the rest, and does not reuse its connection', async () => {
    // The device announces 50,000 bytes and sends 200, then nothing: enough is read at 100.
    const port = await listen(
      createNetServer((s) => {
        s.once('data', () => s.write(`HTTP/1.1 200 OK\r\nContent-Length: 50000\r\n\r\n${'a'.repeat(200)}`));
      }),
    );
    const link: HttpLink = { socket: null };
    const page = await httpGet({ host: HOST, port, path: '/', timeoutMs: 2000, maxBytes: 100, link });
    expect(page.body).toBe('a'.repeat(100));
    expect(link.socket).toBeNull();
  });

  it('says so when what comes back is not HTTP', async () => {
    const port = await listen(createNetServer((s) => s.once('data', () => s.end('SSH-2.0-dropbear\r\n'))));
    await expect(
      httpGet({ host: HOST, port, path: '/', timeoutMs: 2000, maxBytes: 100 }),
    ).rejects.toMatchObject({ kind: 'network' });
  });

  it('reports a refused port as a network error', async () => {
    await expect(
      httpGet({ host: HOST, port: closedPort, path: '/', timeoutMs: 2000, maxBytes: 100 }),
    ).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('refuses to send a path that would inject into the request', async () => {
    await expect(
      httpGet({ host: HOST, port: closedPort, path: '/x\r\nX-Evil: 1', timeoutMs: 2000, maxBytes: 100 }),
    ).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('request and header helpers', () => {
  it('writes Host as node:http does', () => {
    expect(requestText('10.0.0.5', 80, '/')).toContain('\r\nHost: 10.0.0.5\r\n');
    expect(requestText('10.0.0.5', 8080, '/')).toContain('\r\nHost: 10.0.0.5:8080\r\n');
    expect(requestText('fe80::1', 80, '/')).toContain('\r\nHost: [fe80::1]\r\n');
    expect(requestText('10.0.0.5', 80, '/a b')).toBeNull();
  });

  it('lower-cases names, joins repeats, and keeps the first of single-valued headers', () => {
    expect(
      headerRecord(['WWW-Authenticate', 'Basic', 'www-authenticate', 'Digest', 'Server', 'a', 'server', 'b']),
    ).toEqual({ 'www-authenticate': 'Basic, Digest', server: 'a' });
  });
});

describe('tcpProbe hand-off', () => {
  it('hands the open socket over instead of closing it, and never for a refused port', async () => {
    const server = await anthill();
    let socket: Socket | null = null;
    expect(await tcpProbe(HOST, server.port, 1000, undefined, (s) => (socket = s))).toBe('open');
    expect(socket).not.toBeNull();
    let refusedHeld = false;
    expect(await tcpProbe(HOST, closedPort, 1000, undefined, () => (refusedHeld = true))).toBe('closed');
    expect(refusedHeld).toBe(false);
    expect((socket as Socket | null)?.readyState).toBe('open');
    (socket as Socket | null)?.destroy();
    await closedBy(server, 1);
  });

  it('the scan closes a held socket that identification did not use', async () => {
    const server = await anthill();
    const seen: Array<Socket | null> = [];
    const summary = await runScan(
      targetList([{ host: HOST, httpPort: server.port, rpcPort: closedPort }]),
      DEFAULT_SCAN_OPTIONS,
      {
        probe: tcpProbe,
        identify: async (_t, _open, _signal, socket) => {
          seen.push(socket);
          return unknownIdentity('not looked at');
        },
        toDevice,
        now: () => 0,
      },
      () => undefined,
      new AbortController().signal,
    );
    expect(summary.found).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toBeNull();
    expect(server.requests).toEqual([]);
    await closedBy(server, 1);
  });
});
