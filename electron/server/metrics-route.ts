import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Core } from '../core';
import { renderMetrics } from './metrics';
import { type PasswordRecord, verifyPassword } from './password';
import type { Sessions } from './sessions';
import type { LoginThrottle } from './throttle';

type Deps = {
  core: Pick<Core, 'registry' | 'collector'>;
  password: () => PasswordRecord | null;
  sessions: Sessions;
  throttle: LoginThrottle;
  now: () => number;
  log: Pick<Console, 'warn'>;
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
    const record = deps.password();
    if (record !== null) {
      const peer = req.socket.remoteAddress ?? 'unknown';
      const gate = deps.throttle.check(peer, deps.now());
      if (!gate.allowed) {
        res
          .writeHead(429, { 'Retry-After': String(Math.ceil(gate.retryAfterMs / 1000)) })
          .end('Too many failed logins.\n');
        return;
      }
      if (!(await authorized(req.headers.authorization, record, deps))) {
        deps.throttle.fail(peer, deps.now());
        res
          .writeHead(401, { 'WWW-Authenticate': 'Basic realm="RigDeck metrics"' })
          .end('Password required.\n');
        return;
      }
      deps.throttle.succeed(peer);
    }
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

async function authorized(header: string | undefined, record: PasswordRecord, deps: Deps): Promise<boolean> {
  if (!header) return false;
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return deps.sessions.valid(value, deps.now());
  if (scheme?.toLowerCase() !== 'basic') return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 && verifyPassword(decoded.slice(colon + 1), record);
}
