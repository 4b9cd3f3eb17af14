/**
 * One HTTP/1.1 exchange with a miner over a pooled keep-alive connection (connections.ts), the reply read
 * by http-parser-js (Content-Length, chunked, or until close): a deadline on every request (waiting for a
 * connection, connect, send and reply together), an AbortSignal, a bounded body size, and errors as
 * MinerError. A request that dies on a reused connection before any reply byte (the miner closed it while
 * idle) is retried once on a fresh one, so keep-alive never costs a failed poll.
 */
import { HTTPParser } from 'http-parser-js';
import { MinerError, fromSocketError } from '../errors';
import { type Conn, createMinerAgent, type MinerAgent } from './connections';
import { type HttpReply } from './reply';

export { createMinerAgent, type MinerAgent, type MinerAgentOptions } from './connections';

let sharedAgent: MinerAgent | null = null;

/** The process-wide agent used when a client is not given one. */
export function defaultMinerAgent(): MinerAgent {
  sharedAgent ??= createMinerAgent();
  return sharedAgent;
}

export type HttpOptions = {
  agent: MinerAgent;
  host: string;
  port: number;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  maxBytes: number;
};

// What may not appear in a request line or header: a token from a hostile miner must not inject headers.
const UNSAFE = /[\r\n\0]/;

/** The request as one string (ASCII head, UTF-8 body), or null if a part is unsafe to send. */
export function requestText(o: HttpOptions): string | null {
  const hostHeader = o.host.includes(':') ? `[${o.host}]:${o.port}` : `${o.host}:${o.port}`;
  if (UNSAFE.test(o.path) || o.path.includes(' ') || UNSAFE.test(hostHeader)) return null;
  let head = `${o.method} ${o.path} HTTP/1.1\r\nHost: ${hostHeader}\r\n`;
  const headers = o.headers ?? {};
  if (headers['accept'] === undefined) head += 'Accept: application/json\r\n';
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || UNSAFE.test(name) || UNSAFE.test(value)) return null;
    head += `${name}: ${value}\r\n`;
  }
  if (o.body !== undefined) {
    if (headers['content-type'] === undefined) head += 'Content-Type: application/json\r\n';
    head += `Content-Length: ${Buffer.byteLength(o.body)}\r\n\r\n`;
    return head + o.body;
  }
  // A bodiless POST says so: small embedded servers handle a missing length badly.
  return o.method === 'GET' ? `${head}\r\n` : `${head}Content-Length: 0\r\n\r\n`;
}

function headerValue(raw: string[], name: string): string | null {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() === name) return raw[i + 1] ?? null;
  }
  return null;
}

type HeadersInfo = { statusCode: number; headers: string[]; shouldKeepAlive: boolean };

function once(o: HttpOptions, text: string, what: string, timeoutMs: number): Promise<HttpReply | 'retry'> {
  return new Promise((resolve, reject) => {
    const { signal } = o;
    if (signal?.aborted) {
      reject(new MinerError('aborted', `${what}: aborted`));
      return;
    }
    let conn: Conn | null = null;
    let settled = false;
    let gotBytes = false;
    let complete = false;
    /** Bytes after the reply: the connection is out of step and must not be reused. */
    let extra = false;
    let status = 0;
    let contentType: string | null = null;
    let keepAlive = false;
    let size = 0;
    const chunks: Buffer[] = [];

    let withdraw = (): void => undefined;
    const finish = (result: HttpReply | 'retry' | MinerError, reusable: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      withdraw();
      if (conn !== null) o.agent.release(conn, reusable);
      conn = null;
      if (result instanceof MinerError) reject(result);
      else resolve(result);
    };
    const reply = (): HttpReply => ({
      status,
      contentType,
      body: chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks),
    });
    const onAbort = (): void => finish(new MinerError('aborted', `${what}: aborted`), false);
    const timer = setTimeout(
      () => finish(new MinerError('timeout', `${what}: no reply within ${timeoutMs} ms`), false),
      timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });

    const stale = (c: Conn): boolean => c.reused && !gotBytes;
    const take = (c: Conn): void => {
      if (settled) {
        o.agent.release(c, !c.closed);
        return;
      }
      conn = c;
      const p = c.parser;
      p[HTTPParser.kOnHeadersComplete] = (info: HeadersInfo) => {
        if (complete) {
          extra = true;
          return 1;
        }
        // 1xx is provisional: the real reply follows. 204/304 carry no body whatever the headers say.
        if (info.statusCode < 200) return 1;
        status = info.statusCode;
        contentType = headerValue(info.headers, 'content-type');
        keepAlive = info.shouldKeepAlive;
        return status === 204 || status === 304 ? 1 : 0;
      };
      p[HTTPParser.kOnBody] = (chunk: Buffer, offset: number, length: number) => {
        if (complete) {
          extra = true;
          return;
        }
        size += length;
        if (size <= o.maxBytes) chunks.push(chunk.subarray(offset, offset + length));
      };
      p[HTTPParser.kOnMessageComplete] = () => {
        if (status !== 0) complete = true;
      };
      c.owner = {
        onData(chunk) {
          gotBytes = true;
          const r = p.execute(chunk);
          if (size > o.maxBytes) {
            finish(new MinerError('bad_reply', `${what}: reply larger than ${o.maxBytes} bytes`), false);
          } else if (complete) finish(reply(), keepAlive && !extra && !(r instanceof Error));
          else if (r instanceof Error) {
            finish(new MinerError('bad_reply', `${what}: malformed HTTP reply (${r.message})`), false);
          }
        },
        onGone(error) {
          // A reply that runs until the connection closes (no length, not chunked) ends here.
          if (error === null && !complete) p.finish();
          if (complete) {
            finish(reply(), false);
            return;
          }
          if (stale(c)) finish('retry', false);
          else if (error !== null) finish(fromSocketError(error, what), false);
          else if (gotBytes)
            finish(new MinerError('unreachable', `${what}: connection closed mid-reply`), false);
          else finish(new MinerError('unreachable', `${what}: connection closed without a reply`), false);
        },
      };
      c.socket.write(text, 'utf8');
    };
    withdraw = o.agent.acquire(o.host, o.port, take);
  });
}

export async function httpExchange(options: HttpOptions): Promise<HttpReply> {
  const what = `${options.method} ${options.path} @ ${options.host}:${options.port}`;
  const text = requestText(options);
  if (text === null) throw new MinerError('bad_reply', `${what}: refused to send a header with a line break`);
  const deadline = Date.now() + options.timeoutMs;
  const first = await once(options, text, what, options.timeoutMs);
  if (first !== 'retry') return first;
  // The retry shares the original deadline: one request, one timeout.
  const second = await once(options, text, what, Math.max(1, deadline - Date.now()));
  if (second !== 'retry') return second;
  throw new MinerError('unreachable', `${what}: connection reset`);
}
