import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

import { resolveStaticPath } from '../security/static-path';
import { acceptsGzip } from './accept-encoding';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json']);

/** Source maps are for a developer's own machine (vite dev server); the served UI never hands them out. */
const NEVER_SERVED = new Set(['.map']);

/** Same policy as the meta tag in renderer/index.html, plus what only a header can say (frame-ancestors). */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Serves the built renderer. Unknown paths without an extension get index.html so deep links survive reload.
 * Each file is read once and kept in memory with its gzip form (the bundle is small and fixed), and sent whole
 * in one write, gzipped to a browser that accepts it: the first load is about a third of the bytes, which a
 * farm's Wi-Fi feels (ui_first_data_ms). A file that changed on disk (a rebuild) is read again.
 */
export function createStaticHandler(root: string) {
  const cache = new Map<string, Cached>();
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    const path = resolveStaticPath(root, req.url ?? '/');
    if (path === null) {
      res.writeHead(400, SECURITY_HEADERS).end('Bad path');
      return;
    }
    const file = NEVER_SERVED.has(extname(path)) ? null : pickFile(root, path);
    if (file === null) {
      res
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS })
        .end('Not found');
      return;
    }
    const content = cached(cache, file);
    const type = TYPES[extname(file.path)] ?? 'application/octet-stream';
    // Built assets carry a content hash in their name, so they may be cached; index.html must not be.
    const cacheControl = file.path.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
    const gzip = acceptsGzip(req.headers['accept-encoding']) ? content.gzip : null;
    const body = gzip ?? content.body;
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': cacheControl,
      ...(content.gzip !== null ? { Vary: 'Accept-Encoding' } : {}),
      ...(gzip !== null ? { 'Content-Encoding': 'gzip' } : {}),
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

type FileRef = { path: string; size: number; mtimeMs: number };
type Cached = { size: number; mtimeMs: number; body: Buffer; gzip: Buffer | null };

function cached(cache: Map<string, Cached>, file: FileRef): Cached {
  const hit = cache.get(file.path);
  if (hit && hit.size === file.size && hit.mtimeMs === file.mtimeMs) return hit;
  const body = readFileSync(file.path);
  const gz = COMPRESSIBLE.has(extname(file.path)) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null;
  const entry = {
    size: file.size,
    mtimeMs: file.mtimeMs,
    body,
    gzip: gz && gz.length < body.length ? gz : null,
  };
  cache.set(file.path, entry);
  return entry;
}

function pickFile(root: string, path: string): FileRef | null {
  const hit = fileStat(path);
  if (hit !== null) return { path, ...hit };
  if (extname(path) === '') {
    const index = resolve(root, 'index.html');
    const stat = fileStat(index);
    if (stat !== null) return { path: index, ...stat };
  }
  return null;
}

function fileStat(path: string): { size: number; mtimeMs: number } | null {
  try {
    const s = statSync(path);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}
