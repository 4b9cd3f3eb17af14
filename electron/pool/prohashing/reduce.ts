/**
 * The service's state transitions as pure functions: a live message or a REST outcome in, the next data
 * and the topics it touched out. Kept apart from service.ts so every merge rule is testable without sockets.
 */
import { type PoolBlock, type ProHashingTopic, type RestEndpoint } from '../../../shared/pool';
import { applyIncrements, applyLiveSnapshot, applyWallet } from './balances';
import { type EndpointSchedule } from './cadence';
import { type PoolError } from './errors';
import { type LiveMessage, type LiveStatus } from './live-client';
import { type RestOutcome } from './rest-poller';
import { currentWorkers, errorInfo, type PoolData } from './state';
import { mergeDiffs, replaceSessions, workersFromRest } from './workers';

export type Step = { data: PoolData; topics: ProHashingTopic[]; unnamedSessions: string[] };

const step = (data: PoolData, topics: ProHashingTopic[], unnamedSessions: string[] = []): Step => ({
  data,
  topics,
  unnamedSessions,
});

export type ReduceOptions = { staleAfterMs: number; maxBlocks: number; walletPolled: boolean };

export function applyLive(data: PoolData, m: LiveMessage, now: number, o: ReduceOptions): Step {
  switch (m.kind) {
    case 'miners': {
      if (m.full)
        return step({ ...data, sessions: replaceSessions(data.sessions, m.updates, now).table }, [
          'workers',
          'mapping',
        ]);
      const merged = mergeDiffs(data.sessions, m.updates, now);
      return step({ ...data, sessions: merged.table }, ['workers', 'mapping'], merged.unnamed);
    }
    case 'balances': {
      const balances = m.full
        ? applyLiveSnapshot(data.balances, m.entries, now)
        : applyIncrements(data.balances, m.entries, now);
      return step({ ...data, balances }, ['balances']);
    }
    case 'profitability': {
      // S4/S6 merge update keys into the stored map; a full call result replaces it.
      const next = new Map(m.full ? [] : data.profitability);
      for (const row of m.rows) next.set(row.algorithmId, row);
      return step({ ...data, profitability: next }, ['market']);
    }
    case 'general':
      return step({ ...data, general: m.value }, ['market']);
    case 'blocks': {
      const ours = new Set(currentWorkers(data, now, o.staleAfterMs).map((w) => w.name));
      const found: PoolBlock[] = m.blocks.map((b) => ({
        ...b,
        ours: b.worker !== null && ours.has(b.worker),
        at: now,
      }));
      return step({ ...data, blocks: [...data.blocks, ...found].slice(-o.maxBlocks) }, ['blocks']);
    }
    case 'miningFailures': {
      const live = {
        ...data.health.live,
        miningFailureEvents: data.health.live.miningFailureEvents + m.count,
      };
      return step({ ...data, health: { ...data.health, live } }, ['health']);
    }
    case 'synced':
      return step(data, ['health']);
  }
}

export function applyLiveStatus(data: PoolData, s: LiveStatus): Step {
  const held = data.health.live.lastError;
  const incoming =
    s.lastError && s.lastErrorAt !== null ? errorInfo(s.lastError, 'live', s.lastErrorAt) : null;
  const live = {
    ...data.health.live,
    state: s.state,
    since: s.since,
    lastSyncAt: s.lastSyncAt,
    reconnects: s.reconnects,
    nextRetryAt: s.nextRetryAt,
    // A newer non-fatal error (reported through onError) is not overwritten by an older fatal one.
    lastError: incoming && (held === null || incoming.at >= held.at) ? incoming : held,
  };
  // The worker list's source depends on the live state, so workers and mapping may change with it.
  return step({ ...data, health: { ...data.health, live } }, ['health', 'workers', 'mapping']);
}

/** A live failure that did not end the connection (an optional call or topic, a bad event): health shows it. */
export function applyLiveError(data: PoolData, e: PoolError, at: number): Step {
  const lastError = { code: e.code, message: e.message, source: 'live' as const, at };
  return step({ ...data, health: { ...data.health, live: { ...data.health.live, lastError } } }, ['health']);
}

/** An endpoint's schedule moved: health shows its failures and next attempt. */
export function applyRestSchedule(data: PoolData, e: RestEndpoint, s: EndpointSchedule): Step {
  const prev = data.health.rest[e];
  const rest = { ...data.health.rest, [e]: { ...prev, failures: s.failures, nextAt: s.nextAt } };
  return step({ ...data, health: { ...data.health, rest } }, ['health']);
}

export function applyRest(data: PoolData, r: RestOutcome, o: ReduceOptions): Step {
  const prev = data.health.rest[r.endpoint];
  if (!r.ok) {
    const rest = {
      ...data.health.rest,
      [r.endpoint]: { ...prev, lastError: errorInfo(r.error, r.endpoint, r.at) },
    };
    const apiKey = r.error.code === 'auth' ? 'invalid' : data.health.apiKey;
    return step({ ...data, health: { ...data.health, apiKey, rest } }, ['health']);
  }
  const rest = { ...data.health.rest, [r.endpoint]: { ...prev, lastOkAt: r.at } };
  const health = { ...data.health, rest };
  switch (r.endpoint) {
    case 'wallet':
      return step({ ...data, balances: applyWallet(r.value, r.at), health: { ...health, apiKey: 'ok' } }, [
        'balances',
        'health',
      ]);
    case 'walletEx': {
      const next = {
        ...data,
        restWorkers: workersFromRest(r.value.miners, r.at),
        health: { ...health, apiKey: 'ok' as const },
      };
      // walletEx balances (a GAP, §2.3) only stand in when wallet itself is not polled.
      if (!o.walletPolled && r.value.balances !== null) next.balances = applyWallet(r.value.balances, r.at);
      return step(next, ['workers', 'mapping', 'balances', 'health']);
    }
    case 'status':
      return step({ ...data, algorithms: r.value, health }, ['market', 'health']);
    case 'currencies':
      return step({ ...data, coins: r.value, health }, ['market', 'health']);
  }
}
