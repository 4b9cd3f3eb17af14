/**
 * The headless face: the built renderer over HTTP and the contract over one WebSocket (`/ws`), on a port of its
 * own. It binds loopback unless told otherwise, and refuses to listen anywhere else without a password.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebSocketServer } from 'ws';

import { MAX_MESSAGE_BYTES } from '../../shared/wire';
import type { Core } from '../core';
import { createMetricsRoute } from './metrics-route';
import { isAllowedOrigin, isLoopbackHost } from './network';
import { type PasswordRecord, readPasswordRecord, verifyPassword } from './password';
import { createSessions } from './sessions';
import { type Connection, handleConnection } from './socket';
import { createStaticHandler } from './static';
import { type LoginThrottle, createLoginThrottle } from './throttle';

export const DEFAULT_PORT = 4280;
export const DEFAULT_HOST = '127.0.0.1';

export type ServerOptions = {
  core: Core;
  host: string;
  port: number;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  allowedOrigins?: readonly string[];
  /** Serve Prometheus metrics at /metrics (off by default); behind the password when one is set. */
  metrics?: boolean;
  throttle?: LoginThrottle;
  now?: () => number;
  log?: Pick<Console, 'info' | 'warn' | 'error'>;
};

export type RunningServer = { url: string; port: number; host: string; close(): Promise<void> };

export class ServerConfigError extends Error {}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core, host } = options;
  const log = options.log ?? console;
  const now = options.now ?? Date.now;
  const password = (): PasswordRecord | null => readPasswordRecord(core.info.dataDir);

  if (!isLoopbackHost(host) && password() === null) {
    throw new ServerConfigError(
      `Refusing to listen on ${host} without a password: anyone on the network could control the rigs. ` +
        'Set one with "npm run rigdeck -- passwd" first.',
    );
  }

  const serveStatic = createStaticHandler(options.staticDir);
  const sessions = createSessions();
  const throttle = options.throttle ?? createLoginThrottle();
  const metrics = options.metrics
    ? createMetricsRoute({ core, password, sessions, throttle, now, log })
    : null;
  const http = createServer((req, res) => {
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
  const connections = new Set<Connection>();

  http.on('upgrade', (req, socket, head) => {
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
    wss.handleUpgrade(req, socket, head, (ws) => {
      const peer = req.socket.remoteAddress ?? 'unknown';
      let record: PasswordRecord | null;
      try {
        record = password();
      } catch (err) {
        log.error(`[rigdeck] ${String(err)}`);
        ws.close(1011, 'Server password file is damaged');
        return;
      }
      const conn = handleConnection(ws, peer, {
        core,
        password: () => record,
        verify: verifyPassword,
        sessions,
        throttle,
        now,
      });
      connections.add(conn);
      ws.on('close', () => connections.delete(conn));
      ws.on('error', (err) => log.warn(`[rigdeck] socket error from ${peer}: ${err.message}`));
    });
  });

  const unsubscribe = core.events.subscribe((event, payload) => {
    for (const conn of connections) conn.deliver(event, payload);
  });

  await listen(http, options.port, host);
  const port = (http.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    host,
    async close() {
      unsubscribe();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
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
