/**
 * ProHashing's live feed (WAMP, prohashing.md §3) kept in sync: on every (re)connect the four f_all_* calls
 * rebuild the state first, then the topics are subscribed (§6: calls before subscriptions, so state is
 * rebuilt and nothing stale survives a reconnect); a full resync repeats every few minutes; a lost or failed
 * connection is retried with exponential backoff. Every deadline and timer runs on the injected clock.
 * The client only parses and forwards: merging is workers.ts / balances.ts, owned by the service.
 */
import type { Logger } from '../../contract/dispatch';
import { type LiveState } from '../../../shared/pool';
import { backoffDelay } from './backoff';
import { type Cancel, type Clock } from './clock';
import { PoolError, redact, toPoolError } from './errors';
import { type LiveSettings, MIN_RESYNC_MS } from './live-settings';
import { type WampAttempt, type WampConnector, type WampSession } from './wamp-connector';
import { type LiveMessage, liveTopics } from './live-topics';
import { parseBalanceSnapshot, parseGeneral, parseMinerList, parseProfitability } from './wamp-payloads';

export { type LiveMessage } from './live-topics';

export type LiveStatus = {
  state: LiveState;
  since: number;
  lastSyncAt: number | null;
  reconnects: number;
  nextRetryAt: number | null;
  lastError: PoolError | null;
  lastErrorAt: number | null;
};

export type LiveClientOptions = {
  url: string;
  apiKey: string;
  clock: Clock;
  connector: WampConnector;
  settings: LiveSettings;
  onMessage(message: LiveMessage): void;
  onStatus(status: LiveStatus): void;
  /** Something failed without ending the connection (an optional call or topic, a bad event). */
  onError?: (error: PoolError) => void;
  /** Where a throwing listener is reported; console when not given. */
  log?: Pick<Logger, 'error'>;
};

export type LiveClient = {
  start(): void;
  /** Leaves the session cleanly and cancels every timer; resolves when the socket is closed. */
  stop(): Promise<void>;
  /** Resync early (an unknown uuid arrived), but never within a minute of the last sync. */
  resyncSoon(): void;
  status(): LiveStatus;
};

type Attempt = { epoch: number; wamp: WampAttempt; session: WampSession | null };

export function createLiveClient(o: LiveClientOptions): LiveClient {
  const s = o.settings;
  const key = o.apiKey;
  let stopped = true;
  let epoch = 0;
  let attempt: Attempt | null = null;
  let failures = 0;
  /** The epoch whose full sync is running, if any (an old sync winding down must not clear a new one's). */
  let syncEpoch: number | null = null;
  let cancelRetry: Cancel | null = null;
  let cancelResync: Cancel | null = null;
  let resyncAt: number | null = null;
  const pending = new Set<(e: PoolError) => void>();
  let status: LiveStatus = {
    state: 'idle',
    since: o.clock.now(),
    lastSyncAt: null,
    reconnects: 0,
    nextRetryAt: null,
    lastError: null,
    lastErrorAt: null,
  };

  const setStatus = (patch: Partial<LiveStatus>): void => {
    status = { ...status, ...patch };
    o.onStatus(status);
  };
  const setState = (state: LiveState, patch: Partial<LiveStatus> = {}): void =>
    setStatus({ state, since: o.clock.now(), ...patch });
  const current = (my: number): boolean => !stopped && attempt !== null && attempt.epoch === my;
  const clean = (error: unknown): PoolError => {
    const e = toPoolError(error, 'protocol', key);
    return e.message.includes(key) ? new PoolError(e.code, redact(e.message, key)) : e;
  };
  const report = (error: unknown): void => o.onError?.(clean(error));
  const emit = (m: LiveMessage): void => {
    try {
      o.onMessage(m);
    } catch (error) {
      // A throwing listener is the owner's bug; it must not look like a broken connection.
      (o.log ?? console).error('ProHashing live listener:', error);
    }
  };

  /** `p` or a timeout; settled as aborted when the connection is torn down, so nothing awaits forever. */
  function deadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = (): void => {
        cancel();
        pending.delete(abort);
      };
      const abort = (e: PoolError): void => {
        settle();
        reject(e);
      };
      const cancel = o.clock.after(ms, () =>
        abort(new PoolError('timeout', `${what}: no answer within ${ms} ms`)),
      );
      pending.add(abort);
      p.then(
        (v) => {
          settle();
          resolve(v);
        },
        (e: unknown) => abort(clean(e)),
      );
    });
  }

  function teardown(): Attempt | null {
    const a = attempt;
    attempt = null;
    syncEpoch = null;
    cancelResync?.();
    cancelResync = null;
    resyncAt = null;
    for (const abort of [...pending]) abort(new PoolError('aborted', 'ProHashing live: connection closed'));
    a?.wamp.close();
    return a;
  }

  function fail(my: number, error: PoolError): void {
    if (!current(my)) return;
    teardown();
    failures += 1;
    const delay = backoffDelay(failures, s.reconnect);
    const nextRetryAt = o.clock.now() + delay;
    setState('reconnecting', {
      lastError: error,
      lastErrorAt: o.clock.now(),
      nextRetryAt,
      reconnects: status.reconnects + 1,
    });
    cancelRetry = o.clock.after(delay, () => {
      cancelRetry = null;
      void connect();
    });
  }

  async function fullSync(my: number, session: WampSession): Promise<void> {
    syncEpoch = my;
    try {
      const call = (proc: string, args: unknown[]): Promise<unknown> =>
        deadline(session.call(proc, args), s.callTimeoutMs, `ProHashing live ${proc}`);
      const [miners, balances, profit, general] = await Promise.allSettled([
        call('f_all_miner_updates', [key]),
        call('f_all_balance_updates', [key]),
        call('f_all_profitability_updates', []),
        call('f_all_general_updates', []),
      ]);
      if (!current(my)) return;
      // Workers and balances are the account's state: without them this sync failed.
      if (miners.status === 'rejected') throw clean(miners.reason);
      if (balances.status === 'rejected') throw clean(balances.reason);
      const list = parseMinerList(miners.value);
      if (list === null) throw new PoolError('bad_reply', 'ProHashing live f_all_miner_updates: not a list');
      const entries = parseBalanceSnapshot(balances.value);
      if (entries === null)
        throw new PoolError('bad_reply', 'ProHashing live f_all_balance_updates: not an object');
      const now = o.clock.now();
      emit({ kind: 'miners', full: true, updates: list });
      emit({ kind: 'balances', full: true, entries });
      if (profit.status === 'fulfilled')
        emit({ kind: 'profitability', full: true, rows: parseProfitability(profit.value) });
      else report(profit.reason);
      const g = general.status === 'fulfilled' ? parseGeneral(general.value, now) : null;
      if (g) emit({ kind: 'general', value: g });
      else if (general.status === 'rejected') report(general.reason);
      setStatus({ lastSyncAt: now });
      emit({ kind: 'synced', at: now });
    } finally {
      if (syncEpoch === my) syncEpoch = null;
    }
  }

  async function subscribeAll(my: number, session: WampSession): Promise<void> {
    const topics = liveTopics(key, emit, () => o.clock.now());
    const results = await Promise.allSettled(
      topics.map(({ topic, handle }) =>
        deadline(
          session.subscribe(topic, (args) => {
            // Events of a connection we already gave up on must not touch the rebuilt state.
            if (current(my)) handle(args);
          }),
          s.callTimeoutMs,
          'ProHashing live subscribe',
        ),
      ),
    );
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') return;
      if (topics[i]?.required) throw clean(r.reason);
      report(r.reason);
    });
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    const my = ++epoch;
    setState('connecting', { nextRetryAt: null });
    const wamp = o.connector({
      url: o.url,
      realm: s.realm,
      authid: s.authid,
      secret: s.secret,
      onClose: (info) => {
        const text = `ProHashing live: connection ${info.reason}${info.detail ? ` (${info.detail})` : ''}`;
        fail(my, new PoolError('protocol', text));
      },
      onInternalError: report,
    });
    const a: Attempt = { epoch: my, wamp, session: null };
    attempt = a;
    try {
      a.session = await deadline(wamp.joined, s.connectTimeoutMs, 'ProHashing live: connect');
      if (!current(my)) return;
      setState('syncing');
      await fullSync(my, a.session);
      if (!current(my)) return;
      await subscribeAll(my, a.session);
      if (!current(my)) return;
      failures = 0;
      setState('live');
      armResync(my, s.resyncMs);
    } catch (error) {
      fail(my, clean(error));
    }
  }

  function armResync(my: number, delay: number): void {
    cancelResync?.();
    resyncAt = o.clock.now() + delay;
    cancelResync = o.clock.after(delay, () => {
      cancelResync = null;
      resyncAt = null;
      void resync(my);
    });
  }

  async function resync(my: number): Promise<void> {
    const session = attempt?.session;
    if (!current(my) || !session) return;
    // Never two syncs at once; try again one period later rather than dropping the schedule.
    if (syncEpoch !== null) return armResync(my, s.resyncMs);
    try {
      await fullSync(my, session);
      if (current(my)) armResync(my, s.resyncMs);
    } catch (error) {
      // A resync that cannot complete means the link is not trustworthy: start over on a fresh one.
      fail(my, clean(error));
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      failures = 0;
      void connect();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      cancelRetry?.();
      cancelRetry = null;
      const a = teardown();
      setState('closed', { nextRetryAt: null });
      if (!a) return;
      let cancelWait: Cancel = () => undefined;
      // GOODBYE normally closes the socket at once; do not hang shutdown on a peer that never answers.
      await Promise.race([a.wamp.closed, new Promise<void>((r) => (cancelWait = o.clock.after(2_000, r)))]);
      cancelWait();
    },
    resyncSoon() {
      if (stopped || status.state !== 'live' || syncEpoch !== null) return;
      const earliest = Math.max(o.clock.now(), (status.lastSyncAt ?? 0) + MIN_RESYNC_MS);
      if (resyncAt !== null && resyncAt <= earliest) return;
      armResync(epoch, earliest - o.clock.now());
    },
    status: () => status,
  };
}
