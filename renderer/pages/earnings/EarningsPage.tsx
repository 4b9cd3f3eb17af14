import { Suspense, lazy, useEffect } from 'react';

import { useEarningsStore } from '../../stores/earnings';
import { BalancesTable } from './BalancesTable';
import { EarningsCards } from './EarningsCards';
import { EarningsSettings } from './EarningsSettings';
import { RigMoneyTable } from './RigMoneyTable';
import { WorkersTable } from './WorkersTable';

// chart.js is the heavy part: fetched only when this page is open.
const EarningsCharts = lazy(() => import('./EarningsCharts'));

/** What the farm earns: per rig and for the fleet, the pool's balances and workers, and their history. */
export function EarningsPage() {
  const { summary: s, error, watch } = useEarningsStore();
  useEffect(() => watch(), [watch]);
  return (
    <div className="earnings-page" data-testid="earnings-page">
      <h1>Earnings</h1>
      {error && <p className="error">{error}</p>}
      {s === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          {!s.pool.configured && (
            <p className="tone-warn">
              No ProHashing API key: power cost is shown, revenue is not. Set it on the Settings page.
            </p>
          )}
          {s.pool.apiKey === 'invalid' && <p className="tone-bad">ProHashing refused the API key.</p>}
          <EarningsCards s={s} />
          <BalancesTable s={s} />
          <RigMoneyTable s={s} />
          <WorkersTable s={s} />
          <Suspense fallback={<p className="muted">Loading charts…</p>}>
            <EarningsCharts />
          </Suspense>
          <EarningsSettings />
        </>
      )}
    </div>
  );
}
