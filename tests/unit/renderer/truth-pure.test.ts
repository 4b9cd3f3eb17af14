import { describe, expect, it } from 'vitest';

import { poolNotice } from '../../../renderer/pages/pool-notice';
import { chipsShown, initialRange, presetLabel } from '../../../renderer/pages/rig-view';
import { LINK_UNKNOWN, linkDown, nextLink } from '../../../renderer/stores/link';

describe('nextLink', () => {
  it('is lost from the moment a connection that was up goes down, and keeps that moment', () => {
    let l = nextLink(LINK_UNKNOWN, 'connecting', 1);
    expect(linkDown(l)).toBe(false);
    l = nextLink(l, 'connected', 2);
    expect(l).toEqual({ up: true, lostAtMs: null });
    l = nextLink(l, 'reconnecting', 3);
    expect(l).toEqual({ up: false, lostAtMs: 3 });
    l = nextLink(l, 'reconnecting', 9);
    expect(l.lostAtMs).toBe(3);
    l = nextLink(l, 'connected', 10);
    expect(l).toEqual({ up: true, lostAtMs: null });
  });

  it('is not lost before the first connection, nor behind the login screen', () => {
    expect(linkDown(nextLink(LINK_UNKNOWN, 'reconnecting', 5))).toBe(false);
    expect(linkDown(nextLink({ up: true, lostAtMs: null }, 'login', 5))).toBe(false);
  });
});

describe('chipsShown', () => {
  it('shows chip grades only for a hashing chain', () => {
    expect(chipsShown({ state: 'mining' })).toBe(true);
    for (const state of [
      'initializing',
      'stopped',
      'failure',
      'disconnected',
      'disabled',
      'unknown',
    ] as const)
      expect(chipsShown({ state })).toBe(false);
  });
});

describe('initialRange', () => {
  const now = 100 * 86_400_000;
  it('opens a rig younger than a day on 1 h, an older one on 24 h, the fleet on 24 h', () => {
    expect(initialRange(now - 10 * 60_000, now)).toBe('1 h');
    expect(initialRange(now - 23 * 3_600_000, now)).toBe('1 h');
    expect(initialRange(now - 86_400_000, now)).toBe('24 h');
    expect(initialRange(now - 40 * 86_400_000, now)).toBe('24 h');
    expect(initialRange(null, now)).toBe('24 h');
  });
});

describe('poolNotice', () => {
  const health = (part: Partial<Parameters<typeof poolNotice>[0] & object> = {}) => ({
    configured: true,
    apiKey: 'unknown',
    live: 'connecting',
    error: null,
    ...part,
  });

  it('a refused key is one red message, never "saved; connecting" beside it', () => {
    const n = poolNotice(health({ apiKey: 'invalid', error: 'Invalid API key' }), { kind: 'saved' });
    expect(n.tone).toBe('bad');
    expect(n.text).toMatch(/refused/);
    expect(n.text).not.toMatch(/connecting/);
  });

  it('saved and still connecting is a warning; connected is green', () => {
    expect(poolNotice(health(), { kind: 'saved' })).toEqual({
      text: 'API key saved; live feed connecting…',
      tone: 'warn',
    });
    expect(poolNotice(health({ apiKey: 'ok', live: 'live' }), { kind: 'saved' })).toEqual({
      text: 'Live feed connected.',
      tone: 'ok',
    });
  });

  it('a connection error is red, a failed command says its error, no key is grey', () => {
    expect(poolNotice(health({ live: 'reconnecting', error: 'closed by peer' }), null).tone).toBe('bad');
    expect(poolNotice(health(), { kind: 'failed', error: 'Connection lost' })).toEqual({
      text: 'Connection lost',
      tone: 'bad',
    });
    expect(poolNotice(health({ configured: false }), null)).toEqual({
      text: 'Not connected: no API key.',
      tone: 'muted',
    });
    expect(poolNotice(null, null).tone).toBe('muted');
  });
});

describe('presetLabel', () => {
  it('gives a power preset its unit and names manual tuning', () => {
    expect(presetLabel('3425')).toBe('3425 W preset');
    expect(presetLabel('disabled')).toBe('manual tuning');
    expect(presetLabel('custom-x')).toBe('custom-x');
    expect(presetLabel(null)).toBeNull();
  });
});
