// @vitest-environment node
// The polite REST cadence as pure decisions: floors that settings cannot undercut, exponential backoff on
// failure, a long wait after a refused key, Retry-After honoured.
import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../electron/pool/prohashing/backoff';
import {
  ACCOUNT_MIN_INTERVAL_MS,
  afterFailure,
  afterSkip,
  afterSuccess,
  DEFAULT_CADENCE,
  dueEndpoints,
  initialSchedules,
  nextWakeAt,
  PUBLIC_MIN_INTERVAL_MS,
  resolveCadence,
} from '../../../../electron/pool/prohashing/cadence';

const T0 = 1_700_000_000_000;

describe('cadence', () => {
  it('floors: account ≥ 60 s, public ≥ 120 s, whatever the setting says', () => {
    const c = resolveCadence({
      accountIntervalMs: 1_000,
      publicIntervalMs: 0,
      backoffFactor: 0.1,
      maxBackoffMs: 5,
      authRetryMs: 1,
    });
    expect(c.accountIntervalMs).toBe(ACCOUNT_MIN_INTERVAL_MS);
    expect(c.publicIntervalMs).toBe(PUBLIC_MIN_INTERVAL_MS);
    expect(c.backoffFactor).toBe(1);
    expect(c.maxBackoffMs).toBe(PUBLIC_MIN_INTERVAL_MS);
    expect(c.authRetryMs).toBe(ACCOUNT_MIN_INTERVAL_MS);
    expect(resolveCadence({ accountIntervalMs: Number.NaN })).toEqual(DEFAULT_CADENCE);
    expect(resolveCadence({ accountIntervalMs: 300_000 }).accountIntervalMs).toBe(300_000);
  });

  it('everything due at start; success waits one interval per class', () => {
    const c = resolveCadence();
    const s = initialSchedules(['wallet', 'status'], T0);
    expect(dueEndpoints(s, T0)).toEqual(['wallet', 'status']);
    expect(afterSuccess('wallet', T0, c).nextAt).toBe(T0 + 60_000);
    expect(afterSuccess('currencies', T0, c).nextAt).toBe(T0 + 120_000);
    const first = s.get('wallet');
    if (!first) throw new Error('no schedule');
    expect(afterSkip(first, 'walletEx', T0, c).nextAt).toBe(T0 + 60_000);
  });

  it('failures back off exponentially up to the ceiling, never below the interval', () => {
    const c = resolveCadence({ maxBackoffMs: 10 * 60_000 });
    let s = initialSchedules(['wallet'], T0).get('wallet');
    if (!s) throw new Error('no schedule');
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 6; i++) {
      s = afterFailure(s, 'wallet', now, { code: 'html' }, c);
      waits.push(s.nextAt - now);
      now = s.nextAt;
    }
    expect(waits).toEqual([120_000, 240_000, 480_000, 600_000, 600_000, 600_000]);
    expect(s.failures).toBe(6);
    expect(afterSuccess('wallet', now, c).failures).toBe(0);
  });

  it('a refused key waits authRetryMs; 429 waits at least Retry-After', () => {
    const c = resolveCadence();
    const s = initialSchedules(['wallet', 'status'], T0);
    const w = s.get('wallet');
    const st = s.get('status');
    if (!w || !st) throw new Error('no schedule');
    expect(afterFailure(w, 'wallet', T0, { code: 'auth' }, c).nextAt - T0).toBe(c.authRetryMs);
    expect(afterFailure(st, 'status', T0, { code: 'rate_limited', retryAfterSec: 3600 }, c).nextAt - T0).toBe(
      3_600_000,
    );
    expect(afterFailure(st, 'status', T0, { code: 'rate_limited', retryAfterSec: 1 }, c).nextAt - T0).toBe(
      240_000,
    );
  });

  it('nextWakeAt is the earliest nextAt; backoffDelay is pure arithmetic', () => {
    const c = resolveCadence();
    const s = new Map([
      ['wallet', afterSuccess('wallet', T0, c)],
      ['status', afterSuccess('status', T0 - 100_000, c)],
    ] as const);
    expect(nextWakeAt(s)).toBe(T0 + 20_000);
    expect(nextWakeAt(new Map())).toBeNull();
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, { baseMs: 100, factor: 2, maxMs: 500 }))).toEqual([
      0, 100, 200, 400, 500,
    ]);
  });
});
