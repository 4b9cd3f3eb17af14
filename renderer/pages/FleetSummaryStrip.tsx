import { formatEfficiency, formatPercent, formatPower } from '../../shared/format';
import type { FleetSummary } from '../../shared/telemetry';
import { formatHashrate } from '../../shared/units';

/** The fleet at a glance. Totals count only rigs whose figures are live; the counts say how many are not. */
export function FleetSummaryStrip({ summary: s }: { summary: FleetSummary }) {
  const h = s.rigs.byHealth;
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
      <div className="card" data-testid="fleet-health">
        <span className="label">Health</span>
        <strong>
          {h.critical > 0 ? (
            <span className="tone-bad">{h.critical} critical</span>
          ) : h.warning > 0 ? (
            <span className="tone-warn">{h.warning} warning</span>
          ) : (
            <span className={h.ok > 0 ? 'tone-ok' : 'muted'}>{h.ok > 0 ? 'All OK' : 'Not read yet'}</span>
          )}
        </strong>
        <small className="muted">
          {[
            h.critical > 0 && h.warning > 0 ? `${h.warning} warning` : null,
            `${h.ok} OK`,
            h.unknown > 0 ? `${h.unknown} not read yet` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </small>
      </div>
      <div
        className="card"
        data-testid="fleet-missing"
        title="Every rig's shortfall against its nominal hashrate; offline and starting rigs count in full."
      >
        <span className="label">Missing hashrate</span>
        <strong className={s.missingHashrateMhs > 0 ? 'tone-warn' : undefined}>
          {formatHashrate(s.missingHashrateMhs)}
        </strong>
        <small className="muted">
          {formatPercent(s.missingHashrateMhs, s.nominalHashrateMhs)} of nominal, offline rigs included
        </small>
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
