// @vitest-environment node
import { describe, expect, it } from 'vitest';

import {
  breakerAdmit,
  breakerFailure,
  breakerNeutral,
  breakerSuccess,
  closedBreaker,
} from '../../../../../electron/advice/abacus/breaker';

const cfg = { threshold: 3, cooldownMs: 60_000, maxCooldownMs: 200_000 };

describe('circuit breaker', () => {
  it('stays closed below the threshold and opens at it', () => {
    let b = closedBreaker(cfg);
    b = breakerFailure(b, 0, cfg);
    b = breakerFailure(b, 0, cfg);
    expect(b.state).toBe('closed');
    expect(breakerAdmit(b, 0).allow).toBe(true);
    b = breakerFailure(b, 1_000, cfg);
    expect(b).toMatchObject({ state: 'open', failures: 3, retryAtMs: 61_000 });
    expect(breakerAdmit(b, 60_999).allow).toBe(false);
  });

  it('lets exactly one probe through once the cooldown is over', () => {
    let b = closedBreaker(cfg);
    for (let i = 0; i < 3; i++) b = breakerFailure(b, 0, cfg);
    const first = breakerAdmit(b, 60_000);
    expect(first).toMatchObject({ allow: true, next: { state: 'half-open' } });
    expect(breakerAdmit(first.next, 60_001).allow).toBe(false);
  });

  it('closes on a successful probe and forgets the failures', () => {
    let b = closedBreaker(cfg);
    for (let i = 0; i < 3; i++) b = breakerFailure(b, 0, cfg);
    b = breakerSuccess(breakerAdmit(b, 60_000).next, cfg);
    expect(b).toEqual(closedBreaker(cfg));
  });

  it('reopens on a failed probe for twice as long, up to the cap', () => {
    let b = closedBreaker(cfg);
    for (let i = 0; i < 3; i++) b = breakerFailure(b, 0, cfg);
    b = breakerFailure(breakerAdmit(b, 60_000).next, 60_000, cfg);
    expect(b).toMatchObject({ state: 'open', retryAtMs: 180_000, cooldownMs: 120_000 });
    b = breakerFailure(breakerAdmit(b, 180_000).next, 180_000, cfg);
    expect(b).toMatchObject({ state: 'open', retryAtMs: 380_000, cooldownMs: 200_000 });
  });

  it('a probe that ends without a verdict (429) leaves it open but probing again', () => {
    let b = closedBreaker(cfg);
    for (let i = 0; i < 3; i++) b = breakerFailure(b, 0, cfg);
    b = breakerNeutral(breakerAdmit(b, 60_000).next, 60_500);
    expect(b.state).toBe('open');
    expect(breakerAdmit(b, 60_500).allow).toBe(true);
    expect(breakerNeutral(closedBreaker(cfg), 0)).toEqual(closedBreaker(cfg));
  });

  it('a success while closed resets the count of failures in a row', () => {
    let b = breakerFailure(breakerFailure(closedBreaker(cfg), 0, cfg), 0, cfg);
    b = breakerSuccess(b, cfg);
    expect(breakerFailure(breakerFailure(b, 0, cfg), 0, cfg).state).toBe('closed');
  });
});
