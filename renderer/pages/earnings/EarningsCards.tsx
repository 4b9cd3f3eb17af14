import type { EarningsSummary } from '../../../shared/earnings';
import { formatEfficiency, formatPower } from '../../../shared/format';
import { formatMoney } from '../../../shared/money-format';
import { formatHashrate } from '../../../shared/units';

export const perDay = (v: number | null, currency: string) =>
  v === null ? '—' : `${formatMoney(v, currency)}/day`;

export const tone = (v: number | null) => (v === null ? undefined : v < 0 ? 'tone-bad' : 'tone-ok');

/** The fleet's day in money, and the two rates it is computed from. */
export function EarningsCards({ s }: { s: EarningsSummary }) {
  const f = s.fleet;
  const r = s.rates;
  return (
    <div className="cards" data-testid="earnings-fleet">
      <div className="card">
        <span className="label">Profit</span>
        <strong className={tone(f.profitPerDay)} data-testid="fleet-profit">
          {perDay(f.profitPerDay, s.currency)}
        </strong>
        <small className="muted">
          {f.rigsPriced} of {f.rigs} rigs priced
        </small>
      </div>
      <div className="card">
        <span className="label">Revenue (estimated)</span>
        <strong data-testid="fleet-revenue">{perDay(f.revenuePerDay, s.currency)}</strong>
        <small className="muted">
          {r.revenuePerMhDay === null
            ? s.pool.configured
              ? 'waiting for the pool’s rate'
              : 'no ProHashing API key'
            : `${formatMoney(r.revenuePerMhDay, s.currency)} per MH/s per day${
                r.fee ? ` after the ${(r.fee * 100).toFixed(2)} % fee` : ''
              }`}
        </small>
      </div>
      <div className="card">
        <span className="label">Power cost</span>
        <strong>{perDay(f.powerCostPerDay, s.currency)}</strong>
        <small className="muted">
          {formatPower(f.powerW)} at {formatMoney(r.pricePerKwhNow, s.currency)}/kWh now
          {r.tariffBands > 0 ? ` (day average ${formatMoney(r.pricePerKwhDay, s.currency)}/kWh)` : ''}
        </small>
      </div>
      <div className="card">
        <span className="label">Hashrate</span>
        <strong>{formatHashrate(f.hashrateMhs)}</strong>
        <small className="muted">
          pool credits {formatHashrate(f.poolHashrateMhs)} · {formatEfficiency(f.jPerMh)}
        </small>
      </div>
    </div>
  );
}
