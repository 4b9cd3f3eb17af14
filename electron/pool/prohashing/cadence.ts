/**
 * The polite REST cadence as pure decisions: when may each endpoint be called next. ProHashing documents no
 * rate limit (GAP, docs/prohashing.md §6); RigDeck's policy is account endpoints at most once a minute and public
 * ones at most every two minutes, with exponential backoff on failure. The floors are hard: a setting may
 * slow the cadence down, never speed it up beyond them.
 */
import { type PoolErrorCode, type RestEndpoint } from '../../../shared/pool';
import { backoffDelay } from './backoff';

export const ACCOUNT_MIN_INTERVAL_MS = 60_000;
export const PUBLIC_MIN_INTERVAL_MS = 120_000;

export type CadenceSettings = {
  /** wallet, walletEx: ≥ 60 s. */
  accountIntervalMs: number;
  /** status, currencies: ≥ 120 s. */
  publicIntervalMs: number;
  /** Growth of the wait per consecutive failure (≥ 1). */
  backoffFactor: number;
  /** Ceiling of the wait after failures. */
  maxBackoffMs: number;
  /** Wait after the key was refused: it will not fix itself until the user changes it. */
  authRetryMs: number;
};

export const DEFAULT_CADENCE: CadenceSettings = {
  accountIntervalMs: ACCOUNT_MIN_INTERVAL_MS,
  publicIntervalMs: PUBLIC_MIN_INTERVAL_MS,
  backoffFactor: 2,
  maxBackoffMs: 30 * 60_000,
  authRetryMs: 30 * 60_000,
};

const finiteOr = (value: number | undefined, fallback: number): number =>
  value !== undefined && Number.isFinite(value) ? value : fallback;

/** Settings with the floors enforced: values below them are raised to them, never refused. */
export function resolveCadence(input: Partial<CadenceSettings> = {}): CadenceSettings {
  const accountIntervalMs = Math.max(
    ACCOUNT_MIN_INTERVAL_MS,
    finiteOr(input.accountIntervalMs, DEFAULT_CADENCE.accountIntervalMs),
  );
  const publicIntervalMs = Math.max(
    PUBLIC_MIN_INTERVAL_MS,
    finiteOr(input.publicIntervalMs, DEFAULT_CADENCE.publicIntervalMs),
  );
  const longest = Math.max(accountIntervalMs, publicIntervalMs);
  return {
    accountIntervalMs,
    publicIntervalMs,
    backoffFactor: Math.min(10, Math.max(1, finiteOr(input.backoffFactor, DEFAULT_CADENCE.backoffFactor))),
    maxBackoffMs: Math.max(longest, finiteOr(input.maxBackoffMs, DEFAULT_CADENCE.maxBackoffMs)),
    authRetryMs: Math.max(accountIntervalMs, finiteOr(input.authRetryMs, DEFAULT_CADENCE.authRetryMs)),
  };
}

export function isAccountEndpoint(e: RestEndpoint): boolean {
  return e === 'wallet' || e === 'walletEx';
}

export function intervalFor(e: RestEndpoint, c: CadenceSettings): number {
  return isAccountEndpoint(e) ? c.accountIntervalMs : c.publicIntervalMs;
}

export type EndpointSchedule = {
  nextAt: number;
  failures: number;
  lastAttemptAt: number | null;
  lastOkAt: number | null;
};

export type Schedules = ReadonlyMap<RestEndpoint, EndpointSchedule>;

/** Everything due at once on start: the runner calls them one after another, never in parallel. */
export function initialSchedules(endpoints: readonly RestEndpoint[], now: number): Schedules {
  return new Map(
    endpoints.map((e) => [e, { nextAt: now, failures: 0, lastAttemptAt: null, lastOkAt: null }]),
  );
}

export function afterSuccess(e: RestEndpoint, now: number, c: CadenceSettings): EndpointSchedule {
  return { nextAt: now + intervalFor(e, c), failures: 0, lastAttemptAt: now, lastOkAt: now };
}

/** The endpoint was due but not wanted now (walletEx while the live feed is up): look again one interval later. */
export function afterSkip(
  s: EndpointSchedule,
  e: RestEndpoint,
  now: number,
  c: CadenceSettings,
): EndpointSchedule {
  return { ...s, nextAt: now + intervalFor(e, c) };
}

export type FailureInfo = { code: PoolErrorCode; retryAfterSec?: number | undefined };

/** Wait after a failure: never shorter than the normal interval; doubles (by factor) with each failure in a row. */
export function failureDelay(failures: number, e: RestEndpoint, f: FailureInfo, c: CadenceSettings): number {
  const interval = intervalFor(e, c);
  if (f.code === 'auth') return c.authRetryMs;
  const grown = backoffDelay(failures, {
    baseMs: interval * c.backoffFactor,
    factor: c.backoffFactor,
    maxMs: c.maxBackoffMs,
  });
  const asked = f.code === 'rate_limited' && f.retryAfterSec !== undefined ? f.retryAfterSec * 1000 : 0;
  return Math.max(interval, grown, asked);
}

export function afterFailure(
  s: EndpointSchedule,
  e: RestEndpoint,
  now: number,
  f: FailureInfo,
  c: CadenceSettings,
): EndpointSchedule {
  const failures = s.failures + 1;
  return {
    nextAt: now + failureDelay(failures, e, f, c),
    failures,
    lastAttemptAt: now,
    lastOkAt: s.lastOkAt,
  };
}

/** Endpoints whose time has come, earliest first (ties: the order they were configured in). */
export function dueEndpoints(schedules: Schedules, now: number): RestEndpoint[] {
  return [...schedules]
    .filter(([, s]) => s.nextAt <= now)
    .sort((a, b) => a[1].nextAt - b[1].nextAt)
    .map(([e]) => e);
}

/** When the runner should wake up next, or null when nothing is scheduled. */
export function nextWakeAt(schedules: Schedules): number | null {
  let min: number | null = null;
  for (const s of schedules.values()) if (min === null || s.nextAt < min) min = s.nextAt;
  return min;
}
