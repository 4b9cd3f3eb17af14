/**
 * One HTTP/1.1 exchange with a miner over a pooled keep-alive connection (connections.ts), the reply read
 * by reply-parser.ts (Content-Length, chunked, or until close): a deadline on every request (waiting for a
 * connection, connect, send and reply together), an AbortSignal, a bounded body size, and errors as
 * MinerError. A request that dies on a reused connection before any reply byte (the miner closed it while
 * idle) is retried once on a fresh one, so keep-alive never costs a failed poll.
 */
import { MinerError, type MinerErrorCode, fromSocketError } from '../errors';
import { type Conn, type ConnOwner, type ConnTaker, createMinerAgent, type MinerAgent } from './connections';
import { type HttpReply } from './reply';
import { type ReplyParser } from './reply-parser';

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
  /** A body streamed from its source instead (a firmware image); `body` is then not given. */
  upload?: UploadBody;
  timeoutMs: number;
  signal?: AbortSignal;
  maxBytes: number;
};

/**
 * A large body read only once a connection is held, written as the socket drains, so a 100 MB image is never
 * one string. `chunks` is called again if the request is retried on a fresh connection.
 */
export type UploadBody = {
  contentType: string;
  length: number;
  chunks(): AsyncIterable<Uint8Array>;
  /** Bytes handed to the socket so far, after each chunk. */
  onSent?(bytes: number): void;
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
  if (o.upload !== undefined) {
    if (UNSAFE.test(o.upload.contentType)) return null;
    return `${head}Content-Type: ${o.upload.contentType}\r\nContent-Length: ${o.upload.length}\r\n\r\n`;
  }
  if (o.body !== undefined) {
    if (headers['content-type'] === undefined) head += 'Content-Type: application/json\r\n';
    head += `Content-Length: ${Buffer.byteLength(o.body)}\r\n\r\n`;
    return head + o.body;
  }
  // A bodiless POST says so: small embedded servers handle a missing length badly.
  return o.method === 'GET' ? `${head}\r\n` : `${head}Content-Length: 0\r\n\r\n`;
}

/**
 * The request asking the miner to close the connection after its reply: used when nobody is expected to reuse
 * it (connections.ts), so the miner frees it at once instead of holding it idle for nothing.
 */
export function withClose(text: string): string {
  const end = text.indexOf('\r\n\r\n') + 2;
  return `${text.slice(0, end)}Connection: close\r\n${text.slice(end)}`;
}

type Outcome = HttpReply | 'retry';

const describe = (o: HttpOptions): string => `${o.method} ${o.path} @ ${o.host}:${o.port}`;

function timedOut(x: Exchange): void {
  x.timedOut();
}

/**
 * One request on one connection. A class rather than a closure per event: a poll is one of these, and at a
 * thousand rigs the allocations show in the collector's GC time. It is the connection's owner while it
 * holds it; its connection's reply reader reads the reply.
 */
class Exchange implements ConnOwner, ConnTaker {
  private conn: Conn | null = null;
  private settled = false;
  private gotBytes = false;
  /** The streamed body (if any) is all written: until then the connection is mid-request. */
  private bodySent = true;
  private readonly timer: NodeJS.Timeout;
  private readonly withdraw: () => void;

  constructor(
    private readonly o: HttpOptions,
    private readonly text: string,
    private readonly deadline: number,
    private readonly resolve: (r: Outcome) => void,
    private readonly reject: (e: MinerError) => void,
  ) {
    // Cleared before it fires for any poll that answers: no wake-up of its own.
    this.timer = setTimeout(timedOut, deadline - Date.now(), this);
    o.signal?.addEventListener('abort', this, { once: true });
    this.withdraw = o.agent.acquire(o.host, o.port, this);
  }

  take(c: Conn): void {
    if (this.settled) {
      this.o.agent.release(c, !c.closed);
      return;
    }
    this.conn = c;
    c.owner = this;
    c.parser.reset(this.o.maxBytes);
    c.socket.write(c.closeAfter ? withClose(this.text) : this.text, 'utf8');
    if (this.o.upload !== undefined) {
      this.bodySent = false;
      // Many writes: the last, partial segment must not wait for an acknowledgement (Nagle).
      c.socket.setNoDelay(true);
      void this.pump(c, this.o.upload);
    }
  }

  /** Writes the streamed body, waiting for the socket to drain; stops if the exchange ends first. */
  private async pump(c: Conn, u: UploadBody): Promise<void> {
    let sent = 0;
    try {
      for await (const chunk of u.chunks()) {
        if (this.settled || this.conn !== c) return;
        sent += chunk.length;
        if (!c.socket.write(chunk)) await drained(c);
        u.onSent?.(sent);
      }
      this.bodySent = true;
    } catch (e) {
      this.fail('aborted', `could not read the body to send (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  /** The AbortSignal fired. */
  handleEvent(): void {
    this.fail('aborted', 'aborted');
  }

  timedOut(): void {
    this.fail('timeout', `no reply within ${this.o.timeoutMs} ms`);
  }

  onRead(buf: Buffer, n: number): void {
    const c = this.conn;
    if (c === null) return;
    this.gotBytes = true;
    const p = c.parser;
    const r = p.feed(buf, 0, n);
    if (r === 'done') this.finish(this.reply(p), p.keepAlive && !p.extra);
    else if (r === 'too-large') this.fail('bad_reply', `reply larger than ${this.o.maxBytes} bytes`);
    else if (r === 'malformed') this.fail('bad_reply', `malformed HTTP reply (${p.error})`);
  }

  onGone(error: Error | null): void {
    const c = this.conn;
    // A reply that runs until the connection closes (no length, not chunked) ends here.
    if (c !== null && error === null && c.parser.eof() === 'done') this.finish(this.reply(c.parser), false);
    else if (c !== null && c.reused && !this.gotBytes) this.finish('retry', false);
    else if (error !== null) this.finish(fromSocketError(error, describe(this.o)), false);
    else
      this.fail(
        'unreachable',
        this.gotBytes ? 'connection closed mid-reply' : 'connection closed without a reply',
      );
  }

  private reply(p: ReplyParser): HttpReply {
    return { status: p.status, contentType: p.contentType, body: p.takeBody() };
  }

  private fail(code: MinerErrorCode, why: string): void {
    if (!this.settled) this.finish(new MinerError(code, `${describe(this.o)}: ${why}`), false);
  }

  private finish(result: Outcome | MinerError, reusable: boolean): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.o.signal?.removeEventListener('abort', this);
    this.withdraw();
    const c = this.conn;
    this.conn = null;
    // A reply before the whole body went (a refusal) leaves the connection mid-request: never reuse it.
    if (c !== null) this.o.agent.release(c, reusable && this.bodySent);
    if (result instanceof MinerError) this.reject(result);
    else this.resolve(result);
  }
}

/** Resolves when the socket can take more, or is gone (the exchange then hears of it through onGone). */
function drained(c: Conn): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      c.socket.off('drain', done);
      c.socket.off('close', done);
      resolve();
    };
    c.socket.on('drain', done);
    c.socket.on('close', done);
  });
}

function once(o: HttpOptions, text: string, deadline: number): Promise<Outcome> {
  if (o.signal?.aborted) return Promise.reject(new MinerError('aborted', `${describe(o)}: aborted`));
  return new Promise((resolve, reject) => new Exchange(o, text, deadline, resolve, reject));
}

export async function httpExchange(options: HttpOptions): Promise<HttpReply> {
  const text = requestText(options);
  if (text === null) {
    throw new MinerError('bad_reply', `${describe(options)}: refused to send a header with a line break`);
  }
  // The retry shares the original deadline: one request, one timeout.
  const deadline = Date.now() + options.timeoutMs;
  const first = await once(options, text, deadline);
  if (first !== 'retry') return first;
  const second = await once(options, text, deadline);
  if (second !== 'retry') return second;
  throw new MinerError('unreachable', `${describe(options)}: connection reset`);
}
