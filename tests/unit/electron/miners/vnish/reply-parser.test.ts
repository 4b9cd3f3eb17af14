// @vitest-environment node
// The transport's HTTP/1.1 reply reader on bytes alone: every framing a small web server may use, split at every
// byte boundary, and hostile input (bad status lines, smuggling-shaped lengths, endless heads and chunk lines,
// bodies beyond the limit, random bytes) ending as a result, never an exception or a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  headerList,
  keepAliveTimeout,
  MAX_HEAD_BYTES,
  parseHead,
  type ReadResult,
  ReplyParser,
} from '../../../../../electron/miners/vnish/reply-parser';

type Read = { result: ReadResult; parser: ReplyParser };

/** Feeds `bytes` in pieces cut at `cuts`, through one reused scratch buffer as the socket does. */
function read(
  text: string | Buffer,
  cuts: number[] = [],
  maxBytes = 1 << 20,
  eof = false,
  truncate = false,
): Read {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  const parser = new ReplyParser();
  parser.reset(maxBytes, truncate);
  const scratch = Buffer.alloc(bytes.length + 16, 0x55);
  const bounds = [0, ...cuts.filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b), bytes.length];
  let result: ReadResult = 'more';
  for (let i = 0; i + 1 < bounds.length && result === 'more'; i++) {
    const from = bounds[i] ?? 0;
    const to = bounds[i + 1] ?? 0;
    if (to === from) continue;
    // Each piece lands at an offset in a buffer full of stale bytes, then the buffer is overwritten.
    bytes.copy(scratch, 7, from, to);
    result = parser.feed(scratch, 7, 7 + to - from);
    scratch.fill(0x55);
  }
  if (eof && result === 'more') result = parser.eof();
  return { result, parser };
}

const body = (r: Read): string => r.parser.body().toString('latin1');
const ok = (b: string, extra = ''): string =>
  `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${b.length}\r\n${extra}\r\n${b}`;

describe('reply reader: framings', () => {
  it('reads a Content-Length reply with its status, type and keep-alive', () => {
    const r = read(ok('{"a":1}'));
    expect(r.result).toBe('done');
    expect(r.parser.status).toBe(200);
    expect(r.parser.contentType).toBe('application/json');
    expect(r.parser.keepAlive).toBe(true);
    expect(r.parser.extra).toBe(false);
    expect(body(r)).toBe('{"a":1}');
  });

  it('reads a chunked reply with extensions and trailers, LF-only lines too', () => {
    const crlf =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=1\r\n{"a"\r\n3\r\n:2}\r\n0\r\nX-T: 1\r\n\r\n';
    const lf = crlf.replaceAll('\r\n', '\n');
    for (const text of [crlf, lf]) {
      const r = read(text);
      expect(r.result).toBe('done');
      expect(body(r)).toBe('{"a":2}');
      expect(r.parser.keepAlive).toBe(true);
    }
  });

  it('reads a reply framed by the close, and says it is not done before the close', () => {
    const text = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello';
    expect(read(text).result).toBe('more');
    const r = read(text, [], 1 << 20, true);
    expect(r.result).toBe('done');
    expect(body(r)).toBe('hello');
    expect(r.parser.keepAlive).toBe(false);
  });

  it('skips 1xx replies, and reads 204/304 and Content-Length: 0 as empty', () => {
    const r = read(`HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n${ok('{}')}`);
    expect(r.result).toBe('done');
    expect(body(r)).toBe('{}');
    for (const status of ['204 No Content', '304 Not Modified']) {
      const e = read(`HTTP/1.1 ${status}\r\nContent-Length: 3\r\n\r\n`);
      expect(e.result).toBe('done');
      expect(e.parser.body().length).toBe(0);
    }
    expect(read('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n').result).toBe('done');
  });

  it('keep-alive follows the HTTP version and Connection', () => {
    const ka = (text: string): boolean => read(text).parser.keepAlive;
    expect(ka('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')).toBe(false);
    expect(ka('HTTP/1.1 200 OK\r\nConnection: Upgrade, Close\r\nContent-Length: 0\r\n\r\n')).toBe(false);
    expect(ka('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n')).toBe(false);
    expect(ka('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n')).toBe(true);
  });

  it('a length beside a transfer coding is ignored and the connection not reused', () => {
    const r = read(
      'HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n',
    );
    expect(r.result).toBe('done');
    expect(body(r)).toBe('x');
    expect(read('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzz', [], 100, true).parser.keepAlive).toBe(
      false,
    );
  });

  it('reports bytes after the reply', () => {
    const r = read(`${ok('{}')}HTTP/1.1 200 OK\r\n`);
    expect(r.result).toBe('done');
    expect(r.parser.extra).toBe(true);
  });

  it('gives the same reply however the bytes are split', () => {
    const replies = [
      ok('{"summary":{"a":[1,2,3]}}', 'X-Pad: yes\r\n'),
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n2\r\n7}\r\n0\r\n\r\n',
      'HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\n{}',
    ];
    for (const text of replies) {
      const whole = read(text);
      fc.assert(
        fc.property(fc.array(fc.nat(text.length), { maxLength: 8 }), (cuts) => {
          const r = read(text, cuts);
          expect(r.result).toBe('done');
          expect(body(r)).toBe(body(whole));
          expect(r.parser.status).toBe(whole.parser.status);
        }),
        { numRuns: 150 },
      );
      // Every single-byte split, too.
      const bytes = Array.from({ length: text.length }, (_, i) => i);
      expect(body(read(text, bytes))).toBe(body(whole));
    }
  });

  it('is reusable: reset between replies on one connection', () => {
    const parser = new ReplyParser();
    for (const b of ['{"a":1}', '{"b":22}']) {
      parser.reset(100);
      const bytes = Buffer.from(ok(b));
      expect(parser.feed(bytes, 0, bytes.length)).toBe('done');
      expect(parser.body().toString()).toBe(b);
    }
  });

  it('hands the body over, so an idle connection does not keep its last reply', () => {
    for (const text of [
      ok('{"a":1}'),
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{"a\r\n4\r\n":1}\r\n0\r\n\r\n',
    ]) {
      const r = read(text, [30, 41]);
      expect(r.result).toBe('done');
      expect(r.parser.takeBody().toString()).toBe('{"a":1}');
      expect(r.parser.contentType).toBeNull();
      expect(r.parser.body().length).toBe(0);
      expect(r.parser.takeBody().length).toBe(0);
    }
  });
});

describe('reply reader: hostile and malformed input', () => {
  it('refuses what is not an HTTP/1.x reply', () => {
    for (const text of [
      'SSH-2.0-dropbear\r\n\r\n',
      'HTTP/2 200\r\n\r\n',
      'HTTP/1.1 20 OK\r\n\r\n',
      'HTTP/1.1 099 Low\r\n\r\n',
      '\r\n\r\n',
      'HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n',
      'HTTP/1.1 200 OK\r\n: empty name\r\n\r\n',
      'HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n',
      'HTTP/1.1 200 OK\r\nX: 1\r\n folded\r\n\r\n',
      'HTTP/1.1 101 Switching Protocols\r\n\r\n',
    ]) {
      const r = read(text);
      expect(r.result, text).toBe('malformed');
      expect(r.parser.error).not.toBe('');
    }
  });

  it('refuses lengths that disagree or are not numbers (request smuggling shapes)', () => {
    for (const cl of [
      'Content-Length: 5\r\nContent-Length: 6',
      'Content-Length: 5, 6',
      'Content-Length: -1',
      'Content-Length: 0x10',
      'Content-Length: 1e3',
      'Content-Length: ',
      'Content-Length: 99999999999999999',
    ]) {
      expect(read(`HTTP/1.1 200 OK\r\n${cl}\r\n\r\n`).result, cl).toBe('malformed');
    }
    const same = read('HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\n{}');
    expect(same.result).toBe('done');
  });

  it('refuses bad chunk framing', () => {
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
    for (const chunks of [
      'zz\r\nab\r\n0\r\n\r\n',
      '2\r\nabc\r\n0\r\n\r\n',
      '-2\r\nab\r\n',
      `${'f'.repeat(13)}\r\n`,
    ]) {
      expect(read(head + chunks).result, chunks).toBe('malformed');
    }
  });

  it('stops reading a body beyond the limit, whatever its framing', () => {
    expect(read(ok('x'.repeat(101)), [], 100).result).toBe('too-large');
    expect(read(ok('x'.repeat(100)), [], 100).result).toBe('done');
    const chunked = `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n${'x'.repeat(64)}\r\n40\r\n`;
    expect(read(chunked, [], 100).result).toBe('too-large');
    const huge = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffff\r\n';
    expect(read(huge, [], 100).result).toBe('too-large');
    expect(read(`HTTP/1.1 200 OK\r\n\r\n${'x'.repeat(101)}`, [], 100).result).toBe('too-large');
  });

  it('refuses an endless head, chunk line or trailer section instead of buffering it', () => {
    const endless = `HTTP/1.1 200 OK\r\nX: ${'a'.repeat(MAX_HEAD_BYTES)}`;
    expect(read(endless, [100, 5000, 9000]).result).toBe('malformed');
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
    expect(read(`${head}1;${'e'.repeat(2000)}`, [60, 600]).result).toBe('malformed');
    expect(read(`${head}0\r\n${'X-T: 1\r\n'.repeat(300)}`).result).toBe('malformed');
  });

  it('random bytes, and random bytes after a valid head, end as a result', () => {
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.boolean(),
        fc.array(fc.nat(300)),
        (bytes, framed, cuts) => {
          const text = Buffer.concat([Buffer.from(framed ? head : ''), Buffer.from(bytes)]);
          const r = read(text, cuts, 1000, true);
          expect(['more', 'done', 'too-large', 'malformed']).toContain(r.result);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseHead', () => {
  it('keeps the first Content-Type and tolerates a missing reason phrase', () => {
    const h = parseHead('HTTP/1.1 404\r\nContent-Type: text/html\r\ncontent-type: x\r\n\r\n');
    expect(h).toMatchObject({ status: 404, contentType: 'text/html', length: -1, chunked: false });
  });
});

describe('Keep-Alive: how long the miner keeps an idle connection', () => {
  it('reads timeout=N in seconds among other parameters, in any case and spacing', () => {
    expect(keepAliveTimeout('timeout=5')).toBe(5);
    expect(keepAliveTimeout('timeout=5, max=1000')).toBe(5);
    expect(keepAliveTimeout('max=100, Timeout = 60')).toBe(60);
    expect(keepAliveTimeout('timeout="15"')).toBe(15);
    expect(keepAliveTimeout('timeout=0')).toBe(0);
  });

  it('treats a value it cannot read as not said, never as a guess', () => {
    for (const v of [
      '',
      'max=5',
      'timeout=',
      'timeout=abc',
      'timeout=-1',
      'timeout=5.5',
      'timeout=1e3',
      'timeout=99999999',
      'timeout=5x',
      'timeouts=5',
      'xtimeout=5',
      ',,,',
    ]) {
      expect(keepAliveTimeout(v)).toBe(-1);
    }
  });

  it('is part of the head, and unsaid (-1) when the header is absent or malformed', () => {
    const said = read('HTTP/1.1 200 OK\r\nKeep-Alive: timeout=5, max=100\r\nContent-Length: 0\r\n\r\n');
    expect(said.parser.idleTimeoutS).toBe(5);
    expect(said.parser.keepAlive).toBe(true);
    expect(read('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n').parser.idleTimeoutS).toBe(-1);
    expect(
      read('HTTP/1.1 200 OK\r\nkeep-alive: timeout=soon\r\nContent-Length: 0\r\n\r\n').parser.idleTimeoutS,
    ).toBe(-1);
    const h = parseHead('HTTP/1.1 200 OK\r\nKEEP-ALIVE: timeout=30\r\n\r\n');
    expect(h).toMatchObject({ status: 200, idleTimeoutS: 30 });
  });

  it('is forgotten between replies on one connection', () => {
    const parser = new ReplyParser();
    const feed = (text: string) => {
      parser.reset(1 << 20);
      const b = Buffer.from(text, 'latin1');
      return parser.feed(b, 0, b.length);
    };
    expect(feed('HTTP/1.1 200 OK\r\nKeep-Alive: timeout=9\r\nContent-Length: 0\r\n\r\n')).toBe('done');
    expect(parser.idleTimeoutS).toBe(9);
    expect(feed('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')).toBe('done');
    expect(parser.idleTimeoutS).toBe(-1);
  });
});

describe('truncating mode (identification reads a page’s start)', () => {
  const long = 'x'.repeat(300);
  const framings = {
    length: `HTTP/1.1 200 OK\r\nContent-Length: ${long.length}\r\n\r\n${long}`,
    // Announces far more than it sends: reading stops at the limit, nothing of the announced size is allocated.
    huge: `HTTP/1.1 200 OK\r\nContent-Length: 5000000000\r\n\r\n${long}`,
    chunked: `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n96\r\n${long.slice(0, 150)}\r\n96\r\n${long.slice(150)}\r\n0\r\n\r\n`,
    close: `HTTP/1.0 200 OK\r\n\r\n${long}`,
  };

  it('keeps the first maxBytes of a longer body, however it is framed and split', () => {
    for (const [name, text] of Object.entries(framings)) {
      for (const cuts of [[], [40], [50, 120, 260]]) {
        const r = read(text, cuts, 100, false, true);
        // Stopped at the limit, or complete when the whole reply came in the same read.
        expect(['done', 'too-large']).toContain(r.result);
        if (name === 'huge') expect(r.result).toBe('too-large');
        expect(body(r)).toBe('x'.repeat(100));
        expect(r.parser.status).toBe(200);
      }
    }
  });

  it('reads a body within the limit whole, and the strict mode still refuses a longer one', () => {
    const r = read(framings.length, [], 300, false, true);
    expect(r.result).toBe('done');
    expect(body(r)).toBe(long);
    expect(read(framings.length, [], 100).result).toBe('too-large');
    expect(read(framings.huge, [], 100).parser.body().length).toBe(0);
  });
});

describe('headerList: every header, for identification', () => {
  it('lists names as sent and trimmed values in order, after any provisional reply', () => {
    const r = read(
      'HTTP/1.1 100 Continue\r\nX-Early: 1\r\n\r\nHTTP/1.1 200 OK\r\nServer:  lighttpd \r\nWWW-Authenticate: Basic\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nContent-Length: 0\r\n\r\n',
    );
    expect(r.result).toBe('done');
    expect(headerList(r.parser.head)).toEqual([
      'Server',
      'lighttpd',
      'WWW-Authenticate',
      'Basic',
      'Set-Cookie',
      'a=1',
      'set-cookie',
      'b=2',
      'Content-Length',
      '0',
    ]);
  });

  it('reads LF-only heads, empty values, and has nothing for a reply with no headers or no head yet', () => {
    expect(headerList('HTTP/1.0 200 OK\nServer: tiny\nX-Empty:\n\n')).toEqual([
      'Server',
      'tiny',
      'X-Empty',
      '',
    ]);
    expect(headerList('HTTP/1.0 200 OK\r\n\r\n')).toEqual([]);
    expect(headerList('')).toEqual([]);
  });
});
