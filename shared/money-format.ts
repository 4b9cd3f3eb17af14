/** Money and coin amounts for the UI and the CLI: always with the currency or coin, "—" for unknown. */
import { UNKNOWN } from './format';

/** "12.34 USD", "-0.29 EUR"; small amounts keep more digits so a price per kWh or per MH/s stays readable. */
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null || !Number.isFinite(amount)) return UNKNOWN;
  const abs = Math.abs(amount);
  const digits = abs === 0 || abs >= 1 ? 2 : abs >= 0.01 ? 3 : 5;
  return `${amount.toFixed(digits)} ${currency}`;
}

/** "0.04213 LTC", "311.7 DOGE": coin amounts with the significant digits a balance needs. */
export function formatCoin(amount: number | null, coin: string | null): string {
  if (amount === null || !Number.isFinite(amount)) return UNKNOWN;
  const abs = Math.abs(amount);
  const digits = abs >= 1000 ? 1 : abs >= 1 ? 4 : 6;
  return `${amount.toFixed(digits)} ${coin ?? ''}`.trimEnd();
}
