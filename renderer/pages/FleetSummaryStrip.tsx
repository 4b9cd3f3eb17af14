import { formatEfficiency, formatPercent, formatPower } from '../../shared/format';
import type { FleetSummary } from '../../shared/telemetry';
import { formatHashrate } from '../../shared/units';

/** The fleet at a glance. Totals count only rigs whose figures are live; the counts say how many are not. */
export function FleetSummaryStrip({ summary: s }: { summary: FleetSummary }) {
  return (
    <div className="cards" data-testid="fleet-summary">
      <div className="card">
        <span className="label">Hashrate (rigs)</span>
        <strong>{formatHashrate(s.hashrateMhs)}</strong>
        <small className="muted">{formatPercent(s.hashrateMhs, s.nominalHashrateMhs)} of nominal</small>
      </div>
      <div className="card">
        <span className="label">Hashrate (pool)</span>
        <strong>{s.poolHashrateMhs === null ? '—' : formatHashrate(s.poolHashrateMhs)}</strong>
        <small className="muted">as ProHashing sees it</small>
      </div>
      <div className="card">
        <span className="label">Power</span>
        <strong>{formatPower(s.powerW)}</strong>
        <small className="muted">{formatEfficiency(s.efficiencyJPerMh)}</small>
      </div>
      <div className="card">
        <span className="label">Rigs</span>
        <strong>
          {s.rigs.online} / {s.rigs.total} online
        </strong>
        <small>
          {s.rigs.stale > 0 && <span className="tone-warn">{s.rigs.stale} stale </span>}
          {s.rigs.offline > 0 && <span className="tone-bad">{s.rigs.offline} offline </span>}
          {s.rigs.unknown > 0 && <span className="muted">{s.rigs.unknown} waiting</span>}
        </small>
      </div>
    </div>
  );
}
