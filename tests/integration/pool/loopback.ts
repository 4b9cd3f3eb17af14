// @vitest-environment node
// Small loopback servers for the pool tests: a TCP proxy that can cut every connection (the fake has no
// "drop WebSocket connections" knob), and a REST server that replays reference payloads and odd replies
// the fake cannot produce on demand (HTML with HTTP 200, 429, no envelope code, a stall).
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server, type Socket, connect } from 'node:net';

export type Proxy = { port: number; drop(): void; open(): number; close(): Promise<void> };

export async function tcpProxy(targetPort: number): Promise<Proxy> {
  const pairs = new Set<[Socket, Socket]>();
  const server: Server = createServer((client) => {
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream).pipe(client);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, r));
  const drop = (): void => {
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
  };
  return {
    port: (server.address() as AddressInfo).port,
    drop,
    open: () => pairs.size,
    close: () =>
      new Promise<void>((r) => {
        drop();
        server.close(() => r());
      }),
  };
}

export type Canned = { status?: number; headers?: Record<string, string>; body?: string; stall?: boolean };
export type Replay = {
  url: string;
  set(path: string, reply: Canned): void;
  requests: string[];
  close(): Promise<void>;
};

export async function replayServer(): Promise<Replay> {
  const replies = new Map<string, Canned>();
  const requests: string[] = [];
  const server: HttpServer = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const r = replies.get(url.pathname);
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such path');
      return;
    }
    if (r.stall) return;
    res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers }).end(r.body ?? '');
  });
  await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set: (path, reply) => replies.set(path, reply),
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
