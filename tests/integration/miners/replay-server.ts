// @vitest-environment node
// A scripted HTTP server on 127.0.0.1 for the Vnish client tests: routes by "METHOD /path", records
// every request (and its Authorization header) and counts TCP connections, so keep-alive is visible.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { MinerError } from '../../../electron/miners/errors';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
export type Fake = {
  port: number;
  connections: number;
  seen: Array<{ method: string; url: string; auth: string | undefined }>;
};

const servers: Server[] = [];

export async function closeAll(): Promise<void> {
  await Promise.all(
    servers.splice(0).map((s) => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r())))),
  );
}

export async function fake(routes: Record<string, Handler>): Promise<Fake> {
  const state: Fake = { port: 0, connections: 0, seen: [] };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = req.url ?? '';
      state.seen.push({ method: req.method ?? '', url, auth: req.headers.authorization });
      const handler = routes[`${req.method ?? ''} ${url}`];
      if (handler) handler(req, res, body);
      else json(res, 404, { err: 'not found' });
    });
  });
  server.keepAliveTimeout = 10_000;
  server.on('connection', () => (state.connections += 1));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  state.port = typeof address === 'object' && address ? address.port : 0;
  return state;
}

export function json(res: ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export const TOKEN = 'OwpWakIHG7ZE7xg7MGd6uL6UWOMeIzgW';
export const unlockOk: Handler = (_q, res, body) =>
  (JSON.parse(body) as { pw: string }).pw === 'admin' ? json(res, 200, { token: TOKEN }) : json(res, 403, {});
export const needsToken =
  (inner: Handler): Handler =>
  (req, res, body) =>
    req.headers.authorization === `Bearer ${TOKEN}` ? inner(req, res, body) : res.writeHead(401).end();

export async function caught(p: Promise<unknown>): Promise<MinerError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MinerError) return e;
    throw e;
  }
  throw new Error('expected a MinerError');
}
