// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { backoffMs, rateLimitedWaitMs, retryAfterMs } from '../../../../../electron/advice/abacus/backoff';
import { takeToken } from '../../../../../electron/advice/abacus/rate-limit';

const cfg = { baseMs: 5_000, capMs: 60_000 };

describe('backoff', () => {
  it('doubles per failure within [step/2, step], capped', () => {
    expect(backoffMs(1, cfg, () => 0)).toBe(2_500);
    expect(backoffMs(1, cfg, () => 1)).toBe(5_000);
    expect(backoffMs(2, cfg, () => 1)).toBe(10_000);
    expect(backoffMs(3, cfg, () => 0.5)).toBe(15_000);
    expect(backoffMs(10, cfg, () => 1)).toBe(60_000);
    expect(backoffMs(1_000, cfg, () => 0)).toBe(30_000);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores junk', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('1.5', now)).toBe(1_500);
    expect(retryAfterMs('Wed, 02 Dec 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('999999', now)).toBe(3_600_000);
  });

  it('after a 429 waits what the server said, else backs off from 1 s', () => {
    expect(rateLimitedWaitMs(7_000, 3, cfg, () => 0)).toBe(7_000);
    expect(rateLimitedWaitMs(null, 1, cfg, () => 1)).toBe(1_000);
    expect(rateLimitedWaitMs(null, 3, cfg, () => 1)).toBe(4_000);
  });
});

describe('token bucket', () => {
  it('lets a burst of `rate` calls through, then spaces them 1/rate apart', () => {
    let b = null;
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = takeToken(b, 0, 5);
      b = r.bucket;
      waits.push(r.waitMs);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 200, 400]);
  });

  it('refills with time, never above the burst', () => {
    let { bucket } = takeToken(null, 0, 2);
    ({ bucket } = takeToken(bucket, 0, 2));
    expect(takeToken(bucket, 0, 2).waitMs).toBe(500);
    expect(takeToken(bucket, 500, 2).waitMs).toBe(0);
    const rested = takeToken(bucket, 3_600_000, 2).bucket;
    expect(rested.tokens).toBe(1);
  });
});
