/**
 * The headless face: the built renderer over HTTP and the contract over one WebSocket (`/ws`), on a port of its
 * own. It binds loopback unless told otherwise, and refuses to listen anywhere else without a password (and,
 * once running, to serve anyone there if the password is cleared). Requests naming a Host it does not serve are
 * refused before anything else (DNS rebinding).
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebSocketServer } from 'ws';

import { MAX_MESSAGE_BYTES } from '../../shared/wire';
import type { Logger } from '../contract/dispatch';
import type { EventBus } from '../contract/events';
import type { Core } from '../core';
import { type Access, accessFor } from './access';
import { createMetricsRoute } from './metrics-route';
import { isAllowedOrigin, isLoopbackHost, isServedHost } from './network';
import { readPasswordRecord, verifyPassword } from './password';
import { createSessions } from './sessions';
import { type Connection, handleConnection } from './socket';
import { createStaticHandler } from './static';
import { type LoginThrottle, createLoginThrottle } from './throttle';
import { type Verify, boundedVerify } from './verify-queue';

export const DEFAULT_PORT = 4280;
export const DEFAULT_HOST = '127.0.0.1';

export type ServerOptions = {
  core: Core;
  host: string;
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  allowedOrigins?: readonly string[];
  /** Host names (besides loopback and the listen address) browsers may use to reach us: --allow-host. */
  allowedHosts?: readonly string[];
  /** Serve Prometheus metrics at /metrics (off by default); behind the password when one is set. */
  metrics?: boolean;
  throttle?: LoginThrottle;
  /** The password check (scrypt); the server runs it with bounded concurrency. Tests count calls through it. */
  verify?: Verify;
  now?: () => number;
  log?: Logger;
};

export type RunningServer = { url: string; port: number; host: string; close(): Promise<void> };

export class ServerConfigError extends Error {}

const MISDIRECTED =
  'This RigDeck server does not answer to that host name. Use its address, or start it with --allow-host NAME.\n';

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core, host } = options;
  const log = options.log ?? console;
  const now = options.now ?? Date.now;
  // Read per connection and login: a password set, changed or cleared with "passwd" applies without a restart.
  const access = (): Access => {
    try {
      return accessFor(host, readPasswordRecord(core.info.dataDir));
    } catch (err) {
      // A damaged password file locks the server; failing open would expose the farm.
      return { kind: 'locked', reason: err instanceof Error ? err.message : String(err) };
    }
  };

  if (!isLoopbackHost(host) && readPasswordRecord(core.info.dataDir) === null) {
    throw new ServerConfigError(
      `Refusing to listen on ${host} without a password: anyone on the network could control the rigs. ` +
        'Set one with "npm run rigdeck -- passwd" first.',
    );
  }

  const serveStatic = createStaticHandler(options.staticDir);
  const sessions = createSessions();
  const throttle = options.throttle ?? createLoginThrottle();
  const verify = boundedVerify(options.verify ?? verifyPassword);
  const served = { listenHost: host, allowed: options.allowedHosts ?? [] };
  const metrics = options.metrics
    ? createMetricsRoute({ core, access, verify, sessions, throttle, now })
    : null;
  const http = createServer((req, res) => {
    if (!isServedHost(req.headers.host, req.socket.localAddress, served)) {
      log.warn(`[rigdeck] refused ${req.socket.remoteAddress} for Host ${req.headers.host ?? '-'}`);
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end(MISDIRECTED);
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    if (path === '/metrics' && metrics) {
      void metrics(req, res);
      return;
    }
    serveStatic(req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const connections = createConnections(core.events);

  http.on('upgrade', (req, socket, head) => {
    if (!isServedHost(req.headers.host, req.socket.localAddress, served)) {
      log.warn(
        `[rigdeck] refused WebSocket from ${req.socket.remoteAddress} for Host ${req.headers.host ?? '-'}`,
      );
      socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const path = (req.url ?? '').split('?')[0];
    if (
      path !== '/ws' ||
      !isAllowedOrigin(req.headers.origin, req.headers.host, options.allowedOrigins ?? [])
    ) {
      log.warn(
        `[rigdeck] refused WebSocket from ${req.socket.remoteAddress} origin=${req.headers.origin ?? '-'}`,
      );
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const current = access();
    if (current.kind === 'locked') {
      log.error(`[rigdeck] refused WebSocket from ${req.socket.remoteAddress}: ${current.reason}`);
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const peer = req.socket.remoteAddress ?? 'unknown';
      const conn = handleConnection(ws, peer, {
        core,
        access,
        verify,
        sessions,
        throttle,
        now,
        loggedOut: (token) => {
          sessions.revoke(token);
          for (const c of connections) c.revoked(token);
        },
      });
      connections.add(conn);
      ws.on('close', () => connections.delete(conn));
      ws.on('error', (err) => log.warn(`[rigdeck] socket error from ${peer}: ${err.message}`));
    });
  });

  await listen(http, options.port, host);
  const port = (http.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    host,
    async close() {
      connections.close();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

/**
 * The open browser connections, and the event bus relayed to them. The bus is listened to only while one is
 * open: with none, it skips checking events for nobody.
 */
function createConnections(events: Pick<EventBus, 'subscribe'>) {
  const open = new Set<Connection>();
  let listening: (() => void) | null = null;
  const close = (): void => {
    listening?.();
    listening = null;
  };
  return {
    add(conn: Connection): void {
      open.add(conn);
      listening ??= events.subscribe((event, payload) => {
        for (const c of open) c.deliver(event, payload);
      });
    },
    delete(conn: Connection): void {
      open.delete(conn);
      if (open.size === 0) close();
    },
    [Symbol.iterator]: () => open.values(),
    close,
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
