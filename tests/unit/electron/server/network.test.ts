// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { isAllowedOrigin, isLoopbackHost } from '../../../../electron/server/network';
import { resolveStaticPath } from '../../../../electron/security/static-path';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])(
    '%s is loopback',
    (h) => {
      expect(isLoopbackHost(h)).toBe(true);
    },
  );
  it.each(['0.0.0.0', '::', '192.0.2.10', 'example.local', '128.0.0.1', ''])('%s is not', (h) => {
    expect(isLoopbackHost(h)).toBe(false);
  });
});

describe('isAllowedOrigin', () => {
  it('accepts the same origin as the Host header', () => {
    expect(isAllowedOrigin('http://127.0.0.1:4280', '127.0.0.1:4280', [])).toBe(true);
  });
  it('refuses another site, another port and odd schemes', () => {
    expect(isAllowedOrigin('http://evil.example', '127.0.0.1:4280', [])).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:9999', '127.0.0.1:4280', [])).toBe(false);
    expect(isAllowedOrigin('file://', '127.0.0.1:4280', [])).toBe(false);
    expect(isAllowedOrigin('null', '127.0.0.1:4280', [])).toBe(false);
  });
  it('accepts an explicitly allowed origin', () => {
    expect(isAllowedOrigin('https://ops.example', '127.0.0.1:4280', ['https://ops.example'])).toBe(true);
  });
  it('lets non-browser clients (no Origin) through to the password check', () => {
    expect(isAllowedOrigin(undefined, '127.0.0.1:4280', [])).toBe(true);
  });
});

describe('resolveStaticPath', () => {
  const root = '/srv/app';
  it('maps paths inside the bundle', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/app');
    expect(resolveStaticPath(root, '/assets/x.js?v=1')).toBe('/srv/app/assets/x.js');
  });
  it.each([
    '/../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/a/../../b',
    '/x%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (p) => {
    expect(resolveStaticPath(root, p)).toBeNull();
  });
});
