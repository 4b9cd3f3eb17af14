// @vitest-environment node
// Identification effects against tiny servers on 127.0.3.x: HTTP with bounded reads and deadlines, the
// TCP stage, redirects, and the RPC fingerprint through the real cgminer client.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HttpProbeError, httpGet } from '../../../../electron/discovery/http-get';
import { identify, realIdentifyDeps } from '../../../../electron/discovery/identify';
import { tcpProbe } from '../../../../electron/discovery/tcp-probe';

const HOST = '127.0.3.1';
const servers: Array<HttpServer | NetServer> = [];
const held = new Set<Socket>();

function listen(server: HttpServer | NetServer): Promise<number> {
  servers.push(server);
  server.on('connection', (s: Socket) => {
    held.add(s);
    s.on('close', () => held.delete(s));
  });
  return new Promise((resolve) =>
    server.listen(0, HOST, () => {
      const a = server.address();
      resolve(typeof a === 'object' && a !== null ? a.port : 0);
    }),
  );
}

let anthill = 0;
let endless = 0;
let hanging = 0;
let braiinsRpc = 0;
let closedPort = 0;

beforeAll(async () => {
  anthill = await listen(
    createHttpServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(302, { location: '/index.html' }).end();
      } else if (req.url === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<title>AnthillOS</title>');
      } else if (req.url === '/api/v1/info') {
        res.writeHead(200, { 'content-type': 'application/json' });
        // A white-label build's name: the info reply alone does not settle it, so the page is read too.
        res.end(
          JSON.stringify({ fw_name: 'AcmeOS', fw_version: '1.2.7', miner: 'Antminer L3+', serial: 'S1' }),
        );
      } else res.writeHead(404).end();
    }),
  );
  endless = await listen(
    createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    }),
  );
  hanging = await listen(createHttpServer(() => undefined));
  braiinsRpc = await listen(
    createNetServer((s) => {
      s.once('data', () =>
        s.end('{"STATUS":[{"STATUS":"S","Description":"BOSminer bosminer-plus-tuner 0.2.0"}],"id":1}\0'),
      );
    }),
  );
  const probe = createNetServer();
  closedPort = await listen(probe);
  await new Promise<void>((r) => probe.close(() => r()));
});

afterAll(async () => {
  for (const s of held) s.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((r) => (s.listening ? s.close(() => r()) : r()))));
});

describe('httpGet', () => {
  it('reads at most maxBytes of an endless page and frees the connection', async () => {
    const page = await httpGet({ host: HOST, port: endless, path: '/', timeoutMs: 5000, maxBytes: 1000 });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html');
    expect(page.body).toHaveLength(1000);
  });

  it('gives up at its deadline on a device that accepts and never answers', async () => {
    const err = await httpGet({ host: HOST, port: hanging, path: '/', timeoutMs: 200, maxBytes: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HttpProbeError);
    expect(err).toMatchObject({ kind: 'timeout' });
  });

  it('stops when the scan is cancelled', async () => {
    const c = new AbortController();
    const pending = httpGet({
      host: HOST,
      port: hanging,
      path: '/',
      timeoutMs: 60_000,
      maxBytes: 10,
      signal: c.signal,
    });
    c.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});

describe('tcpProbe', () => {
  it('tells open from refused', async () => {
    expect(await tcpProbe(HOST, anthill, 1000)).toBe('open');
    expect(await tcpProbe(HOST, closedPort, 1000)).toBe('closed');
  });
});

describe('identify', () => {
  it('follows a same-host redirect to the AnthillOS page when /api/v1/info does not name Vnish', async () => {
    const id = await identify(
      { host: HOST, httpPort: anthill, rpcPort: closedPort },
      { http: true, rpc: false },
      realIdentifyDeps,
      { timeoutMs: 3000, maxBytes: 65536 },
    );
    expect(id).toMatchObject({
      kind: 'vnish',
      firmware: 'AcmeOS',
      version: '1.2.7',
      model: 'Antminer L3+',
      serial: 'S1',
    });
  });

  it('asks the RPC through the cgminer client when HTTP is not there', async () => {
    const id = await identify(
      { host: HOST, httpPort: closedPort, rpcPort: braiinsRpc },
      { http: false, rpc: true },
      realIdentifyDeps,
      { timeoutMs: 3000, maxBytes: 65536 },
    );
    expect(id).toMatchObject({ kind: 'unsupported', firmware: 'Braiins OS' });
  });

  it('asks the RPC while the web server is still being read, so a stalled page does not use up the deadline', async () => {
    // HTTP accepts and never answers; the RPC says Braiins OS. Page and RPC are asked together after the info
    // request (half the deadline) timed out, so the RPC still has time to answer.
    const id = await identify(
      { host: HOST, httpPort: hanging, rpcPort: braiinsRpc },
      { http: true, rpc: true },
      realIdentifyDeps,
      { timeoutMs: 600, maxBytes: 65536 },
    );
    expect(id).toMatchObject({ kind: 'unsupported', firmware: 'Braiins OS' });
  });

  it('reports a device that accepts but never answers as unknown, within its deadline', async () => {
    const id = await identify(
      { host: HOST, httpPort: hanging, rpcPort: closedPort },
      { http: true, rpc: false },
      realIdentifyDeps,
      { timeoutMs: 300, maxBytes: 65536 },
    );
    expect(id).toMatchObject({
      kind: 'unknown',
      reason: `Unknown device: port ${hanging} open but HTTP failed (timed out).`,
    });
  });

  it('rejects instead of returning a verdict when cancelled', async () => {
    const c = new AbortController();
    const pending = identify(
      { host: HOST, httpPort: hanging, rpcPort: closedPort },
      { http: true, rpc: false },
      realIdentifyDeps,
      { timeoutMs: 60_000, maxBytes: 65536, signal: c.signal },
    );
    c.abort();
    await expect(pending).rejects.toThrow();
  });
});
