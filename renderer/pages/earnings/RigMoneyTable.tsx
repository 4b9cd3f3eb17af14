import type { EarningsSummary, RigEarnings } from '../../../shared/earnings';
import { formatEfficiency, formatPower } from '../../../shared/format';
import { formatCoin } from '../../../shared/money-format';
import { formatHashrate } from '../../../shared/units';
import { perDay, tone } from './EarningsCards';

const GAP_TEXT: Record<RigEarnings['gaps'][number], string> = {
  no_pool_rate: 'no revenue rate from the pool yet',
  no_exchange_rate: 'set a USD exchange rate to compare pool revenue with power',
  no_hashrate: 'no current hashrate',
  no_power: 'no current power reading',
  no_price: 'no electricity price for part of the day',
};

const why = (r: RigEarnings) =>
  r.gaps.length > 0
    ? r.gaps.map((g) => GAP_TEXT[g]).join('; ')
    : r.revenueBasis === 'rig'
      ? 'priced on the rig’s own hashrate: the pool has no figure for it'
      : undefined;

/** Each rig's day: its hashrate beside what the pool credits, its power, and the money. */
export function RigMoneyTable({ s }: { s: EarningsSummary }) {
  const f = s.fleet;
  return (
    <section>
      <h2>Per rig</h2>
      <table className="grid" data-testid="rig-earnings">
        <thead>
          <tr>
            <th>Rig</th>
            <th>IP</th>
            <th>Hashrate</th>
            <th>Pool hashrate</th>
            <th>Power</th>
            <th>Efficiency</th>
            <th>Revenue</th>
            <th>Power cost</th>
            <th>Profit</th>
            <th>Share of credits (24 h)</th>
          </tr>
        </thead>
        <tbody>
          {s.rigs.map((r) => (
            <tr key={r.rigId} data-rig-earnings={r.rigId} title={why(r)}>
              <td>
                <a href={`#/rig/${encodeURIComponent(r.rigId)}`}>{r.name}</a>
                {r.liveness !== 'online' && <span className="muted"> ({r.liveness})</span>}
              </td>
              <td className="mono">{r.ip}</td>
              <td className="mono">{formatHashrate(r.hashrateMhs)}</td>
              <td className="mono">
                {formatHashrate(r.poolHashrateMhs)}
                {r.revenueBasis === 'rig' && <span className="muted"> (none: priced on the rig’s own)</span>}
              </td>
              <td className="mono">{formatPower(r.powerW)}</td>
              <td className="mono">{formatEfficiency(r.jPerMh)}</td>
              <td className="mono">{perDay(r.revenuePerDay, s.currency)}</td>
              <td className="mono">{perDay(r.powerCostPerDay, s.currency)}</td>
              <td className={`mono ${tone(r.profitPerDay) ?? ''}`} data-profit>
                {perDay(r.profitPerDay, s.currency)}
              </td>
              <td className="mono">
                {r.credited24h.length === 0
                  ? '—'
                  : r.credited24h.map((c) => formatCoin(c.amount, c.abbreviation ?? c.coin)).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="fleet-earnings-row">
            <th>Fleet</th>
            <td>{f.rigs} rigs</td>
            <td className="mono">{formatHashrate(f.hashrateMhs)}</td>
            <td className="mono">{formatHashrate(f.poolHashrateMhs)}</td>
            <td className="mono">{formatPower(f.powerW)}</td>
            <td className="mono">{formatEfficiency(f.jPerMh)}</td>
            <td className="mono">{perDay(f.revenuePerDay, s.currency)}</td>
            <td className="mono">{perDay(f.powerCostPerDay, s.currency)}</td>
            <td className={`mono ${tone(f.profitPerDay) ?? ''}`}>{perDay(f.profitPerDay, s.currency)}</td>
            <td className="mono">
              {s.credited24h.map((c) => formatCoin(c.amount, c.abbreviation ?? c.coin)).join(', ') || '—'}
            </td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
