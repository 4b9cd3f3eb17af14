/**
 * One HTTP request on one socket for identification, its reply read by the miner transport's reply reader
 * (miners/vnish/reply-parser.ts: Content-Length, chunked, or until close; one reader for both, so both refuse
 * the same malformed replies): a deadline, the scan's cancel, and at most `maxBytes` of the body kept. The
 * socket is handed back for the next request only after a complete keep-alive reply with nothing after it.
 */
import { type Socket } from 'node:net';

import { headerList, ReplyParser } from '../miners/vnish/reply-parser';
import { type Abortable, unwatch, watch } from './abort-group';

export type HttpPage = {
  status: number;
  /** Lower-case names; repeated headers joined with ", " (or the first kept, as node:http does). */
  headers: Record<string, string>;
  /** The first `maxBytes` of the body as UTF-8. */
  body: string;
};

export class HttpProbeError extends Error {
  readonly kind: 'timeout' | 'aborted' | 'network';
  constructor(kind: 'timeout' | 'aborted' | 'network', message: string) {
    super(message);
    this.name = 'HttpProbeError';
    this.kind = kind;
  }
}

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

/** A flat [name, value, …] header list as node:http would present it. */
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

export type Ask = {
  /** "GET http://host:port/path", for messages. */
  what: string;
  text: string;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal | undefined;
};

/** A reply, and whether its connection can carry the next request. */
export type Done = { page: HttpPage; keep: boolean };

type Outcome = Done | 'retry' | HttpProbeError;

/**
 * A class rather than closures: identification runs hundreds of these per scan. It is its timer's argument
 * and its cancel's listener.
 */
class Exchange implements Abortable {
  private readonly parser = new ReplyParser();
  private readonly timer: NodeJS.Timeout;
  private gotBytes = false;
  private settled = false;
  // Bound methods, not arrow fields: tsx's keepNames gives every arrow a defineProperty per request.
  private readonly onData: (chunk: Buffer) => void;
  private readonly onEnd: () => void;
  private readonly onError: (e: Error) => void;

  constructor(
    private readonly socket: Socket,
    /** The socket was open before this request: a close before any reply byte means the device dropped it. */
    private readonly reused: boolean,
    private readonly ask: Ask,
    private readonly settle: (outcome: Done | 'retry') => void,
    private readonly fail: (e: HttpProbeError) => void,
  ) {
    // A page longer than maxBytes is cut there: its start is what identifies the device.
    this.parser.reset(ask.maxBytes, true);
    this.onData = this.data.bind(this);
    this.onEnd = this.end.bind(this);
    this.onError = this.error.bind(this);
    this.timer = setTimeout(expire, ask.timeoutMs, this);
    if (ask.signal) watch(ask.signal, this);
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('close', this.onEnd);
    socket.on('error', this.onError);
    socket.write(ask.text);
  }

  /** The scan was cancelled. */
  handleEvent(): void {
    this.finish(new HttpProbeError('aborted', `${this.ask.what}: aborted`));
  }

  expired(): void {
    this.finish(new HttpProbeError('timeout', `${this.ask.what}: no reply within ${this.ask.timeoutMs} ms`));
  }

  private error(e: Error): void {
    this.cutOff(e.message);
  }

  private data(chunk: Buffer): void {
    this.gotBytes = true;
    const p = this.parser;
    const r = p.feed(chunk, 0, chunk.length);
    if (r === 'done') this.finish({ page: this.page(), keep: p.keepAlive && !p.extra });
    else if (r === 'too-large') this.finish({ page: this.page(), keep: false });
    else if (r === 'malformed') this.cutOff(`malformed HTTP reply (${p.error})`);
  }

  private end(): void {
    // A reply that runs until the connection closes (no length, not chunked) ends here.
    if (this.parser.eof() === 'done') this.finish({ page: this.page(), keep: false });
    else this.cutOff(this.gotBytes ? 'connection closed mid-reply' : 'connection closed without a reply');
  }

  /** A reply cut off after its head still tells status and headers: use what arrived. */
  private cutOff(why: string): void {
    if (this.parser.status !== 0) this.finish({ page: this.page(), keep: false });
    else if (this.reused && !this.gotBytes) this.finish('retry');
    else this.finish(new HttpProbeError('network', `${this.ask.what}: ${why}`));
  }

  private page(): HttpPage {
    const p = this.parser;
    return { status: p.status, headers: headerRecord(headerList(p.head)), body: p.body().toString('utf8') };
  }

  private finish(outcome: Outcome): void {
    if (this.settled) return;
    this.settled = true;
    const { socket } = this;
    clearTimeout(this.timer);
    if (this.ask.signal) unwatch(this.ask.signal, this);
    socket.off('data', this.onData);
    socket.off('end', this.onEnd);
    socket.off('close', this.onEnd);
    socket.off('error', this.onError);
    // Whatever is left of a reply is not wanted: destroying frees the socket at once.
    if (outcome === 'retry' || outcome instanceof HttpProbeError || !outcome.keep) socket.destroy();
    if (outcome instanceof HttpProbeError) this.fail(outcome);
    else this.settle(outcome);
  }
}

function expire(x: Exchange): void {
  x.expired();
}

/** Sends `ask` on `socket` and reads the reply; 'retry' only for a reused socket the device had dropped. */
export function exchange(socket: Socket, reused: boolean, ask: Ask): Promise<Done | 'retry'> {
  if (ask.signal?.aborted) {
    socket.destroy();
    return Promise.reject(new HttpProbeError('aborted', `${ask.what}: aborted`));
  }
  return new Promise((resolve, reject) => new Exchange(socket, reused, ask, resolve, reject));
}
