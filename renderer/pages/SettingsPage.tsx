import { useEffect, useState } from 'react';

import type { AppInfo } from '../../shared/contract';
import {
  POLL_INTERVAL_MAX_S,
  POLL_INTERVAL_MIN_S,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings';
import { getClient } from '../api';
import { Field } from '../components/Field';
import { AbacusSettings } from './AbacusSettings';
import { PoolSettings } from './PoolSettings';
import { useSettingsStore } from '../stores/settings';

type Form = {
  pollIntervalSec: string;
  pricePerKwh: string;
  currency: string;
  temperatureUnit: string;
  theme: string;
  rawHours: string;
  fiveMinuteDays: string;
  hourlyDays: string;
};

const toForm = (s: Settings): Form => ({
  pollIntervalSec: String(s.pollIntervalSec),
  pricePerKwh: String(s.electricity.pricePerKwh),
  currency: s.electricity.currency,
  temperatureUnit: s.temperatureUnit,
  theme: s.theme,
  rawHours: String(s.retention.rawHours),
  fiveMinuteDays: String(s.retention.fiveMinuteDays),
  hourlyDays: String(s.retention.hourlyDays),
});

/** Empty or non-numeric text becomes NaN so the schema reports "must be a number" at the field. */
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

const toPatch = (f: Form) =>
  ({
    pollIntervalSec: num(f.pollIntervalSec),
    electricity: { pricePerKwh: num(f.pricePerKwh), currency: f.currency.trim().toUpperCase() },
    temperatureUnit: f.temperatureUnit,
    theme: f.theme,
    retention: {
      rawHours: num(f.rawHours),
      fiveMinuteDays: num(f.fiveMinuteDays),
      hourlyDays: num(f.hourlyDays),
    },
  }) as SettingsPatch;

export function SettingsPage() {
  const { settings, loadError, saving, fieldErrors, saveError, savedAt, save } = useSettingsStore();
  // The draft exists only while the user edits; otherwise the form shows the live settings, including changes
  // made from another window, which is why there is no copy of them to keep in sync.
  const [draft, setDraft] = useState<Form | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const form = draft ?? (settings ? toForm(settings) : null);
  const dirty = draft !== null;
  useEffect(() => {
    getClient()
      .call('app.info')
      .then(setInfo, () => setInfo(null));
  }, []);

  if (loadError) return <p className="error">Could not load settings: {loadError}</p>;
  if (!form) return <p className="muted">Loading settings…</p>;

  const edit = (key: keyof Form) => (value: string) => setDraft({ ...form, [key]: value });

  return (
    <section className="page">
      <h1>Settings</h1>
      <form
        className="settings"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(toPatch(form)).then((ok) => ok && setDraft(null));
        }}
      >
        <Field
          label="Poll interval (seconds)"
          name="pollIntervalSec"
          hint={`How often each rig is asked for telemetry, ${POLL_INTERVAL_MIN_S}–${POLL_INTERVAL_MAX_S} s.`}
          error={fieldErrors.pollIntervalSec}
        >
          <input
            inputMode="numeric"
            value={form.pollIntervalSec}
            onChange={(e) => edit('pollIntervalSec')(e.target.value)}
          />
        </Field>
        <Field
          label="Electricity price per kWh"
          name="pricePerKwh"
          error={fieldErrors['electricity.pricePerKwh']}
        >
          <input
            inputMode="decimal"
            value={form.pricePerKwh}
            onChange={(e) => edit('pricePerKwh')(e.target.value)}
          />
        </Field>
        <Field
          label="Currency"
          name="currency"
          hint="ISO code: USD, EUR, …"
          error={fieldErrors['electricity.currency']}
        >
          <input maxLength={3} value={form.currency} onChange={(e) => edit('currency')(e.target.value)} />
        </Field>
        <Field label="Temperature unit" name="temperatureUnit" error={fieldErrors.temperatureUnit}>
          <select value={form.temperatureUnit} onChange={(e) => edit('temperatureUnit')(e.target.value)}>
            <option value="C">Celsius (°C)</option>
            <option value="F">Fahrenheit (°F)</option>
          </select>
        </Field>
        <Field label="Theme" name="theme" error={fieldErrors.theme}>
          <select value={form.theme} onChange={(e) => edit('theme')(e.target.value)}>
            <option value="dark">Dark</option>
            <option value="light">Light</option>
          </select>
        </Field>
        <fieldset className="retention">
          <legend>History kept</legend>
          <Field label="Every poll (hours)" name="rawHours" error={fieldErrors['retention.rawHours']}>
            <input
              inputMode="numeric"
              value={form.rawHours}
              onChange={(e) => edit('rawHours')(e.target.value)}
            />
          </Field>
          <Field
            label="5-minute averages (days)"
            name="fiveMinuteDays"
            error={fieldErrors['retention.fiveMinuteDays']}
          >
            <input
              inputMode="numeric"
              value={form.fiveMinuteDays}
              onChange={(e) => edit('fiveMinuteDays')(e.target.value)}
            />
          </Field>
          <Field label="Hourly averages (days)" name="hourlyDays" error={fieldErrors['retention.hourlyDays']}>
            <input
              inputMode="numeric"
              value={form.hourlyDays}
              onChange={(e) => edit('hourlyDays')(e.target.value)}
            />
          </Field>
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!dirty || saving}
            onClick={() => setDraft(null)}
          >
            Discard changes
          </button>
          {saveError && (
            <span className="error" role="alert">
              {saveError}
            </span>
          )}
          {!dirty && savedAt && !saveError && <span className="ok">Saved.</span>}
        </div>
      </form>
      <PoolSettings />
      <AbacusSettings />
      {info && (
        <dl className="about">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Running as</dt>
          <dd>{info.face === 'desktop' ? 'Desktop app' : 'Headless server'}</dd>
          <dt>Data directory</dt>
          <dd className="mono">{info.dataDir}</dd>
        </dl>
      )}
    </section>
  );
}
