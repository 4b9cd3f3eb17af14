/**
 * The ProHashing connector as one service: the live (WAMP) feed for workers and balances, the REST API at a
 * polite cadence for wallet details, pool status and coins (and walletEx as the worker fallback while the
 * live feed is down), and the worker ↔ rig mapping. Effects (clock, fetch, WAMP connector) are injected;
 * the URLs are required so nothing, a test least of all, reaches the real pool by default.
 */
import type { Logger } from '../../contract/dispatch';
import {
  type ProHashingState,
  type ProHashingTopic,
  type RestEndpoint,
  restEndpoints,
} from '../../../shared/pool';
import { DEFAULT_DUST } from './balances';
import { type CadenceSettings, resolveCadence } from './cadence';
import { type Cancel, type Clock } from '../../clock';
import { createLiveClient, type LiveClient } from './live-client';
import { type LiveSettingsInput, resolveLiveSettings } from './live-settings';
import { DEFAULT_POOL_HOSTS, type RigPoolInput } from './mapping';
import {
  applyLive,
  applyLiveError,
  applyLiveStatus,
  applyRest,
  applyRestSchedule,
  type ReduceOptions,
  type Step,
} from './reduce';
import { createRestClient } from './rest-client';
import { createRestPoller, type RestPoller } from './rest-poller';
import { buildState, emptyData, type PoolData, type ViewOptions } from './state';
import { autobahnConnector, type WampConnector } from './wamp-connector';
import { DEFAULT_STALE_AFTER_MS, nextStaleAt } from './workers';

/** The real endpoints, for the composition root; never a default here. */
export { PROHASHING_REST_URL, PROHASHING_WS_URL } from '../../../shared/pool';

export type RestOptions = {
  endpoints?: readonly RestEndpoint[];
  timeoutMs?: number;
  userAgent?: string;
  /** Poll walletEx even while the live feed is synced (it duplicates the live worker list). */
  walletExWhileLive?: boolean;
};

export type ProHashingOptions = {
  apiKey: string;
  /** The ProHashing username (the stratum user); only rigs mining for it are mapped. */
  accountName?: string;
  baseUrl: string;
  wsUrl: string;
  clock: Clock;
  fetch?: typeof fetch;
  connector?: WampConnector;
  /** Where throwing listeners are reported (here, in the live client and the poller); console when not given. */
  log?: Pick<Logger, 'error'>;
  /** Slower only: the floors (60 s account, 120 s public) cannot be undercut. */
  cadence?: Partial<CadenceSettings>;
  /** false: no live feed (REST only). */
  live?: LiveSettingsInput | false;
  /** false: no REST polling (live only). */
  rest?: RestOptions | false;
  staleAfterMs?: number;
  dust?: number;
  poolHosts?: readonly string[];
  caseInsensitiveWorkers?: boolean;
  maxBlocks?: number;
};

export type ProHashingChange = { topics: ProHashingTopic[]; state: ProHashingState };
export type ProHashingListener = (change: ProHashingChange) => void;

export type ProHashingService = {
  start(): void;
  /** Leaves the live session, cancels polls and timers; resolves when sockets are closed. */
  stop(): Promise<void>;
  getState(): ProHashingState;
  /** Called after every change with the topics it touched; returns the unsubscribe function. */
  subscribe(listener: ProHashingListener): () => void;
  /** The fleet's pool settings, for the worker ↔ rig mapping. */
  setRigs(rigs: readonly RigPoolInput[]): void;
};

/** The options with their defaults: what the views, the reducers and the REST poller run with. */
function resolveOptions(o: ProHashingOptions) {
  const staleAfterMs = o.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const restOptions = o.rest === false ? null : (o.rest ?? {});
  const endpoints = restOptions === null ? [] : [...(restOptions.endpoints ?? restEndpoints)];
  const view: ViewOptions = {
    staleAfterMs,
    dust: o.dust ?? DEFAULT_DUST,
    mapping: {
      accountName: o.accountName,
      poolHosts: o.poolHosts ?? DEFAULT_POOL_HOSTS,
      caseInsensitiveWorkers: o.caseInsensitiveWorkers ?? false,
    },
  };
  const reduceOptions: ReduceOptions = {
    staleAfterMs,
    maxBlocks: o.maxBlocks ?? 50,
    walletPolled: endpoints.includes('wallet'),
  };
  return { staleAfterMs, restOptions, endpoints, view, reduceOptions };
}

export function createProHashing(o: ProHashingOptions): ProHashingService {
  if (o.apiKey.trim() === '') throw new TypeError('createProHashing: apiKey is empty');
  const clock = o.clock;
  const { staleAfterMs, restOptions, endpoints, view, reduceOptions } = resolveOptions(o);
  const listeners = new Set<ProHashingListener>();
  let data: PoolData = emptyData(clock.now());
  let cancelStale: Cancel | null = null;
  let running = false;

  const notify = (topics: ProHashingTopic[]): void => {
    if (listeners.size === 0 || topics.length === 0) return;
    // Built on first read, once for all listeners: most changes (a hashrate diff, a REST schedule) are heard by
    // listeners that read the state only for some topics, or only while a browser is connected.
    const at = clock.now();
    const seen = data;
    let state: ProHashingState | null = null;
    const change: ProHashingChange = {
      topics: [...new Set(topics)],
      get state() {
        return (state ??= buildState(seen, at, view));
      },
    };
    for (const l of [...listeners]) {
      try {
        l(change);
      } catch (error) {
        (o.log ?? console).error('ProHashing listener:', error);
      }
    }
  };

  // Silence turns a connection stale without any message: wake up then, so listeners hear about it.
  const armStale = (): void => {
    cancelStale?.();
    cancelStale = null;
    const at = running ? nextStaleAt(data.sessions, clock.now(), staleAfterMs) : null;
    if (at !== null)
      cancelStale = clock.after(at - clock.now(), () =>
        commit({ data, topics: ['workers'], unnamedSessions: [] }),
      );
  };

  const commit = (s: Step): void => {
    data = s.data;
    if (s.topics.includes('workers')) armStale();
    if (s.unnamedSessions.length > 0) live?.resyncSoon();
    notify(s.topics);
  };

  const live: LiveClient | null =
    o.live === false
      ? null
      : createLiveClient({
          url: o.wsUrl,
          apiKey: o.apiKey,
          clock,
          connector: o.connector ?? autobahnConnector,
          ...(o.log ? { log: o.log } : {}),
          settings: resolveLiveSettings(o.live ?? {}),
          onMessage: (m) => commit(applyLive(data, m, clock.now(), reduceOptions)),
          onStatus: (s) => commit(applyLiveStatus(data, s)),
          onError: (e) => commit(applyLiveError(data, e, clock.now())),
        });

  const poller: RestPoller | null =
    restOptions === null || endpoints.length === 0
      ? null
      : createRestPoller({
          client: createRestClient({
            baseUrl: o.baseUrl,
            apiKey: o.apiKey,
            clock,
            ...(o.fetch ? { fetch: o.fetch } : {}),
            ...(restOptions.timeoutMs !== undefined ? { timeoutMs: restOptions.timeoutMs } : {}),
            ...(restOptions.userAgent !== undefined ? { userAgent: restOptions.userAgent } : {}),
          }),
          clock,
          cadence: resolveCadence(o.cadence),
          endpoints,
          ...(o.log ? { log: o.log } : {}),
          // walletEx duplicates the live worker list: only ask for it while the live feed is not synced.
          shouldPoll: (e) =>
            e !== 'walletEx' ||
            restOptions.walletExWhileLive === true ||
            live === null ||
            live.status().state !== 'live',
          onOutcome: (r) => commit(applyRest(data, r, reduceOptions)),
          onSchedule: (e, s) => commit(applyRestSchedule(data, e, s)),
        });

  return {
    start() {
      if (running) return;
      running = true;
      live?.start();
      poller?.start();
    },
    async stop() {
      if (!running) return;
      running = false;
      cancelStale?.();
      cancelStale = null;
      await Promise.all([live?.stop(), poller?.stop()]);
    },
    getState: () => buildState(data, clock.now(), view),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setRigs(rigs) {
      data = { ...data, rigs: rigs.map((r) => ({ rigId: r.rigId, pools: r.pools.map((p) => ({ ...p })) })) };
      notify(['mapping']);
    },
  };
}
