// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { createLoginThrottle } from '../../../../electron/server/throttle';

const opts = { freeAttempts: 3, baseLockMs: 1000, maxLockMs: 8000, maxEntries: 3 };

describe('login throttle', () => {
  it('allows a few mistakes, then locks out for longer after each further failure, up to a cap', () => {
    const t = createLoginThrottle(opts);
    const now = 10_000;
    t.fail('a', now);
    t.fail('a', now);
    expect(t.check('a', now)).toEqual({ allowed: true });
    t.fail('a', now);
    expect(t.check('a', now)).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(t.check('a', now + 1000)).toEqual({ allowed: true });
    t.fail('a', now + 1000);
    expect(t.check('a', now + 1000)).toEqual({ allowed: false, retryAfterMs: 2000 });
    for (let i = 0; i < 10; i++) t.fail('a', now + 2000);
    expect(t.check('a', now + 2000)).toEqual({ allowed: false, retryAfterMs: 8000 });
  });

  it('keeps addresses apart and forgets on success', () => {
    const t = createLoginThrottle(opts);
    for (let i = 0; i < 3; i++) t.fail('a', 0);
    expect(t.check('b', 0).allowed).toBe(true);
    t.succeed('a');
    expect(t.check('a', 0).allowed).toBe(true);
  });

  it('never holds more than maxEntries addresses, dropping the stalest', () => {
    const t = createLoginThrottle(opts);
    for (const ip of ['1', '2', '3', '4', '5']) t.fail(ip, 0);
    expect(t.size()).toBe(3);
  });
});
