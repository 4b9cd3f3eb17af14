import { describe, expect, it } from 'vitest';

import { acceptsGzip } from '../../../../electron/server/accept-encoding';

describe('acceptsGzip', () => {
  it('admits gzip listed by name, in any case, among others, or by * ', () => {
    for (const h of ['gzip', 'gzip, deflate, br, zstd', 'br;q=1.0, GZIP;q=0.5', 'x-gzip', '*', 'br, *;q=0.1'])
      expect(acceptsGzip(h), h).toBe(true);
  });

  it('refuses what the client did not ask for or weighted zero, and nonsense weights', () => {
    for (const h of [
      undefined,
      '',
      'identity',
      'br, deflate',
      'gzip;q=0',
      'gzip;q=0.000',
      '*;q=0',
      'gzip;q=abc',
    ])
      expect(acceptsGzip(h), String(h)).toBe(false);
  });

  it('lets gzip named with zero weight win over a * that admits everything', () => {
    expect(acceptsGzip('*, gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
  });
});
