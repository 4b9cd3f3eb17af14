// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { accessFor } from '../../../../electron/server/access';
import { hostName, isAllowedOrigin, isLoopbackHost, isServedHost } from '../../../../electron/server/network';
import type { PasswordRecord } from '../../../../electron/server/password';
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

describe('hostName', () => {
  it.each([
    ['127.0.0.1:4280', '127.0.0.1'],
    ['LocalHost.', 'localhost'],
    ['[::1]:4280', '::1'],
    ['rigdeck.lan', 'rigdeck.lan'],
    ['', null],
    [undefined, null],
  ])('%s → %s', (header, name) => {
    expect(hostName(header)).toBe(name);
  });
});

describe('isServedHost', () => {
  const served = { listenHost: '0.0.0.0', allowed: ['rigdeck.farm.lan'] };
  it.each(['127.0.0.1:4280', 'localhost:4280', '[::1]:4280', 'rigdeck.farm.lan:4280', 'RIGDECK.farm.lan'])(
    'answers %s',
    (host) => {
      expect(isServedHost(host, '192.0.2.5', served)).toBe(true);
    },
  );
  it('answers the address the connection arrived on, and the listen address', () => {
    expect(isServedHost('192.0.2.5:4280', '::ffff:192.0.2.5', served)).toBe(true);
    expect(isServedHost('192.0.2.7', '192.0.2.5', { listenHost: '192.0.2.7', allowed: [] })).toBe(true);
  });
  it.each(['evil.example:4280', 'evil.example', '192.0.2.6:4280', 'farm.lan', 'localhost.evil.example', ''])(
    'refuses %s',
    (host) => {
      expect(isServedHost(host, '192.0.2.5', served)).toBe(false);
    },
  );
  it('refuses a request without Host', () => {
    expect(isServedHost(undefined, '127.0.0.1', served)).toBe(false);
  });
});

describe('accessFor', () => {
  const record: PasswordRecord = {
    algorithm: 'scrypt',
    N: 2,
    r: 1,
    p: 1,
    salt: 'x'.repeat(16),
    hash: 'y'.repeat(16),
  };
  it('opens loopback without a password, and asks for it when one is set', () => {
    expect(accessFor('127.0.0.1', null)).toEqual({ kind: 'open' });
    expect(accessFor('0.0.0.0', record)).toEqual({ kind: 'password', record });
  });
  it('locks a server beyond loopback whose password is gone, never opens it', () => {
    expect(accessFor('0.0.0.0', null).kind).toBe('locked');
    expect(accessFor('192.0.2.5', null).kind).toBe('locked');
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
