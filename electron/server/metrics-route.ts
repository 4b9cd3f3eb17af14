import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Core } from '../core';
import { renderMetrics } from './metrics';
import type { Access } from './access';
import type { PasswordRecord } from './password';
import type { Sessions } from './sessions';
import type { LoginThrottle } from './throttle';
import type { Verify } from './verify-queue';

type Deps = {
  core: Pick<Core, 'registry' | 'collector'>;
  access: () => Access;
  verify: Verify;
  sessions: Sessions;
  throttle: LoginThrottle;
  now: () => number;
};

/**
 * GET /metrics for Prometheus. With a password set it wants the same password as the UI, as HTTP Basic (any
 * user name; Prometheus' basic_auth) or a session token as Bearer, and failures count against the same throttle.
 */
export function createMetricsRoute(deps: Deps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const access = deps.access();
    if (access.kind === 'locked') {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${access.reason}\n`);
      return;
    }
    if (access.kind === 'password' && !(await allowed(req, res, access.record, deps))) return;
    const { collector, registry } = deps.core;
    const live = new Map(collector.live().map((l) => [l.rigId, l]));
    const body = renderMetrics(registry.list(), live, collector.summary());
    res.writeHead(200, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** A valid session token passes; a Basic password is checked only with an attempt reserved from the throttle. */
async function allowed(req: IncomingMessage, res: ServerResponse, record: PasswordRecord, deps: Deps) {
  const [scheme = '', value = ''] = (req.headers.authorization ?? '').split(' ', 2);
  if (scheme.toLowerCase() === 'bearer' && deps.sessions.valid(value, deps.now())) return true;
  const decoded = scheme.toLowerCase() === 'basic' ? Buffer.from(value, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="RigDeck metrics"' }).end('Password required.\n');
    return false;
  }
  const gate = deps.throttle.begin(req.socket.remoteAddress ?? 'unknown', deps.now());
  if (!gate.allowed) {
    res
      .writeHead(429, { 'Retry-After': String(Math.ceil(gate.retryAfterMs / 1000)) })
      .end('Too many failed logins.\n');
    return false;
  }
  let ok = false;
  try {
    ok = await deps.verify(decoded.slice(colon + 1), record);
  } finally {
    if (ok) gate.attempt.succeeded();
    else gate.attempt.failed(deps.now());
  }
  if (!ok) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="RigDeck metrics"' }).end('Password required.\n');
  }
  return ok;
}
