import type { EarningsSummary } from '../../../shared/earnings';
import { formatHashrate } from '../../../shared/units';

/** The pool's workers beside the rigs they belong to, and what does not match, both ways. */
export function WorkersTable({ s }: { s: EarningsSummary }) {
  const m = s.mismatches;
  return (
    <section>
      <h2>Pool workers</h2>
      {(m.workersWithoutRig.length > 0 || m.rigsWithoutWorker.length > 0) && (
        <ul className="problems" data-testid="worker-mismatches">
          {m.workersWithoutRig.map((w) => (
            <li key={`w-${w}`} className="tone-warn">
              Worker <strong>{w}</strong> mines for the account, but no rig in the fleet has that name (n=) in
              its pool password.
            </li>
          ))}
          {m.rigsWithoutWorker.map((r) => (
            <li key={`r-${r.rigId}`} className="tone-warn">
              Rig <strong>{r.name}</strong>{' '}
              {r.reason === 'unknown_worker'
                ? `sends worker name “${r.worker ?? ''}”, which the pool does not know: it is not credited.`
                : 'mines on ProHashing without a worker name (n=) in its pool password.'}
            </li>
          ))}
        </ul>
      )}
      {s.workers.length === 0 ? (
        <p className="muted">The pool reports no workers{s.pool.configured ? ' yet' : ''}.</p>
      ) : (
        <table className="grid" data-testid="workers">
          <thead>
            <tr>
              <th>Worker</th>
              <th>Pool hashrate</th>
              <th>Rig</th>
              <th>Rig hashrate</th>
              <th>Pool vs rig</th>
            </tr>
          </thead>
          <tbody>
            {s.workers.map((w) => {
              const ratio =
                w.rigHashrateMhs !== null && w.rigHashrateMhs > 0
                  ? w.poolHashrateMhs / w.rigHashrateMhs
                  : null;
              return (
                <tr key={w.worker} data-worker={w.worker}>
                  <td>
                    {w.worker}
                    {!w.online && <span className="muted"> (offline)</span>}
                  </td>
                  <td className="mono">{formatHashrate(w.poolHashrateMhs)}</td>
                  <td>{w.rigName ?? <span className="tone-warn">no rig</span>}</td>
                  <td className="mono">{formatHashrate(w.rigHashrateMhs)}</td>
                  <td className={`mono ${ratio !== null && Math.abs(ratio - 1) > 0.15 ? 'tone-warn' : ''}`}>
                    {ratio === null ? '—' : `${Math.round(ratio * 100)} %`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
