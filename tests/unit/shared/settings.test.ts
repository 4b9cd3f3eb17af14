// @vitest-environment node
import { describe, expect, it } from 'vitest';

import {
  DEFAULT_SETTINGS,
  applySettingsPatch,
  salvageSettings,
  settingsPatchSchema,
  settingsSchema,
} from '../../../shared/settings';

describe('settings schema', () => {
  it('accepts the defaults', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [{ pollIntervalSec: 4 }, 'pollIntervalSec', 'at least 5'],
    [{ pollIntervalSec: 301 }, 'pollIntervalSec', 'at most 300'],
    [{ pollIntervalSec: 7.5 }, 'pollIntervalSec', 'whole number'],
    [{ pollIntervalSec: Number.NaN }, 'pollIntervalSec', 'number'],
    [{ electricity: { pricePerKwh: -0.01 } }, 'electricity.pricePerKwh', 'negative'],
    [{ electricity: { currency: 'usd' } }, 'electricity.currency', 'ISO'],
    [{ electricity: { currency: 'EURO' } }, 'electricity.currency', 'ISO'],
    [{ temperatureUnit: 'K' }, 'temperatureUnit', 'C or F'],
    [{ theme: 'blue' }, 'theme', 'dark or light'],
  ])('rejects %j at %s with a message a technician understands', (patch, path, words) => {
    const r = settingsPatchSchema.safeParse(patch);
    expect(r.success).toBe(false);
    const issue = r.error?.issues[0];
    expect(issue?.path.join('.')).toBe(path);
    expect(issue?.message).toContain(words);
  });

  it('accepts the limits themselves', () => {
    expect(settingsPatchSchema.safeParse({ pollIntervalSec: 5 }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ pollIntervalSec: 300 }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ electricity: { pricePerKwh: 0 } }).success).toBe(true);
  });

  it('refuses unknown keys so a typo is not silently dropped', () => {
    const r = settingsPatchSchema.safeParse({ pollInterval: 10 });
    expect(r.success).toBe(false);
  });
});

describe('applySettingsPatch', () => {
  it('changes only what the patch names, including one field of electricity', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { electricity: { currency: 'EUR' }, theme: 'light' });
    expect(next).toEqual({
      ...DEFAULT_SETTINGS,
      electricity: { pricePerKwh: DEFAULT_SETTINGS.electricity.pricePerKwh, currency: 'EUR' },
      theme: 'light',
    });
  });

  it('keeps a zero price (0 is a value, not "unset")', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { electricity: { pricePerKwh: 0 } });
    expect(next.electricity.pricePerKwh).toBe(0);
  });
});

describe('salvageSettings', () => {
  it('uses defaults quietly for a new, empty file', () => {
    expect(salvageSettings({})).toEqual({ settings: DEFAULT_SETTINGS, replaced: [] });
    expect(salvageSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, replaced: [] });
  });

  it('keeps every valid field of a damaged file and names the ones it replaced', () => {
    const { settings, replaced } = salvageSettings({
      pollIntervalSec: 60,
      electricity: { pricePerKwh: 'cheap', currency: 'EUR' },
      temperatureUnit: 'F',
      theme: 42,
      scanTargets: ['10.0.0.0/24', 7],
    });
    expect(settings).toEqual({
      pollIntervalSec: 60,
      electricity: { pricePerKwh: DEFAULT_SETTINGS.electricity.pricePerKwh, currency: 'EUR' },
      temperatureUnit: 'F',
      theme: DEFAULT_SETTINGS.theme,
      scanTargets: [],
      retention: DEFAULT_SETTINGS.retention,
      pool: DEFAULT_SETTINGS.pool,
      health: DEFAULT_SETTINGS.health,
      alerts: DEFAULT_SETTINGS.alerts,
      control: DEFAULT_SETTINGS.control,
      earnings: DEFAULT_SETTINGS.earnings,
      abacus: DEFAULT_SETTINGS.abacus,
      advice: DEFAULT_SETTINGS.advice,
    });
    expect(replaced).toEqual(['electricity.pricePerKwh', 'theme', 'scanTargets']);
  });
});

describe('control settings', () => {
  it('defaults to 5 rigs at once, 10 s apart', () => {
    expect(DEFAULT_SETTINGS.control).toEqual({ concurrency: 5, staggerSec: 10, backupsPerRig: 20 });
  });

  it('patches one field and keeps the other', () => {
    const next = applySettingsPatch(
      DEFAULT_SETTINGS,
      settingsPatchSchema.parse({ control: { staggerSec: 30 } }),
    );
    expect(next.control).toEqual({ concurrency: 5, staggerSec: 30, backupsPerRig: 20 });
    expect(next.health).toBe(DEFAULT_SETTINGS.health);
  });

  it('refuses a cap of 0, a fraction, a negative stagger and unknown keys', () => {
    for (const control of [{ concurrency: 0 }, { concurrency: 2.5 }, { staggerSec: -1 }, { cap: 3 }])
      expect(settingsPatchSchema.safeParse({ control }).success).toBe(false);
  });

  it('salvages a damaged control section to the defaults and names it', () => {
    const { settings, replaced } = salvageSettings({ ...DEFAULT_SETTINGS, control: { concurrency: -3 } });
    expect(settings.control).toEqual(DEFAULT_SETTINGS.control);
    expect(replaced).toEqual(['control']);
  });

  it('reads a file from before backups were kept with 20 per rig, and a patch never resets that count', () => {
    const { settings, replaced } = salvageSettings({
      ...DEFAULT_SETTINGS,
      control: { concurrency: 3, staggerSec: 5 },
    });
    expect(settings.control).toEqual({ concurrency: 3, staggerSec: 5, backupsPerRig: 20 });
    expect(replaced).toEqual([]);
    const kept = { ...DEFAULT_SETTINGS, control: { ...DEFAULT_SETTINGS.control, backupsPerRig: 7 } };
    const next = applySettingsPatch(kept, settingsPatchSchema.parse({ control: { staggerSec: 1 } }));
    expect(next.control.backupsPerRig).toBe(7);
    expect(settingsPatchSchema.safeParse({ control: { backupsPerRig: 0 } }).success).toBe(false);
  });
});
