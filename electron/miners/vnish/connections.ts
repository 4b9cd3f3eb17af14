/**
 * Keep-alive TCP connections to the miners' web servers: at most a few per miner, one idle one kept for the
 * next request, closed after an idle timeout. Requests beyond a miner's limit wait their turn for that miner only.
 *
 * How long an idle connection is worth keeping is learned per miner (docs/poll-path.md §3): as long as the
 * miner says it keeps one (`Keep-Alive: timeout=N`, kept until just before N), else the agent's idle timeout.
 * When a miner's idle connection goes unused for that long (at a 15 s interval against a 5 s server timeout,
 * every time), the miner is "sparse": its next requests ask `Connection: close`, so the miner frees the
 * connection at once and RigDeck holds no idle socket, no timer and no long-lived garbage for it. A request
 * that comes soon after such a close (a control action's read-back) turns reuse back on.
 *
 * Why not node:http's Agent: the collector bench measured its ClientRequest/IncomingMessage machinery at
 * ~30 µs of CPU per poll more than this pool, and a poll is one small GET: at a thousand rigs that is the
 * difference between the collector or the miners being the limit. At a 15 s interval every poll opens a fresh
 * connection (how long the firmware keeps an idle one is a gap, docs/vnish.md §9), so a connection is made
 * cheap: it reads into one buffer shared by all sockets (`onread`: no Buffer and no stream event per read; what
 * is kept is copied out by the reply reader at once), keeps one reply reader for its whole life, sets its
 * listeners once, and has no timer of its own: the agent closes idle connections from one timer.
 */
import { connect, type Socket } from 'node:net';
import { ReplyParser } from './reply-parser';

/** Every socket reads into this: reads run one at a time on the event loop and are consumed before the next. */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/** What the exchange that holds a connection hears from its socket. */
export type ConnOwner = {
  /** READ_BUFFER[0, n) holds the bytes just read; they are overwritten by the next read. */
  onRead(buf: Buffer, n: number): void;
  /** The socket failed or closed: `error` is null for a plain close by the miner. */
  onGone(error: Error | null): void;
};

/** Someone waiting for a connection. */
export type ConnTaker = { take(conn: Conn): void };

export type Conn = {
  readonly socket: Socket;
  readonly key: string;
  readonly parser: ReplyParser;
  /** The request on it asks the miner to close after the reply: nobody is expected to reuse it. */
  closeAfter: boolean;
  owner: ConnOwner | null;
  /** Has completed an exchange before: a failure before any reply byte may just be a stale keep-alive. */
  reused: boolean;
  closed: boolean;
  /** When the idle sweep closes it (Date.now() based). */
  idleUntil: number;
};

export type MinerAgentOptions = {
  /** Concurrent connections per miner. Vnish's web server is small: a few are plenty. */
  maxSocketsPerHost?: number;
  /** Idle connections kept per miner. A regular poll is one request, so one is reused; the rest close at once. */
  maxFreeSocketsPerHost?: number;
  /**
   * Idle connections are closed after this long when the miner does not say how long it keeps them (the sim
   * says 5 s, Node's default; the firmware's is a GAP, docs/vnish.md §9).
   */
  idleTimeoutMs?: number;
  /** The longest a miner's `Keep-Alive: timeout=N` may make RigDeck keep an idle connection. */
  maxIdleTimeoutMs?: number;
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
type HostState = {
  host: string;
  port: number;
  idle: Conn[];
  all: Set<Conn>;
  waiting: Waiter[];
  /** How long an idle connection to this miner is kept (learned from its Keep-Alive header). */
  keepMs: number;
  /** Its last idle connection went unused: ask for a close after each reply instead of keeping one. */
  sparse: boolean;
  /** When its last connection was given back (Date.now()), for forgetting unused hosts. */
  freedAt: number;
  /** When RigDeck last closed one of its connections after the reply for sparseness: would keeping have paid? */
  droppedAt: number;
};

/** Hosts with nothing open are forgotten (their learned keep-alive with them) after this long unused. */
const FORGET_AFTER_MS = 15 * 60_000;
/** How often (in acquisitions) forgotten hosts are looked for. */
const FORGET_EVERY = 4096;

/**
 * How long to keep an idle connection the miner says it keeps for `seconds`: until just before (its timer
 * starts when it has sent the reply, ours a little later), capped at `maxMs`; 0 for a miner that keeps none.
 */
export function keepForMs(seconds: number, maxMs: number): number {
  const ms = seconds * 1000;
  return Math.max(0, Math.min(ms - Math.min(1000, ms / 5), maxMs));
}

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

/** A new connection to the miner, its socket listeners set once for its whole life. */
function openConn(h: HostState, key: string, life: ConnLifecycle): Conn {
  const onread = {
    buffer: READ_BUFFER,
    callback: (n: number): boolean => {
      // Bytes nobody asked for: the connection is out of step with us; drop it.
      if (conn.owner === null) life.drop(conn, h, null);
      else conn.owner.onRead(READ_BUFFER, n);
      return true;
    },
  };
  // An IP literal (what the fleet holds) goes straight to connect(); a name is looked up as usual. No
  // TCP_NODELAY (a syscall per connection): a request is one write, sent at once as nothing is unacknowledged
  // before it; only a streamed upload sets it (http.ts).
  const socket = connect({ host: h.host, port: h.port, onread });
  const conn: Conn = {
    socket,
    key,
    parser: new ReplyParser(),
    closeAfter: false,
    owner: null,
    reused: false,
    closed: false,
    idleUntil: 0,
  };
  h.all.add(conn);
  socket.on('end', () => life.closed(conn, h, null));
  socket.on('error', (error) => life.closed(conn, h, error));
  socket.on('close', () => life.closed(conn, h, null));
  return conn;
}

type IdleSweep = { add(conn: Conn, keepMs: number): void; remove(conn: Conn): void; stop(): void };

/**
 * Idle connections closed by one timer, not a timer each. Deadlines differ by miner (each says how long it keeps
 * a connection), so a sweep looks at all of them; there is at most one per miner, and a sweep runs a few
 * times per idle period at most (`coarseMs` apart: a little late rather than one wake-up per connection).
 */
function idleSweep(coarseMs: number, close: (conn: Conn) => void): IdleSweep {
  const idle = new Set<Conn>();
  let timer: NodeJS.Timeout | null = null;
  let timerAt = Infinity;
  const arm = (at: number, now: number): void => {
    if (timer !== null) clearTimeout(timer);
    timerAt = Math.max(at, now + coarseMs);
    timer = setTimeout(sweep, timerAt - now);
    // Idle connections do not keep the process alive on the timer's account.
    timer.unref();
  };
  const sweep = (): void => {
    timer = null;
    timerAt = Infinity;
    const now = Date.now();
    let next = Infinity;
    for (const c of idle) {
      if (c.idleUntil > now) next = Math.min(next, c.idleUntil);
      else {
        idle.delete(c);
        close(c);
      }
    }
    if (next < Infinity) arm(next, now);
  };
  return {
    add(conn, keepMs) {
      const now = Date.now();
      conn.idleUntil = now + keepMs;
      idle.add(conn);
      if (timer === null || conn.idleUntil < timerAt - coarseMs) arm(conn.idleUntil, now);
    },
    remove: (conn) => idle.delete(conn),
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      timerAt = Infinity;
    },
  };
}

function newHost(host: string, port: number, keepMs: number): HostState {
  return {
    host,
    port,
    idle: [],
    all: new Set(),
    waiting: [],
    keepMs,
    sparse: false,
    freedAt: 0,
    droppedAt: -Infinity,
  };
}

/** Forgets miners with nothing open that nobody asked for in a long while (a removed rig, a one-off address). */
function forgetUnused(hosts: Map<string, HostState>, now: number): void {
  for (const [key, h] of hosts) {
    if (h.all.size === 0 && h.waiting.length === 0 && now - h.freedAt > FORGET_AFTER_MS) hosts.delete(key);
  }
}

function countOpen(hosts: Map<string, HostState>): number {
  let n = 0;
  for (const h of hosts.values()) n += h.all.size;
  return n;
}

export function createMinerAgent(options: MinerAgentOptions = {}): MinerAgent {
  const maxOpen = options.maxSocketsPerHost ?? 4;
  const maxIdle = options.maxFreeSocketsPerHost ?? 1;
  const idleMs = options.idleTimeoutMs ?? 4000;
  const maxIdleMs = Math.max(idleMs, options.maxIdleTimeoutMs ?? 60_000);
  // Kept across connections, so what was learned of a miner outlives them; unused ones are forgotten lazily.
  const hosts = new Map<string, HostState>();
  let acquisitions = 0;

  const onClosed = (conn: Conn, h: HostState, error: Error | null): void => {
    if (conn.closed) return;
    conn.closed = true;
    h.all.delete(conn);
    const i = h.idle.indexOf(conn);
    if (i >= 0) {
      h.idle.splice(i, 1);
      // Kept, and closed before anyone used it (by the sweep or by the miner): keeping them does not pay here.
      h.sparse = true;
    }
    idle.remove(conn);
    // The owner still holds the connection while it hears of the close: a reply read until close completes then.
    conn.owner?.onGone(error);
    conn.owner = null;
    // A slot freed up: the next request waiting for this miner gets a fresh connection.
    const w = nextWaiter(h);
    if (w !== undefined) w.taker.take(open(h, conn.key, Date.now()));
  };

  /** Closes a connection now and frees its slot (its 'close' event, later, finds it already gone). */
  const drop = (conn: Conn, h: HostState, error: Error | null): void => {
    conn.socket.destroy();
    onClosed(conn, h, error);
  };

  const lifecycle: ConnLifecycle = { closed: onClosed, drop };
  const idle = idleSweep(idleMs / 8, (c) => {
    const h = hosts.get(c.key);
    if (h === undefined) c.socket.destroy();
    else drop(c, h, null);
  });
  const open = (h: HostState, key: string, now: number): Conn => {
    // A new connection soon after RigDeck closed one for sparseness: a kept one would have served, so keep again.
    if (h.sparse && h.all.size === 0 && now - h.droppedAt < h.keepMs) h.sparse = false;
    const conn = openConn(h, key, lifecycle);
    conn.closeAfter = h.sparse;
    return conn;
  };

  const hostState = (host: string, port: number, key: string): HostState => {
    let h = hosts.get(key);
    if (h === undefined) {
      h = newHost(host, port, idleMs);
      hosts.set(key, h);
    }
    return h;
  };

  return {
    acquire(host, port, taker) {
      const key = `${host}:${port}`;
      const h = hostState(host, port, key);
      const free = h.idle.pop();
      if (free !== undefined) {
        idle.remove(free);
        taker.take(free);
        return NOTHING;
      }
      if (h.all.size < maxOpen) {
        const now = Date.now();
        if (++acquisitions % FORGET_EVERY === 0) forgetUnused(hosts, now);
        taker.take(open(h, key, now));
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
      const h = hosts.get(conn.key);
      if (h === undefined) {
        conn.socket.destroy();
        return;
      }
      const now = Date.now();
      h.freedAt = now;
      if (conn.closeAfter) h.droppedAt = now;
      if (conn.closed) return;
      if (!reusable) {
        drop(conn, h, null);
        return;
      }
      conn.reused = true;
      const said = conn.parser.idleTimeoutS;
      if (said >= 0) h.keepMs = keepForMs(said, maxIdleMs);
      const w = nextWaiter(h);
      if (w !== undefined) w.taker.take(conn);
      else if (!h.sparse && h.keepMs > 0 && h.idle.length < maxIdle) {
        h.idle.push(conn);
        idle.add(conn, h.keepMs);
      } else {
        if (h.sparse) h.droppedAt = now;
        drop(conn, h, null);
      }
    },
    destroy() {
      idle.stop();
      const closing = new Error('connection closed by RigDeck');
      for (const h of [...hosts.values()]) {
        for (const c of [...h.all]) drop(c, h, closing);
      }
    },
    openCount: () => countOpen(hosts),
  };
}
