/**
 * The sync half of the live client (live-client.ts keeps connect and backoff): calls under a deadline that a
 * teardown can abort, the full sync (the four f_all_* calls, docs/prohashing.md §3, §6) and the topic subscriptions.
 * Every step checks it still belongs to the current connection (`current(epoch)`) before touching state.
 */
import type { Logger } from '../../contract/dispatch';
import { type Clock } from '../../clock';
import { PoolError, redact, toPoolError } from './errors';
import { type LiveSettings } from './live-settings';
import { type LiveMessage, liveTopics } from './live-topics';
import { type WampSession } from './wamp-connector';
import { parseBalanceSnapshot, parseGeneral, parseMinerList, parseProfitability } from './wamp-payloads';

export type Deadlines = {
  /** `p` or a timeout; settled as aborted by `abortAll`, so nothing awaits forever. */
  deadline<T>(p: Promise<T>, ms: number, what: string): Promise<T>;
  /** The connection is torn down: every call still waiting fails with `error`. */
  abortAll(error: PoolError): void;
};

export function createDeadlines(clock: Clock, clean: (error: unknown) => PoolError): Deadlines {
  const pending = new Set<(e: PoolError) => void>();
  return {
    deadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const settle = (): void => {
          cancel();
          pending.delete(abort);
        };
        const abort = (e: PoolError): void => {
          settle();
          reject(e);
        };
        const cancel = clock.after(ms, () =>
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
    },
    abortAll(error) {
      for (const abort of [...pending]) abort(error);
    },
  };
}

export type SyncContext = {
  key: string;
  settings: LiveSettings;
  clock: Clock;
  deadlines: Deadlines;
  /** Whether `epoch` is still the live connection. */
  current(epoch: number): boolean;
  emit(message: LiveMessage): void;
  /** Something failed without ending the connection. */
  report(error: unknown): void;
  clean(error: unknown): PoolError;
  synced(at: number): void;
};

/** The four f_all_* calls: workers and balances are required (the account's state), the rest reported. */
export async function fullSync(c: SyncContext, my: number, session: WampSession): Promise<void> {
  const call = (proc: string, args: unknown[]): Promise<unknown> =>
    c.deadlines.deadline(session.call(proc, args), c.settings.callTimeoutMs, `ProHashing live ${proc}`);
  const [miners, balances, profit, general] = await Promise.allSettled([
    call('f_all_miner_updates', [c.key]),
    call('f_all_balance_updates', [c.key]),
    call('f_all_profitability_updates', []),
    call('f_all_general_updates', []),
  ]);
  if (!c.current(my)) return;
  // Workers and balances are the account's state: without them this sync failed.
  if (miners.status === 'rejected') throw c.clean(miners.reason);
  if (balances.status === 'rejected') throw c.clean(balances.reason);
  const list = parseMinerList(miners.value);
  if (list === null) throw new PoolError('bad_reply', 'ProHashing live f_all_miner_updates: not a list');
  const entries = parseBalanceSnapshot(balances.value);
  if (entries === null)
    throw new PoolError('bad_reply', 'ProHashing live f_all_balance_updates: not an object');
  const now = c.clock.now();
  c.emit({ kind: 'miners', full: true, updates: list });
  c.emit({ kind: 'balances', full: true, entries });
  if (profit.status === 'fulfilled')
    c.emit({ kind: 'profitability', full: true, rows: parseProfitability(profit.value) });
  else c.report(profit.reason);
  const g = general.status === 'fulfilled' ? parseGeneral(general.value, now) : null;
  if (g) c.emit({ kind: 'general', value: g });
  else if (general.status === 'rejected') c.report(general.reason);
  c.synced(now);
  c.emit({ kind: 'synced', at: now });
}

/** Subscribes every topic; a required one that fails fails the connection, the others are reported. */
export async function subscribeAll(c: SyncContext, my: number, session: WampSession): Promise<void> {
  const topics = liveTopics(c.key, c.emit, () => c.clock.now());
  const results = await Promise.allSettled(
    topics.map(({ topic, handle }) =>
      c.deadlines.deadline(
        session.subscribe(topic, (args) => {
          // Events of a connection we already gave up on must not touch the rebuilt state.
          if (c.current(my)) handle(args);
        }),
        c.settings.callTimeoutMs,
        'ProHashing live subscribe',
      ),
    ),
  );
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') return;
    if (topics[i]?.required) throw c.clean(r.reason);
    c.report(r.reason);
  });
}

/**
 * The sync context of one client: its errors cleaned of the API key (it travels in topic names), its messages
 * handed to the owner (a throwing owner is logged, never taken for a broken connection), calls under deadlines.
 */
export function createSyncContext(o: {
  key: string;
  settings: LiveSettings;
  clock: Clock;
  current(epoch: number): boolean;
  onMessage(message: LiveMessage): void;
  onError?: ((error: PoolError) => void) | undefined;
  log: Pick<Logger, 'error'>;
  synced(at: number): void;
}): SyncContext {
  const { key } = o;
  const clean = (error: unknown): PoolError => {
    const e = toPoolError(error, 'protocol', key);
    return e.message.includes(key) ? new PoolError(e.code, redact(e.message, key)) : e;
  };
  return {
    key,
    settings: o.settings,
    clock: o.clock,
    deadlines: createDeadlines(o.clock, clean),
    current: o.current,
    emit(m) {
      try {
        o.onMessage(m);
      } catch (error) {
        // A throwing listener is the owner's bug; it must not look like a broken connection.
        o.log.error('ProHashing live listener:', error);
      }
    },
    report: (error) => o.onError?.(clean(error)),
    clean,
    synced: o.synced,
  };
}

/** The periodic full resync's one timer, and when it is due (null: not armed). */
export function createResyncTimer(clock: Clock, run: (epoch: number) => void) {
  let cancel: (() => void) | null = null;
  let at: number | null = null;
  return {
    arm(epoch: number, delay: number): void {
      cancel?.();
      at = clock.now() + delay;
      cancel = clock.after(delay, () => {
        cancel = null;
        at = null;
        run(epoch);
      });
    },
    clear(): void {
      cancel?.();
      cancel = null;
      at = null;
    },
    at: () => at,
  };
}
