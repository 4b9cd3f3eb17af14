// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

import { createDispatcher } from '../../../electron/contract/dispatch';
import { type Handlers, methodNames } from '../../../shared/contract';
import { RpcError } from '../../../shared/errors';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { quietLog } from '../../helpers/core';

const ctx = { face: 'headless' as const, peer: 'test' };

/** Every method refuses unless a test provides it, so each test names exactly what it exercises. */
const unused = Object.fromEntries(
  methodNames.map((name) => [name, async () => Promise.reject(new Error(`${name} not expected`))]),
) as unknown as Handlers;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    ...unused,
    'app.info': async () => ({
      name: 'RigDeck',
      version: '0',
      face: 'headless',
      dataDir: '/d',
      platform: 'linux',
      startedAt: 0,
    }),
    'settings.get': async () => DEFAULT_SETTINGS,
    'settings.update': vi.fn(async () => DEFAULT_SETTINGS),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('refuses an unknown method, including inherited names', async () => {
    const d = createDispatcher(handlers(), quietLog);
    for (const name of ['fleet.explode', 'constructor', '__proto__']) {
      const r = await d(name, {}, ctx);
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('refuses an invalid argument with field issues before the handler runs', async () => {
    const h = handlers();
    const d = createDispatcher(h, quietLog);
    const r = await d('settings.update', { pollIntervalSec: 2, electricity: { currency: 'x' } }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_argument');
    expect(r.error.issues?.map((i) => i.path)).toEqual(['pollIntervalSec', 'electricity.currency']);
    expect(r.error.message).toContain('pollIntervalSec');
    expect(h['settings.update']).not.toHaveBeenCalled();
  });

  it('passes typed errors through and hides nothing else but the message', async () => {
    const d = createDispatcher(
      handlers({
        'settings.get': async () => {
          throw new RpcError({ code: 'unavailable', message: 'disk busy' });
        },
        'app.info': async () => {
          throw new TypeError('boom');
        },
      }),
      quietLog,
    );
    expect(await d('settings.get', undefined, ctx)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'disk busy' },
    });
    expect(await d('app.info', undefined, ctx)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'app.info failed: boom' },
    });
  });

  it('returns the value of a good call', async () => {
    const d = createDispatcher(handlers(), quietLog);
    expect(await d('settings.get', {}, ctx)).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });
});
