/**
 * HTTP GET for identification, over a raw socket read by http-parser-js (the collector's parser, see
 * miners/vnish/connections.ts for why not node:http): a deadline over the whole exchange, and at most
 * `maxBytes` of the body read, so a device that streams forever or answers with a huge page cannot stall or
 * bloat a scan.
 *
 * Identification asks one web server two or three pages in a row (`/`, maybe a redirect, `/api/v1/info`), and
 * the scan has just connected to it to see the port open. An `HttpLink` carries that connection from request
 * to request (HTTP/1.1 keep-alive), so a whole identification is one TCP connection instead of three: half
 * the connects for the scanner and, on a real LAN, for the miner's small web server. A device that closes an
 * idle connection is asked again on a fresh one, once, within the same deadline.
 */
import { Socket } from 'node:net';
import { HTTPParser } from 'http-parser-js';

export type HttpPage = {
  status: number;
  /** Lower-case names; repeated headers joined with ", " (or the first kept, as node:http does). */
  headers: Record<string, string>;
  /** The first `maxBytes` of the body as UTF-8. */
  body: string;
};

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

export class HttpProbeError extends Error {
  readonly kind: 'timeout' | 'aborted' | 'network';
  constructor(kind: 'timeout' | 'aborted' | 'network', message: string) {
    super(message);
    this.name = 'HttpProbeError';
    this.kind = kind;
  }
}

/** For sockets that outlive an exchange: their failure shows on the next use, never as an uncaught error. */
export const quiet = (): void => undefined;

// node:http keeps the first of these when a reply repeats them; every other repeated header is joined.
const SINGLE = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

/** http-parser-js's flat [name, value, …] list as node:http would present it. */
export function headerRecord(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    const value = raw[i + 1] ?? '';
    const had = out[name];
    if (had === undefined) out[name] = value;
    else if (!SINGLE.has(name)) out[name] = `${had}, ${value}`;
  }
  return out;
}

// What may not appear in a request line: a redirect from a hostile device must not inject headers.
const UNSAFE = /[\r\n\0 ]/;

/** The request as sent, or null when the path could inject into it. Host as node:http writes it. */
export function requestText(host: string, port: number, path: string): string | null {
  if (UNSAFE.test(path) || UNSAFE.test(host)) return null;
  const name = host.includes(':') ? `[${host}]` : host;
  const hostHeader = port === 80 ? name : `${name}:${port}`;
  return `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nAccept: text/html,application/json;q=0.9,*/*;q=0.5\r\n\r\n`;
}

type Done = { page: HttpPage; keep: boolean };

/**
 * One request on one socket. `reused`: the socket was open before this request, so silence and a close
 * before any reply byte mean the device dropped the idle connection ('retry'), not that it refused.
 */
function exchange(
  socket: Socket,
  reused: boolean,
  text: string,
  req: HttpGetRequest,
  timeoutMs: number,
): Promise<Done | 'retry'> {
  const what = `GET http://${req.host}:${req.port}${req.path}`;
  return new Promise((resolve, reject) => {
    const parser = new HTTPParser(HTTPParser.RESPONSE);
    const chunks: Buffer[] = [];
    let status = 0;
    let headers: Record<string, string> = {};
    let keepAlive = false;
    let complete = false;
    let extra = false;
    let gotBytes = false;
    let size = 0;
    let settled = false;
    const page = (): HttpPage => {
      const bytes = chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
      return { status, headers, body: bytes.subarray(0, req.maxBytes).toString('utf8') };
    };
    const finish = (result: Done | 'retry' | HttpProbeError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.off('error', onError);
      // Whatever is left of a reply is not wanted: destroying frees the socket at once.
      if (typeof result !== 'object' || !('keep' in result) || !result.keep) socket.destroy();
      if (result instanceof HttpProbeError) reject(result);
      else resolve(result);
    };
    // A reply cut off after its head still tells status and headers: use what arrived.
    const cutOff = (why: string): void => {
      if (status !== 0) finish({ page: page(), keep: false });
      else if (reused && !gotBytes) finish('retry');
      else finish(new HttpProbeError('network', `${what}: ${why}`));
    };
    parser[HTTPParser.kOnHeadersComplete] = (info: {
      statusCode: number;
      headers: string[];
      shouldKeepAlive: boolean;
    }) => {
      if (complete) {
        extra = true;
        return 1;
      }
      // 1xx is provisional: the real reply follows. 204 and 304 carry no body whatever the headers say.
      if (info.statusCode < 200) return 1;
      status = info.statusCode;
      headers = headerRecord(info.headers);
      keepAlive = info.shouldKeepAlive;
      return status === 204 || status === 304 ? 1 : 0;
    };
    parser[HTTPParser.kOnBody] = (chunk: Buffer, offset: number, length: number) => {
      if (complete) {
        extra = true;
        return;
      }
      if (size < req.maxBytes) chunks.push(chunk.subarray(offset, offset + length));
      size += length;
    };
    parser[HTTPParser.kOnMessageComplete] = () => {
      if (status !== 0) complete = true;
    };
    const onData = (chunk: Buffer): void => {
      gotBytes = true;
      const r = parser.execute(chunk);
      if (complete) {
        const clean = keepAlive && !extra && !(r instanceof Error) && r === chunk.length;
        finish({ page: page(), keep: clean });
      } else if (size >= req.maxBytes) finish({ page: page(), keep: false });
      else if (r instanceof Error) cutOff(`malformed HTTP reply (${r.message})`);
    };
    const onEnd = (): void => {
      // A reply that runs until the connection closes (no length, not chunked) ends here.
      if (!complete) parser.finish();
      if (complete) finish({ page: page(), keep: false });
      else cutOff(gotBytes ? 'connection closed mid-reply' : 'connection closed without a reply');
    };
    const onError = (e: Error): void => cutOff(e.message);
    const onAbort = (): void => finish(new HttpProbeError('aborted', `${what}: aborted`));
    const timer = setTimeout(
      () => finish(new HttpProbeError('timeout', `${what}: no reply within ${req.timeoutMs} ms`)),
      timeoutMs,
    );
    req.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
    socket.on('error', onError);
    socket.write(text);
  });
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

export const httpGet: HttpGet = async (req) => {
  const what = `GET http://${req.host}:${req.port}${req.path}`;
  if (req.signal?.aborted) throw new HttpProbeError('aborted', `${what}: aborted`);
  const text = requestText(req.host, req.port, req.path);
  if (text === null) throw new HttpProbeError('network', `${what}: refused to send a line break or space`);
  const started = Date.now();
  const held = takeLinked(req.link);
  if (held !== null) {
    // A device that dropped the idle connection closes it, so only a close before any reply is retried;
    // silence is the device's answer, as it would be on a fresh connection.
    const first = await exchange(held, true, text, req, req.timeoutMs);
    if (first !== 'retry') return done(first, held, req.link);
  }
  const socket = new Socket();
  socket.on('error', quiet);
  socket.setNoDelay(true);
  socket.connect({ host: req.host, port: req.port });
  const result = await exchange(
    socket,
    false,
    text,
    req,
    Math.max(1, req.timeoutMs - (Date.now() - started)),
  );
  // Only a reused socket asks for a retry.
  if (result === 'retry') throw new HttpProbeError('network', `${what}: connection closed without a reply`);
  return done(result, socket, req.link);
};

function done(result: Done, socket: Socket, link: HttpLink | undefined): HttpPage {
  if (result.keep && link) link.socket = socket;
  else if (result.keep) socket.destroy();
  return result.page;
}
