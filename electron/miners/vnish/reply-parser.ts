/**
 * An HTTP/1.1 reply reader for the miner transport: only what a client of a small embedded web server needs
 * (status, Content-Type, keep-alive, a body framed by Content-Length, chunked encoding or the connection's
 * close), fed the bytes of one socket as they arrive. One reader lives as long as its connection and is reset
 * per exchange, so a poll allocates only its head string and its body.
 *
 * Why not http-parser-js (what this replaced): it builds a header list of strings per reply and its state
 * machine costs several times this one per exchange; at a thousand rigs a poll's transport is the collector's
 * largest cost. What it must refuse, it does: a malformed status line or header, conflicting lengths, a
 * head or chunk line beyond its limit, a body beyond `maxBytes` (read no further), a 101 upgrade. Bytes past
 * the end of the reply are reported so the connection is not reused out of step. Discovery's identification reads
 * its pages with it too (discovery/http-reply.ts: every header kept, a long page cut at its limit).
 */

/** Largest reply head (status line and headers) accepted; the sim's is ~150 bytes, real ones well under 1 KB. */
export const MAX_HEAD_BYTES = 16 * 1024;
/** Largest chunk-size line (hex size and extensions) or trailer section. */
const MAX_LINE_BYTES = 1024;

export type ReadResult =
  /** Needs more bytes. */
  | 'more'
  /** The reply is complete (`extra` says whether bytes followed it). */
  | 'done'
  /** Over `maxBytes`: reading stopped. */
  | 'too-large'
  /** Not a well-formed HTTP/1.x reply; `error` says why. */
  | 'malformed';

type State =
  'head' | 'body-length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close' | 'done';

const CR = 13;
const LF = 10;
const STATUS_LINE = /^HTTP\/1\.([01]) ([1-9]\d\d)(?:[ \t][^\r\n]*)?$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const DIGITS = /^\d{1,15}$/;
const HEX_SIZE = /^([0-9A-Fa-f]{1,12})[ \t]*(?:;.*)?$/;

/** The index just past the first empty line (CRLF CRLF or LF LF) at or after `from`, or -1. */
function headEnd(buf: Uint8Array, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if (buf[i] !== LF) continue;
    if (i + 1 < end && buf[i + 1] === LF) return i + 2;
    if (i + 2 < end && buf[i + 1] === CR && buf[i + 2] === LF) return i + 3;
  }
  return -1;
}

/** What a reply head says. Pure: exported for tests. */
export type Head = {
  status: number;
  contentType: string | null;
  /** -1: no Content-Length. */
  length: number;
  chunked: boolean;
  /** The server will keep the connection open after this reply (before framing is considered). */
  keepAlive: boolean;
  /** How long the server says it keeps an idle connection (`Keep-Alive: timeout=N`), in seconds; -1: unsaid. */
  idleTimeoutS: number;
};

/** The length a Content-Length value gives; NaN when it is malformed. */
function contentLength(value: string): number {
  if (DIGITS.test(value)) return Number(value);
  // "5, 5" is one length said twice; anything else that disagrees is a smuggling attempt or a bug.
  const parts = value.split(',').map((p) => p.trim());
  const first = parts[0] ?? '';
  return DIGITS.test(first) && parts.every((p) => p === first) ? Number(first) : NaN;
}

const KEEP_ALIVE_TIMEOUT = /^\s*timeout\s*=\s*"?(\d{1,6})"?\s*$/i;

/**
 * The `timeout` parameter of a Keep-Alive header ("timeout=5, max=100"), in seconds; -1 when absent or not a
 * plain non-negative integer (a value we cannot read is treated as not said, never guessed at).
 */
export function keepAliveTimeout(value: string): number {
  for (const param of value.split(',')) {
    const m = KEEP_ALIVE_TIMEOUT.exec(param);
    if (m !== null) return Number(m[1]);
  }
  return -1;
}

/** The end of the line that starts at `at`, before its CR (a line may end in LF alone). */
function lineEnd(text: string, at: number): number {
  const lf = text.indexOf('\n', at);
  if (lf < 0) return text.length;
  return lf > at && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
}

/** Where the line after the one ending at `stop` starts. */
const nextLine = (text: string, stop: number): number => (text.charCodeAt(stop) === CR ? stop + 2 : stop + 1);

/**
 * Reads a reply head (latin1 text, with or without its final empty line); a string is the reason it is
 * malformed. Walks the text by index: it runs once per poll, and the split-and-regex version showed in profiles.
 */
export function parseHead(text: string): Head | string {
  const first = lineEnd(text, 0);
  const status = STATUS_LINE.exec(text.slice(0, first));
  if (status === null) return 'not an HTTP/1.x status line';
  const head: Head = {
    status: Number(status[2]),
    contentType: null,
    length: -1,
    chunked: false,
    keepAlive: false,
    idleTimeoutS: -1,
  };
  let connection = '';
  let encoding: string | null = null;
  for (let lineStart = nextLine(text, first); lineStart < text.length;) {
    const stop = lineEnd(text, lineStart);
    const from = lineStart;
    lineStart = nextLine(text, stop);
    if (stop === from) continue;
    // A folded continuation line (obsolete, RFC 9112 §5.2) is refused rather than guessed at.
    const colon = text.indexOf(':', from);
    if (colon <= from || colon >= stop || !TOKEN.test(text.slice(from, colon)))
      return 'a malformed header line';
    const n = colon - from;
    // Only five headers matter; the name is lower-cased only when its length says it may be one of them.
    if (n !== 10 && n !== 12 && n !== 14 && n !== 17) continue;
    const name = text.slice(from, colon).toLowerCase();
    const value = text.slice(colon + 1, stop).trim();
    if (name === 'content-length') {
      const length = contentLength(value);
      if (Number.isNaN(length)) return 'a malformed Content-Length';
      if (head.length >= 0 && head.length !== length) return 'conflicting Content-Length headers';
      head.length = length;
    } else if (name === 'transfer-encoding') encoding = encoding === null ? value : `${encoding}, ${value}`;
    else if (name === 'connection') connection += `,${value.toLowerCase()}`;
    else if (name === 'keep-alive') head.idleTimeoutS = keepAliveTimeout(value);
    else if (name === 'content-type') head.contentType ??= value;
  }
  head.keepAlive =
    status[1] === '1'
      ? !/(?:^|,)\s*close\s*(?:,|$)/.test(connection)
      : /(?:^|,)\s*keep-alive\s*(?:,|$)/.test(connection);
  if (encoding !== null) {
    // Chunked must be the last coding; any other encoding on a reply runs until the connection closes.
    head.chunked = /(?:^|,)\s*chunked\s*$/i.test(encoding);
    // A length beside a transfer coding is ignored, and such a connection is not trusted for reuse.
    head.length = -1;
    head.keepAlive = head.keepAlive && head.chunked;
  }
  return head;
}

/**
 * Every header of a head read by `parseHead` (so already well-formed) as a flat [name, value, …] list, names as
 * sent. Only identification wants them all; the poll path reads just the few `parseHead` picks out.
 */
export function headerList(text: string): string[] {
  const out: string[] = [];
  for (let lineStart = nextLine(text, lineEnd(text, 0)); lineStart < text.length;) {
    const stop = lineEnd(text, lineStart);
    const colon = text.indexOf(':', lineStart);
    if (colon > lineStart && colon < stop)
      out.push(text.slice(lineStart, colon), text.slice(colon + 1, stop).trim());
    lineStart = nextLine(text, stop);
  }
  return out;
}

export class ReplyParser {
  status = 0;
  contentType: string | null = null;
  keepAlive = false;
  /** The server's idle timeout for this connection from `Keep-Alive: timeout=N`, in seconds; -1: unsaid. */
  idleTimeoutS = -1;
  /** Bytes arrived after the reply was complete. */
  extra = false;
  error = '';
  /** The final reply's head as read (latin1), for a caller that wants every header (`headerList`). */
  head = '';
  private state: State = 'head';
  private maxBytes = 0;
  /** Keep the first `maxBytes` of a longer body and stop there ('too-large'), instead of keeping none. */
  private truncate = false;
  private kept = 0;
  private pending: Buffer | null = null;
  private remaining = 0;
  private size = 0;
  private whole: Buffer | null = null;
  private parts: Buffer[] = [];

  /**
   * Ready for the next exchange's reply. With `truncate`, a body over `maxBytes` still ends reading at the limit
   * ('too-large'), but its first `maxBytes` are kept (identification reads a page's start, docs/poll-path.md §3).
   */
  reset(maxBytes: number, truncate = false): void {
    this.status = 0;
    this.contentType = null;
    this.keepAlive = false;
    this.idleTimeoutS = -1;
    this.extra = false;
    this.error = '';
    this.head = '';
    this.state = 'head';
    this.maxBytes = maxBytes;
    this.truncate = truncate;
    this.kept = 0;
    this.pending = null;
    this.remaining = 0;
    this.size = 0;
    this.whole = null;
    this.parts = [];
  }

  get complete(): boolean {
    return this.state === 'done';
  }

  /** The body read so far (all of it once complete). Copied out of the socket's buffer, so it is the caller's. */
  body(): Buffer {
    if (this.whole !== null) return this.whole;
    const only = this.parts.length === 1 ? this.parts[0] : undefined;
    return only ?? Buffer.concat(this.parts, this.kept);
  }

  /**
   * The body, handed over (read `contentType` first): the parser lets go of it and of the content type (a
   * slice of the whole head's text), so a connection left idle does not keep its last reply alive. An idle
   * connection outlives a young-generation collection or two, so whatever it holds is promoted, and after the
   * close it waits for a full collection: at a thousand rigs that was ~13 MB of dead reply buffers at the peak.
   */
  takeBody(): Buffer {
    const body = this.body();
    this.contentType = null;
    this.whole = null;
    this.parts = [];
    this.size = 0;
    return body;
  }

  /** Reads buf[start, end). The bytes are not kept: a caller may reuse `buf` once this returns. */
  feed(buf: Buffer, start: number, end: number): ReadResult {
    let at = start;
    while (at < end) {
      if (this.state === 'done') {
        this.extra = true;
        return 'done';
      }
      const next = this.step(buf, at, end);
      if (typeof next !== 'number') return next;
      at = next;
    }
    return this.state === 'done' ? 'done' : 'more';
  }

  /** The connection closed: a reply framed by the close is complete now; any other is cut short ('more'). */
  eof(): ReadResult {
    if (this.state === 'until-close') this.state = 'done';
    return this.state === 'done' ? 'done' : 'more';
  }

  private fail(why: string): 'malformed' {
    this.error = why;
    return 'malformed';
  }

  /** One step of the state machine from `at`; the next position, or a result to return now. */
  private step(buf: Buffer, at: number, end: number): number | ReadResult {
    switch (this.state) {
      case 'head':
        return this.readHead(buf, at, end);
      case 'body-length': {
        const n = Math.min(this.remaining, end - at);
        this.keep(buf, at, n);
        this.remaining -= n;
        if (this.remaining === 0) this.state = 'done';
        return this.cut() ?? at + n;
      }
      case 'until-close':
        this.size += end - at;
        if (!this.truncate && this.size > this.maxBytes) return 'too-large';
        this.keep(buf, at, end - at);
        return this.cut() ?? end;
      case 'chunk-data': {
        const n = Math.min(this.remaining, end - at);
        this.keep(buf, at, n);
        this.remaining -= n;
        if (this.remaining === 0) this.state = 'chunk-end';
        return this.cut() ?? at + n;
      }
      default:
        return this.readLine(buf, at, end);
    }
  }

  /** In truncating mode, the limit is reached before the reply's end: stop reading. */
  private cut(): 'too-large' | null {
    return this.truncate && this.kept >= this.maxBytes && this.state !== 'done' ? 'too-large' : null;
  }

  /** Copies body bytes out of the socket's buffer (into the one allocation when the length is known). */
  private keep(buf: Buffer, at: number, length: number): void {
    if (this.whole !== null) {
      if (length > 0) buf.copy(this.whole, this.whole.length - this.remaining, at, at + length);
      return;
    }
    const n = this.truncate ? Math.min(length, this.maxBytes - this.kept) : length;
    if (n <= 0) return;
    const part = Buffer.allocUnsafe(n);
    buf.copy(part, 0, at, at + n);
    this.parts.push(part);
    this.kept += n;
  }

  private readHead(buf: Buffer, at: number, end: number): number | ReadResult {
    let text: string;
    let next: number;
    const pending = this.pending;
    if (pending === null) {
      const stop = headEnd(buf, at, end);
      if (stop < 0) return this.hold(buf, at, end);
      text = buf.toString('latin1', at, stop);
      next = stop;
    } else {
      // The head began in an earlier read: search across the seam (up to 2 bytes of the terminator were held).
      const joined = Buffer.concat([pending, buf.subarray(at, end)]);
      const stop = headEnd(joined, Math.max(0, pending.length - 2), joined.length);
      if (stop < 0) return this.hold(buf, at, end);
      text = joined.toString('latin1', 0, stop);
      next = at + stop - pending.length;
      this.pending = null;
    }
    const head = parseHead(text);
    if (typeof head === 'string') return this.fail(head);
    // A provisional 1xx reply: the real one follows (101 would switch protocols, which no miner API asks for).
    if (head.status === 101) return this.fail('an unexpected protocol switch (101)');
    if (head.status < 200) return next;
    this.head = text;
    return this.begin(head, next);
  }

  /** Keeps a partial head for the next read, within the head limit. */
  private hold(buf: Buffer, at: number, end: number): ReadResult {
    const held = (this.pending?.length ?? 0) + end - at;
    if (held > MAX_HEAD_BYTES) return this.fail(`a reply head over ${MAX_HEAD_BYTES} bytes`);
    const part = Buffer.from(buf.subarray(at, end));
    this.pending = this.pending === null ? part : Buffer.concat([this.pending, part]);
    return 'more';
  }

  /** The head is read: sets up the body's framing. */
  private begin(head: Head, next: number): number | ReadResult {
    this.status = head.status;
    this.contentType = head.contentType;
    this.keepAlive = head.keepAlive;
    this.idleTimeoutS = head.idleTimeoutS;
    // 204 and 304 carry no body whatever the headers say.
    if (head.status === 204 || head.status === 304) {
      this.state = 'done';
    } else if (head.chunked) {
      this.state = 'chunk-size';
    } else if (head.length >= 0) {
      this.size = head.length;
      this.remaining = head.length;
      if (head.length <= this.maxBytes) this.whole = Buffer.allocUnsafe(head.length);
      else if (!this.truncate) return 'too-large';
      this.state = head.length === 0 ? 'done' : 'body-length';
    } else {
      this.keepAlive = false;
      this.state = 'until-close';
    }
    return next;
  }

  /** A chunk-size line, the CRLF after a chunk's data, or a trailer line: line-framed states. */
  private readLine(buf: Buffer, at: number, end: number): number | ReadResult {
    let lf = at;
    while (lf < end && buf[lf] !== LF) lf++;
    if (lf === end) {
      const held = (this.pending?.length ?? 0) + end - at;
      if (held > MAX_LINE_BYTES) return this.fail('a chunk line over its limit');
      const part = Buffer.from(buf.subarray(at, end));
      this.pending = this.pending === null ? part : Buffer.concat([this.pending, part]);
      return end;
    }
    const piece = buf.toString('latin1', at, lf);
    const line = (this.pending === null ? piece : this.pending.toString('latin1') + piece).replace(/\r$/, '');
    this.pending = null;
    if (line.length > MAX_LINE_BYTES) return this.fail('a chunk line over its limit');
    const r = this.onLine(line);
    return typeof r === 'string' ? r : lf + 1;
  }

  private onLine(line: string): ReadResult | null {
    if (this.state === 'chunk-end') {
      if (line !== '') return this.fail('chunk data longer than its size');
      this.state = 'chunk-size';
      return null;
    }
    if (this.state === 'trailers') {
      this.remaining += line.length + 2;
      if (this.remaining > MAX_LINE_BYTES) return this.fail('trailers over their limit');
      if (line === '') this.state = 'done';
      return null;
    }
    const m = HEX_SIZE.exec(line);
    if (m === null) return this.fail('a malformed chunk size');
    const n = parseInt(m[1] ?? '', 16);
    if (n === 0) {
      this.state = 'trailers';
      this.remaining = 0;
      return null;
    }
    this.size += n;
    if (!this.truncate && this.size > this.maxBytes) return 'too-large';
    this.remaining = n;
    this.state = 'chunk-data';
    return null;
  }
}
