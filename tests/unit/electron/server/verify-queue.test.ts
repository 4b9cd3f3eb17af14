// @vitest-environment node
import { describe, expect, it } from 'vitest';

import type { PasswordRecord } from '../../../../electron/server/password';
import { boundedVerify } from '../../../../electron/server/verify-queue';

const record: PasswordRecord = {
  algorithm: 'scrypt',
  N: 2,
  r: 1,
  p: 1,
  salt: 'x'.repeat(16),
  hash: 'y'.repeat(16),
};

describe('boundedVerify', () => {
  it('never runs more checks at once than its limit, and answers every one in order', async () => {
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const slow = async (password: string) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running -= 1;
      return password === 'right';
    };
    const verify = boundedVerify(slow, 2);
    const answers = ['a', 'right', 'b', 'c', 'right'].map((p) => verify(p, record));
    while (release.length > 0 || running > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      release.shift()?.();
    }
    expect(await Promise.all(answers)).toEqual([false, true, false, false, true]);
    expect(peak).toBe(2);
  });
});
