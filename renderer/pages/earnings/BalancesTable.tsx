import type { EarningsSummary } from '../../../shared/earnings';
import { formatCoin } from '../../../shared/money-format';

/** The account's coins: balance, paid in 24 h, how far to the payout threshold, and what was credited. */
export function BalancesTable({ s }: { s: EarningsSummary }) {
  const credited = new Map(s.credited24h.map((c) => [c.coin, c.amount]));
  return (
    <section className="earnings-balances">
      <h2>Balances</h2>
      {s.balances.length === 0 ? (
        <p className="muted">
          {s.pool.configured
            ? 'No balance yet: on PPLNS the first credit comes with the first block the pool finds.'
            : 'Set the ProHashing API key on the Settings page to see the balances.'}
        </p>
      ) : (
        <table className="grid" data-testid="balances">
          <thead>
            <tr>
              <th>Coin</th>
              <th>Balance</th>
              <th>Credited (24 h)</th>
              <th>Paid (24 h)</th>
              <th>Payout threshold</th>
              <th>Progress to payout</th>
            </tr>
          </thead>
          <tbody>
            {s.balances.map((b) => {
              const sym = b.abbreviation ?? b.coin;
              const pct = b.progress === null ? null : Math.min(100, b.progress * 100);
              return (
                <tr key={b.coin} data-coin={b.coin}>
                  <td>{b.coin}</td>
                  <td className="mono">{formatCoin(b.balance, sym)}</td>
                  <td className="mono">{formatCoin(credited.get(b.coin) ?? null, sym)}</td>
                  <td className="mono">{formatCoin(b.paid24h, sym)}</td>
                  <td className="mono">{formatCoin(b.payoutThreshold, sym)}</td>
                  <td>
                    {pct === null ? (
                      '—'
                    ) : (
                      <span className="payout-progress" title={`${pct.toFixed(1)} % of the threshold`}>
                        <progress max={100} value={pct} aria-label={`${b.coin} progress to payout`} />
                        <span className="mono">{pct.toFixed(1)} %</span>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="muted pplns-note" data-testid="pplns-note">
        PPLNS: the balance grows only when the pool finds a block, so credits come in steps and a day with few
        blocks can be low with nothing wrong at any rig. The revenue above is the steady estimate from the
        pool’s own rate; “Credited (24 h)” is what actually arrived, from the balances RigDeck stores every
        few minutes (“—” until it has two)
        {s.creditedHours > 0 && s.creditedHours < 23
          ? ` (over the ${s.creditedHours.toFixed(1)} h stored so far)`
          : ''}
        .
      </p>
    </section>
  );
}
