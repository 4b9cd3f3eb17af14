/**
 * ProHashing's live feed (WAMP, docs/prohashing.md §3) kept in sync: on every (re)connect the four f_all_* calls
 * rebuild the state first, then the topics are subscribed (§6: calls before subscriptions, so state is
 * rebuilt and nothing stale survives a reconnect); a full resync repeats every few minutes; a lost or failed
 * connection is retried with exponential backoff. Every deadline and timer runs on the injected clock.
 * The client only parses and forwards: merging is workers.ts / balances.ts, owned by the service.
 */
import type { Logger } from '../../contract/dispatch';
import { backoffDelay } from './backoff';
import { type Cancel, type Clock } from '../../clock';
import { PoolError } from './errors';
import { type LiveSettings, MIN_RESYNC_MS } from './live-settings';
import { type WampAttempt, type WampCloseInfo, type WampConnector, type WampSession } from './wamp-connector';
import { createLiveStatus, type LiveStatus } from './live-status';
import { type LiveMessage } from './live-topics';
import { createResyncTimer, createSyncContext, fullSync as syncAll, subscribeAll } from './live-sync';

export { type LiveMessage } from './live-topics';

export type { LiveStatus } from './live-status';

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

/** GOODBYE normally closes the socket at once; shutdown does not hang on a peer that never answers. */
const CLOSE_WAIT_MS = 2_000;

const closedError = (info: WampCloseInfo): PoolError =>
  new PoolError(
    'protocol',
    `ProHashing live: connection ${info.reason}${info.detail ? ` (${info.detail})` : ''}`,
  );

/** One connection attempt: closes are reported (after the session joined), internal errors too. */
const openWamp = (
  o: LiveClientOptions,
  onClose: (info: WampCloseInfo) => void,
  onInternalError: (error: unknown) => void,
): WampAttempt =>
  o.connector({
    url: o.url,
    realm: o.settings.realm,
    authid: o.settings.authid,
    secret: o.settings.secret,
    onClose,
    onInternalError,
  });

async function closedWithin(clock: Clock, closed: Promise<void>, ms: number): Promise<void> {
  let cancelWait: Cancel = () => undefined;
  await Promise.race([closed, new Promise<void>((r) => (cancelWait = clock.after(ms, r)))]);
  cancelWait();
}

/**
 * How soon an early resync may run: only while live, never within MIN_RESYNC_MS of the last sync, and not at
 * all when the scheduled one comes first (null).
 */
function earlyResyncDelay(status: LiveStatus, scheduledAt: number | null, now: number): number | null {
  if (status.state !== 'live') return null;
  const earliest = Math.max(now, (status.lastSyncAt ?? 0) + MIN_RESYNC_MS);
  if (scheduledAt !== null && scheduledAt <= earliest) return null;
  return earliest - now;
}

export function createLiveClient(o: LiveClientOptions): LiveClient {
  const s = o.settings;
  let stopped = true;
  let epoch = 0;
  let attempt: Attempt | null = null;
  let failures = 0;
  /** The epoch whose full sync is running, if any (an old sync winding down must not clear a new one's). */
  let syncEpoch: number | null = null;
  let cancelRetry: Cancel | null = null;
  const status = createLiveStatus(o.clock, o.onStatus);
  const current = (my: number): boolean => !stopped && attempt !== null && attempt.epoch === my;
  const sync = createSyncContext({
    key: o.apiKey,
    settings: s,
    clock: o.clock,
    current,
    onMessage: o.onMessage,
    onError: o.onError,
    log: o.log ?? console,
    synced: (at) => status.set({ lastSyncAt: at }),
  });
  const { clean, report, deadlines } = sync;
  const resyncTimer = createResyncTimer(o.clock, (my) => void resync(my));

  function teardown(): Attempt | null {
    const a = attempt;
    attempt = null;
    syncEpoch = null;
    resyncTimer.clear();
    deadlines.abortAll(new PoolError('aborted', 'ProHashing live: connection closed'));
    a?.wamp.close();
    return a;
  }

  function fail(my: number, error: PoolError): void {
    if (!current(my)) return;
    teardown();
    failures += 1;
    const delay = backoffDelay(failures, s.reconnect);
    status.reconnecting(error, delay);
    cancelRetry = o.clock.after(delay, () => {
      cancelRetry = null;
      void connect();
    });
  }

  /** One full sync at a time: an old sync winding down must not clear a new one's mark. */
  async function fullSync(my: number, session: WampSession): Promise<void> {
    syncEpoch = my;
    try {
      await syncAll(sync, my, session);
    } finally {
      if (syncEpoch === my) syncEpoch = null;
    }
  }

  async function connect(): Promise<void> {
    if (stopped) return;
    const my = ++epoch;
    status.state('connecting', { nextRetryAt: null });
    const wamp = openWamp(o, (info) => fail(my, closedError(info)), report);
    const a: Attempt = { epoch: my, wamp, session: null };
    attempt = a;
    try {
      a.session = await deadlines.deadline(wamp.joined, s.connectTimeoutMs, 'ProHashing live: connect');
      if (!current(my)) return;
      status.state('syncing');
      await fullSync(my, a.session);
      if (!current(my)) return;
      await subscribeAll(sync, my, a.session);
      if (!current(my)) return;
      failures = 0;
      status.state('live');
      resyncTimer.arm(my, s.resyncMs);
    } catch (error) {
      fail(my, clean(error));
    }
  }

  async function resync(my: number): Promise<void> {
    const session = attempt?.session;
    if (!current(my) || !session) return;
    // Never two syncs at once; try again one period later rather than dropping the schedule.
    if (syncEpoch !== null) return resyncTimer.arm(my, s.resyncMs);
    try {
      await fullSync(my, session);
      if (current(my)) resyncTimer.arm(my, s.resyncMs);
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
      status.state('closed', { nextRetryAt: null });
      if (a) await closedWithin(o.clock, a.wamp.closed, CLOSE_WAIT_MS);
    },
    resyncSoon() {
      if (stopped || syncEpoch !== null) return;
      const delay = earlyResyncDelay(status.get(), resyncTimer.at(), o.clock.now());
      if (delay !== null) resyncTimer.arm(epoch, delay);
    },
    status: status.get,
  };
}
