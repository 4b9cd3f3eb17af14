// @vitest-environment node
// The collector's defaults follow the user's poll interval: timeouts never outlive it, staleness and backoff
// scale with it, offline stays at about a minute, and explicit overrides win.
import { describe, expect, it } from 'vitest';
import { collectorConfig, DEFAULT_RETENTION } from '../../../../electron/collector/config';

describe('collector config', () => {
  it('defaults to the 15 s interval with a 5 s request timeout and a minute to offline', () => {
    const c = collectorConfig();
    expect(c.cadence).toEqual({
      intervalMs: 15_000,
      jitterRatio: 0.1,
      backoffAfterMisses: 2,
      backoffMaxMs: 60_000,
      batchMs: 250,
    });
    expect(c.timeoutMs).toBe(5000);
    expect(c.liveness).toEqual({
      staleAfterMisses: 2,
      staleAfterMs: 42_500,
      offlineAfterMs: 60_000,
      offlineAfterMisses: 3,
    });
    expect(c.retention).toEqual(DEFAULT_RETENTION);
    expect(c.chipsWithSlow).toBe(false);
  });

  it('scales with the interval and keeps requests shorter than it', () => {
    const fast = collectorConfig({ pollIntervalSec: 5, retention: DEFAULT_RETENTION });
    expect(fast.timeoutMs).toBe(2500);
    expect(fast.liveness.staleAfterMs).toBe(15_000);
    const slow = collectorConfig({ pollIntervalSec: 300, retention: DEFAULT_RETENTION });
    expect(slow.cadence.backoffMaxMs).toBe(600_000);
    expect(slow.detailEveryMs).toBe(1_200_000);
  });

  it('lets overrides win', () => {
    const c = collectorConfig(undefined, {
      cadence: { intervalMs: 1000 },
      liveness: { offlineAfterMisses: 5 },
      concurrency: 8,
    });
    expect([c.cadence.intervalMs, c.timeoutMs, c.liveness.offlineAfterMisses, c.concurrency]).toEqual([
      1000, 500, 5, 8,
    ]);
  });
});
