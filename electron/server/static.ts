import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

import { resolveStaticPath } from '../security/static-path';

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

/** Serves the built renderer. Unknown paths without an extension get index.html so deep links survive reload. */
export function createStaticHandler(root: string) {
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
    const type = TYPES[extname(file.path)] ?? 'application/octet-stream';
    // Built assets carry a content hash in their name, so they may be cached; index.html must not be.
    const cache = file.path.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': file.size,
      'Cache-Control': cache,
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file.path).pipe(res);
  };
}

function pickFile(root: string, path: string): { path: string; size: number } | null {
  const hit = fileStat(path);
  if (hit !== null) return { path, size: hit };
  if (extname(path) === '') {
    const index = resolve(root, 'index.html');
    const size = fileStat(index);
    if (size !== null) return { path: index, size };
  }
  return null;
}

function fileStat(path: string): number | null {
  try {
    const s = statSync(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}
