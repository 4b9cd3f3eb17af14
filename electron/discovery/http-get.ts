/**
 * HTTP GET for identification, over a raw socket read by the collector's reply reader (http-reply.ts; see
 * miners/vnish/connections.ts for why not node:http): a deadline over the whole exchange, and at most
 * `maxBytes` of the body read, so a device that streams forever or answers with a huge page cannot stall or
 * bloat a scan.
 *
 * Identification asks one web server up to three pages in a row (`/api/v1/info`, then, for what is not plainly
 * Vnish, `/` and maybe a redirect), and the scan has just connected to it to see the port open. An `HttpLink`
 * carries that connection from request to request (HTTP/1.1 keep-alive), so a whole identification is one TCP
 * connection instead of three: fewer connects for the scanner and, on a real LAN, for the miner's small web
 * server. A device that closes an idle connection is asked again on a fresh one, once, within the same deadline.
 */
import { Socket } from 'node:net';

import { exchange, type Done, type HttpPage, HttpProbeError } from './http-reply';

export { headerRecord, type HttpPage, HttpProbeError } from './http-reply';

/**
 * One device's idle web connection between requests, or null. A socket put here always carries a no-op
 * 'error' listener, so an idle connection the device resets costs nothing until the next request tries it.
 */
export type HttpLink = { socket: Socket | null };

export type HttpGetRequest = {
  host: string;
  port: number;
  path: string;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  /** Send over this connection when it is open, and leave the connection here after a keep-alive reply. */
  link?: HttpLink;
};

export type HttpGet = (req: HttpGetRequest) => Promise<HttpPage>;

/** For sockets that outlive an exchange: their failure shows on the next use, never as an uncaught error. */
export const quiet = (): void => undefined;

// What may not appear in a request line: a redirect from a hostile device must not inject headers.
const UNSAFE = /[\r\n\0 ]/;

/** The request as sent, or null when the path could inject into it. Host as node:http writes it. */
export function requestText(host: string, port: number, path: string): string | null {
  if (UNSAFE.test(path) || UNSAFE.test(host)) return null;
  const name = host.includes(':') ? `[${host}]` : host;
  const hostHeader = port === 80 ? name : `${name}:${port}`;
  return `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nAccept: text/html,application/json;q=0.9,*/*;q=0.5\r\n\r\n`;
}

/** The link's idle connection when it can still carry a request; the link is emptied either way. */
function takeLinked(link: HttpLink | undefined): Socket | null {
  const socket = link?.socket ?? null;
  if (link) link.socket = null;
  if (socket === null) return null;
  if (socket.destroyed || socket.readyState !== 'open') {
    socket.destroy();
    return null;
  }
  return socket;
}

function done(result: Done, socket: Socket, link: HttpLink | undefined): HttpPage {
  if (result.keep && link) link.socket = socket;
  else if (result.keep) socket.destroy();
  return result.page;
}

export const httpGet: HttpGet = async (req) => {
  const what = `GET http://${req.host}:${req.port}${req.path}`;
  if (req.signal?.aborted) throw new HttpProbeError('aborted', `${what}: aborted`);
  const text = requestText(req.host, req.port, req.path);
  if (text === null) throw new HttpProbeError('network', `${what}: refused to send a line break or space`);
  const ask = { what, text, timeoutMs: req.timeoutMs, maxBytes: req.maxBytes, signal: req.signal };
  const started = Date.now();
  const held = takeLinked(req.link);
  if (held !== null) {
    // A device that dropped the idle connection closes it, so only a close before any reply is retried;
    // silence is the device's answer, as it would be on a fresh connection.
    const first = await exchange(held, true, ask);
    if (first !== 'retry') return done(first, held, req.link);
    ask.timeoutMs = Math.max(1, req.timeoutMs - (Date.now() - started));
  }
  const socket = new Socket();
  socket.on('error', quiet);
  // No TCP_NODELAY (a syscall per connection): a request is one write, sent at once as nothing is unacknowledged.
  socket.connect({ host: req.host, port: req.port });
  const result = await exchange(socket, false, ask);
  // Only a reused socket asks for a retry.
  if (result === 'retry') throw new HttpProbeError('network', `${what}: connection closed without a reply`);
  return done(result, socket, req.link);
};
