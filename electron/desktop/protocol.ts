import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

import type { Protocol } from 'electron';

import { APP_HOST, APP_SCHEME } from '../security/navigation';
import { resolveStaticPath } from '../security/static-path';
import { CSP } from '../server/static';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

/** Must run before app ready: app:// gets the privileges of a secure, standard origin (fetch, storage). */
export const appSchemePrivileges = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

/**
 * Serves the renderer bundle from app://rigdeck/ instead of file:// (Electron security checklist #18): only GET,
 * only our host, and never a path outside the bundle.
 */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.host !== APP_HOST) return new Response('Forbidden', { status: 403 });
    const path = resolveStaticPath(rendererDir, url.pathname);
    if (path === null) return new Response('Bad path', { status: 400 });
    try {
      const body = await readFile(path);
      return new Response(body, {
        headers: {
          'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
          'Content-Security-Policy': CSP,
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
