import { useState } from 'react';

import { useSettingsStore } from '../../stores/settings';
import { tariffToText, textToTariff } from './tariff-text';

/**
 * What prices the money beyond the flat price per kWh (Settings): time-of-day tariff bands, and the exchange
 * rate from the pool's US dollars when the electricity currency is another.
 */
export function EarningsSettings() {
  const settings = useSettingsStore((s) => s.settings);
  const { save, fieldErrors } = useSettingsStore();
  const [tariff, setTariff] = useState<string | null>(null);
  const [rate, setRate] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (!settings) return null;
  const { currency, pricePerKwh } = settings.electricity;
  const tariffText = tariff ?? tariffToText(settings.earnings.tariff);
  const rateText = rate ?? (settings.earnings.usdRate === null ? '' : String(settings.earnings.usdRate));
  const fieldError = Object.entries(fieldErrors).find(([k]) => k.startsWith('earnings.'))?.[1] ?? null;

  const submit = async () => {
    const parsed = textToTariff(tariffText);
    if ('error' in parsed) return setError(parsed.error);
    const usdRate = rateText.trim() === '' ? null : Number(rateText);
    if (usdRate !== null && !Number.isFinite(usdRate)) return setError('The exchange rate must be a number.');
    setError(null);
    const ok = await save({ earnings: { tariff: parsed.bands, usdRate } });
    setSaved(ok);
    if (ok) {
      setTariff(null);
      setRate(null);
    }
  };

  return (
    <section className="earnings-settings">
      <h2>Electricity and currency</h2>
      <p className="muted">
        Flat price: {pricePerKwh} {currency}/kWh (Settings). Bands below override it between two local times;
        the first band that contains a minute sets its price.
      </p>
      <form
        className="settings"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="tariff-bands">Tariff bands ({currency}/kWh), one a line: 22:00-06:00 0.05</label>
          <textarea
            id="tariff-bands"
            rows={3}
            value={tariffText}
            onChange={(e) => {
              setTariff(e.target.value);
              setSaved(false);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="usd-rate">{currency} per US dollar (the pool pays in USD)</label>
          <input
            id="usd-rate"
            inputMode="decimal"
            placeholder={currency === 'USD' ? 'not needed for USD' : 'e.g. 0.92'}
            value={rateText}
            onChange={(e) => {
              setRate(e.target.value);
              setSaved(false);
            }}
          />
        </div>
        {(error ?? fieldError) && <p className="error">{error ?? fieldError}</p>}
        <button type="submit" className="small">
          Save pricing
        </button>
        {saved && <span className="ok"> Saved.</span>}
      </form>
    </section>
  );
}
