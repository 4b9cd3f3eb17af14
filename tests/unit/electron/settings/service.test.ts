// @vitest-environment node
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { makeCore, tempDir } from '../../../helpers/core';

describe('settings service on a real file', () => {
  it('persists an update, emits settings.changed and reads it back after a restart', async () => {
    const dir = tempDir();
    const core = makeCore(dir);
    const seen: unknown[] = [];
    core.events.subscribe((name, payload) => seen.push([name, payload]));
    const r = await core.dispatch(
      'settings.update',
      { pollIntervalSec: 15, electricity: { currency: 'EUR' } },
      {
        face: 'headless',
        peer: 't',
      },
    );
    expect(r.ok).toBe(true);
    const expected = {
      ...DEFAULT_SETTINGS,
      pollIntervalSec: 15,
      electricity: { ...DEFAULT_SETTINGS.electricity, currency: 'EUR' },
    };
    expect(seen).toEqual([['settings.changed', expected]]);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual(expected);

    const again = makeCore(dir);
    expect(again.settings.get()).toEqual(expected);
  });

  it('keeps a file that is not JSON aside instead of overwriting it, and starts from defaults', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"pollIntervalSec": 20, oops');
    const core = makeCore(dir);
    expect(core.settings.get()).toEqual(DEFAULT_SETTINGS);
    const aside = readdirSync(dir).find((f) => f.startsWith('settings.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside ?? ''), 'utf8')).toContain('oops');
  });

  it('keeps the valid fields of a hand-edited file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ pollIntervalSec: 3, theme: 'light' }));
    const core = makeCore(dir);
    expect(core.settings.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
  });
});
