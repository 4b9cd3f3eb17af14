/**
 * Keep-alive TCP connections to the miners' web servers: at most a few per miner, one idle one kept for the
 * next poll, closed after an idle timeout. Requests beyond a miner's limit wait their turn for that miner only.
 *
 * Why not node:http's Agent: the collector bench measured its ClientRequest/IncomingMessage machinery at
 * ~30 µs of CPU per poll more than this pool plus http-parser-js (the parser autocannon uses), and a poll is
 * one small GET: at a thousand rigs that is the difference between the collector or the miners being the
 * limit. Each connection keeps one set of socket listeners and one parser for its whole life; an exchange
 * borrows it (`owner`) instead of adding and removing listeners per request.
 */
import { connect, type Socket } from 'node:net';
import { HTTPParser } from 'http-parser-js';

export type Parser = InstanceType<typeof HTTPParser>;

/** What the exchange that holds a connection hears from its socket and its parser. */
export type ConnOwner = {
  onData(chunk: Buffer): void;
  /** The socket failed or closed: `error` is null for a plain close by the miner. */
  onGone(error: Error | null): void;
  /** Parser events; onHeaders returns 1 to read no body (http-parser-js's skipBody). */
  onHeaders(info: HeadersInfo): 0 | 1;
  onBody(chunk: Buffer, offset: number, length: number): void;
  onComplete(): void;
};

/** The part of http-parser-js's header event an exchange reads. */
export type HeadersInfo = { statusCode: number; headers: string[]; shouldKeepAlive: boolean };

/** Someone waiting for a connection. */
export type ConnTaker = { take(conn: Conn): void };

export type Conn = {
  readonly socket: Socket;
  readonly key: string;
  readonly parser: Parser;
  owner: ConnOwner | null;
  /** Has completed an exchange before: a failure before any reply byte may just be a stale keep-alive. */
  reused: boolean;
  closed: boolean;
};

export type MinerAgentOptions = {
  /** Concurrent connections per miner. Vnish's web server is small: a few are plenty. */
  maxSocketsPerHost?: number;
  /** Idle connections kept per miner. A regular poll is one request, so one is reused; the rest close at once. */
  maxFreeSocketsPerHost?: number;
  /** Idle connections are closed after this long (the sim closes after 5 s; firmware likely similar, GAP). */
  idleTimeoutMs?: number;
};

/**
 * No cap over all miners: callers bound what is in flight (the collector's concurrency) and idle connections
 * are bounded by one per miner and the idle timeout. (A total cap, as on node:http's Agent, makes a request to
 * a new miner wait for another miner's idle socket to time out once the fleet is larger than the cap.)
 */
export type MinerAgent = {
  /**
   * Hands a connection to `give`, now or when one of this miner's connections frees up. Returns a function
   * that withdraws a request still waiting.
   */
  acquire(host: string, port: number, taker: ConnTaker): () => void;
  /** Gives a connection back: kept for reuse when `reusable` (a complete keep-alive reply), else closed. */
  release(conn: Conn, reusable: boolean): void;
  /** Closes every connection now (requests on them fail as closed); the agent stays usable. */
  destroy(): void;
  /** Open connections, for tests and diagnostics. */
  openCount(): number;
};

type Waiter = { taker: ConnTaker; withdrawn: boolean };
type HostState = { host: string; port: number; idle: Conn[]; all: Set<Conn>; waiting: Waiter[] };

const NOTHING = (): void => undefined;

/** The first request still waiting for this miner's connection, skipping withdrawn ones. */
function nextWaiter(h: HostState): Waiter | undefined {
  let w = h.waiting.shift();
  while (w?.withdrawn) w = h.waiting.shift();
  return w;
}

/** What a connection's socket reports back to its agent. */
type ConnLifecycle = {
  closed(conn: Conn, h: HostState, error: Error | null): void;
  drop(conn: Conn, h: HostState, error: Error | null): void;
};

/** A new connection to the miner, its socket and parser listeners set once for its whole life. */
function openConn(h: HostState, key: string, idleMs: number, life: ConnLifecycle): Conn {
  const socket = connect({ host: h.host, port: h.port, noDelay: true });
  const parser = new HTTPParser(HTTPParser.RESPONSE);
  const conn: Conn = { socket, key, parser, owner: null, reused: false, closed: false };
  // Set once per connection; they reach whichever exchange holds it (none: the bytes are out of step).
  parser[HTTPParser.kOnHeadersComplete] = (info: HeadersInfo) => conn.owner?.onHeaders(info) ?? 1;
  parser[HTTPParser.kOnBody] = (chunk: Buffer, offset: number, length: number) =>
    conn.owner?.onBody(chunk, offset, length);
  parser[HTTPParser.kOnMessageComplete] = () => conn.owner?.onComplete();
  h.all.add(conn);
  socket.setTimeout(idleMs);
  socket.on('data', (chunk: Buffer) => {
    // Bytes nobody asked for: the connection is out of step with us; drop it.
    if (conn.owner === null) life.drop(conn, h, null);
    else conn.owner.onData(chunk);
  });
  // Busy connections have their exchange's deadline; only idle ones time out here.
  socket.on('timeout', () => {
    if (conn.owner === null) life.drop(conn, h, null);
  });
  socket.on('end', () => life.closed(conn, h, null));
  socket.on('error', (error) => life.closed(conn, h, error));
  socket.on('close', () => life.closed(conn, h, null));
  return conn;
}

export function createMinerAgent(options: MinerAgentOptions = {}): MinerAgent {
  const maxOpen = options.maxSocketsPerHost ?? 4;
  const maxIdle = options.maxFreeSocketsPerHost ?? 1;
  const idleMs = options.idleTimeoutMs ?? 4000;
  const hosts = new Map<string, HostState>();

  const forget = (h: HostState, key: string): void => {
    if (h.all.size === 0 && h.waiting.length === 0) hosts.delete(key);
  };

  const onClosed = (conn: Conn, h: HostState, error: Error | null): void => {
    if (conn.closed) return;
    conn.closed = true;
    h.all.delete(conn);
    const i = h.idle.indexOf(conn);
    if (i >= 0) h.idle.splice(i, 1);
    // The owner still holds the connection while it hears of the close: a reply read until close completes then.
    conn.owner?.onGone(error);
    conn.owner = null;
    // A slot freed up: the next request waiting for this miner gets a fresh connection.
    const w = nextWaiter(h);
    if (w !== undefined) w.taker.take(open(h, conn.key));
    else forget(h, conn.key);
  };

  /** Closes a connection now and frees its slot (its 'close' event, later, finds it already gone). */
  const drop = (conn: Conn, h: HostState, error: Error | null): void => {
    conn.socket.destroy();
    onClosed(conn, h, error);
  };

  const lifecycle: ConnLifecycle = { closed: onClosed, drop };
  const open = (h: HostState, key: string): Conn => openConn(h, key, idleMs, lifecycle);

  const hostState = (host: string, port: number, key: string): HostState => {
    let h = hosts.get(key);
    if (h === undefined) {
      h = { host, port, idle: [], all: new Set(), waiting: [] };
      hosts.set(key, h);
    }
    return h;
  };

  return {
    acquire(host, port, taker) {
      const key = `${host}:${port}`;
      const h = hostState(host, port, key);
      const idle = h.idle.pop();
      if (idle !== undefined) {
        taker.take(idle);
        return NOTHING;
      }
      if (h.all.size < maxOpen) {
        taker.take(open(h, key));
        return NOTHING;
      }
      const w: Waiter = { taker, withdrawn: false };
      h.waiting.push(w);
      return () => {
        w.withdrawn = true;
      };
    },
    release(conn, reusable) {
      conn.owner = null;
      if (conn.closed) return;
      const h = hosts.get(conn.key);
      if (h === undefined) {
        conn.socket.destroy();
        return;
      }
      if (!reusable) {
        drop(conn, h, null);
        return;
      }
      conn.reused = true;
      const w = nextWaiter(h);
      if (w !== undefined) w.taker.take(conn);
      else if (h.idle.length < maxIdle) h.idle.push(conn);
      else drop(conn, h, null);
    },
    destroy() {
      const closing = new Error('connection closed by RigDeck');
      for (const h of [...hosts.values()]) {
        for (const c of [...h.all]) drop(c, h, closing);
      }
    },
    openCount: () => {
      let n = 0;
      for (const h of hosts.values()) n += h.all.size;
      return n;
    },
  };
}
