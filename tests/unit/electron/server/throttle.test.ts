// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { type LoginThrottle, createLoginThrottle } from '../../../../electron/server/throttle';

const opts = { freeAttempts: 3, baseLockMs: 1000, maxLockMs: 8000, maxEntries: 3 };

function fail(t: LoginThrottle, key: string, now: number) {
  const gate = t.begin(key, now);
  if (!gate.allowed) throw new Error(`expected an attempt for ${key} at ${now}`);
  gate.attempt.failed(now);
}

describe('login throttle', () => {
  it('allows a few mistakes, then locks out for longer after each further failure, up to a cap', () => {
    const t = createLoginThrottle(opts);
    const now = 10_000;
    fail(t, 'a', now);
    fail(t, 'a', now);
    fail(t, 'a', now);
    expect(t.begin('a', now)).toEqual({ allowed: false, retryAfterMs: 1000 });
    fail(t, 'a', now + 1000);
    expect(t.begin('a', now + 1000)).toEqual({ allowed: false, retryAfterMs: 2000 });
    for (let i = 0; i < 3; i++) fail(t, 'a', now + 3000 + i * 8000);
    expect(t.begin('a', now + 19_000)).toEqual({ allowed: false, retryAfterMs: 8000 });
  });

  it('counts attempts still in flight: a burst gets only the free attempts', () => {
    const t = createLoginThrottle(opts);
    const gates = Array.from({ length: 100 }, () => t.begin('a', 0));
    const granted = gates.filter((g) => g.allowed);
    expect(granted).toHaveLength(3);
    for (const g of granted) if (g.allowed) g.attempt.failed(0);
    expect(t.begin('a', 0).allowed).toBe(false);
  });

  it('after a lock-out expires, lets one attempt through at a time', () => {
    const t = createLoginThrottle(opts);
    for (let i = 0; i < 3; i++) fail(t, 'a', 0);
    const first = t.begin('a', 1000);
    expect(first.allowed).toBe(true);
    expect(t.begin('a', 1000).allowed).toBe(false);
  });

  it('settles an attempt once, keeps addresses apart and forgets on success', () => {
    const t = createLoginThrottle(opts);
    fail(t, 'a', 0);
    fail(t, 'a', 0);
    const last = t.begin('a', 0);
    expect(t.begin('b', 0).allowed).toBe(true);
    if (!last.allowed) throw new Error('expected an attempt');
    last.attempt.succeeded();
    last.attempt.failed(0);
    for (let i = 0; i < 2; i++) fail(t, 'a', 0);
    expect(t.begin('a', 0).allowed).toBe(true);
  });

  it('never holds more than maxEntries addresses, dropping the stalest', () => {
    const t = createLoginThrottle(opts);
    for (const ip of ['1', '2', '3', '4', '5']) fail(t, ip, 0);
    expect(t.size()).toBe(3);
  });
});
