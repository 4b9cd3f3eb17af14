// The per-rig HTTP request handler for port 80: SPA HTML, OpenAPI document, /api/v1 routing with
// auth, and the network faults (no answer, slow answer, reset mid-reply) applied to every reply.
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type Rig } from '../rig/types';
import { type AuthState, isAuthorized, readCredential } from './auth';
import { type VnishCtx, type VnishEnv } from './context';
import { type Reply, empty, serialize, text } from './reply';
import { findRoute } from './routes';
import { impostorReply } from '../impostors/http';

const SPA_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>AnthillOS</title><link rel="icon" href="/favicon.ico"><script type="module" crossorigin src="/assets/index.js"></script>
</head><body><noscript>AnthillOS requires JavaScript</noscript><div id="app"></div></body></html>
`;

const DOCS_HTML = `<!DOCTYPE html><html><head><title>xminer-api</title></head>
<body><div id="swagger-ui" data-url="/docs/api-doc.json"></div></body></html>
`;

const MAX_BODY = 300 * 1024 * 1024;

export type HandlerDeps = {
  env: VnishEnv;
  authFor(rig: Rig): AuthState;
  held: Set<IncomingMessage['socket']>;
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function vnishReply(
  rig: Rig,
  deps: HandlerDeps,
  req: IncomingMessage,
  body: Buffer,
): Promise<Reply> {
  const url = new URL(req.url ?? '/', 'http://miner');
  const path = url.pathname;
  const method = (req.method ?? 'GET').toUpperCase();
  if (rig.kind !== 'vnish') return impostorReply(rig, method, path);
  if (path === '/docs/api-doc.json') {
    const doc = deps.env.apiDoc(rig.fw.family);
    return doc ? { status: 200, kind: 'binary', body: doc, contentType: 'application/json' } : empty(404);
  }
  if (path === '/docs' || path === '/docs/') return text(DOCS_HTML, 'text/html; charset=utf-8');
  if (!path.startsWith('/api/v1/')) return text(SPA_HTML, 'text/html; charset=utf-8');

  const sub = path.slice('/api/v1'.length).replace(/\/+$/, '') || '/';
  const match = findRoute(method, sub, rig.fw.family, rig.httpQuirks);
  if (match === null) return empty(404);
  if ('methodNotAllowed' in match) return empty(405);
  const auth = deps.authFor(rig);
  const cred = readCredential(req.headers);
  const now = deps.env.now();
  const authorized = isAuthorized(auth, deps.env.authPolicy, cred, rig.apiKeys, now);
  const need = match.route.auth;
  if (need === 'required' && !authorized) return empty(401);
  if (need === 'bearer' && (!authorized || cred?.kind !== 'token')) return empty(401);
  const ctx: VnishCtx = {
    rig,
    env: deps.env,
    auth,
    method,
    path: sub,
    query: url.searchParams,
    headers: req.headers,
    body,
    cred,
    authorized,
    params: match.params,
  };
  return match.route.handler(ctx);
}

export function createVnishHandler(rig: Rig, deps: HandlerDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      const fault = rig.faults.network;
      if (fault === 'no-answer') {
        // Hold the connection open and never answer, like a wedged miner; the farm frees it on stop.
        deps.held.add(req.socket);
        req.socket.once('close', () => deps.held.delete(req.socket));
        req.resume();
        return;
      }
      let reply: Reply;
      try {
        const body = await readBody(req);
        reply = await vnishReply(rig, deps, req, body);
      } catch (e) {
        reply = {
          status: 500,
          kind: 'json',
          body: { err: e instanceof Error ? e.message : 'internal error' },
        };
      }
      const out = serialize(reply);
      if (fault === 'slow' && rig.faults.slowMs > 0)
        await new Promise((r) => setTimeout(r, rig.faults.slowMs));
      if (res.destroyed) return;
      res.writeHead(out.status, out.headers);
      if (fault === 'reset') {
        // Connection reset mid-reply: half the body, then an RST.
        res.write(out.body.subarray(0, Math.floor(out.body.length / 2)));
        setImmediate(() => req.socket.resetAndDestroy());
        return;
      }
      res.end(out.body);
    })();
  };
}
