// @vitest-environment node
/**
 * The pure allowlists behind the desktop window: what counts as our own page, what may go to the system
 * browser, and which browser permissions the renderer gets (none). Origins are parsed, never prefix-matched.
 */
import { describe, expect, it } from 'vitest';

import {
  APP_ENTRY,
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  allowPermission,
  isAppUrl,
  isSafeExternalUrl,
} from '../../../../electron/security/navigation';

describe('constants', () => {
  it('name the app:// origin and entry the window loads', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('rigdeck');
    expect(APP_ORIGIN).toBe('app://rigdeck');
    expect(APP_ENTRY).toBe('app://rigdeck/index.html');
  });
});

describe('isAppUrl', () => {
  it.each([
    'app://rigdeck/index.html',
    'app://rigdeck',
    'app://rigdeck/',
    'app://rigdeck/index.html#/settings',
    'app://rigdeck/assets/index-abc123.js?v=1',
    'APP://rigdeck/index.html',
  ])('accepts our own page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['a look-alike host', 'app://rigdeck.evil/index.html'],
    ['a host with our name as prefix', 'app://rigdeckevil/index.html'],
    ['a host with our name as suffix', 'app://evil.rigdeck/index.html'],
    ['another host', 'app://evil/index.html'],
    ['our name as the user part', 'app://rigdeck@evil/index.html'],
    ['embedded credentials', 'app://user:pw@rigdeck/index.html'],
    ['an embedded user only', 'app://user@rigdeck/index.html'],
    ['a port', 'app://rigdeck:8080/index.html'],
    ['https with our host', 'https://rigdeck/index.html'],
    ['http to localhost', 'http://localhost:5173/'],
    ['an evil site', 'https://evil.example/'],
    ['file://', 'file:///work/main/renderer/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['about:blank', 'about:blank'],
    ['another scheme named like ours', 'apps://rigdeck/index.html'],
    ['no scheme', 'rigdeck/index.html'],
    ['a relative path', '/index.html'],
    ['the empty string', ''],
    ['garbage', 'not a url'],
  ])('refuses %s (%s)', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    'https://prohashing.com/',
    'https://example.com/a/b?c=d#e',
    'http://192.168.1.50/',
    'http://miner.local:8080/',
    'HTTPS://EXAMPLE.COM/',
  ])('allows plain http(s): %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    ['credentials', 'https://user:secret@example.com/'],
    ['a user name', 'https://user@example.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['smb:', 'smb://server/share'],
    ['ms-settings:', 'ms-settings:privacy'],
    ['mailto:', 'mailto:a@example.com'],
    ['ftp:', 'ftp://example.com/'],
    ['data:', 'data:text/html,hi'],
    ['our own app://', 'app://rigdeck/index.html'],
    ['about:blank', 'about:blank'],
    ['no scheme', 'example.com'],
    ['the empty string', ''],
    ['garbage', '::::'],
  ])('refuses %s (%s)', (_what, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('allowPermission', () => {
  it.each([
    'geolocation',
    'notifications',
    'media',
    'midi',
    'midiSysex',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'pointerLock',
    'openExternal',
    'hid',
    'serial',
    'usb',
    'persistent-storage',
    'unknown',
    '',
    'something-added-in-a-future-electron',
  ])('refuses %j', (permission) => {
    expect(allowPermission(permission)).toBe(false);
  });
});
