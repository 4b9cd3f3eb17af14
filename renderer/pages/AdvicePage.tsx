import { useEffect, useMemo } from 'react';

import type { AdviceWindow, AppliedAdvice } from '../../shared/advice';
import { formatAge } from '../../shared/format';
import { AdviceItems } from '../components/AdviceItems';
import { useNow } from '../components/useNow';
import { useAdviceStore } from '../stores/advice';
import { useFleetStore } from '../stores/fleet';
import { useSettingsStore } from '../stores/settings';

const n = (v: number | null | undefined, unit: string, digits = 0) =>
  v === null || v === undefined
    ? '—'
    : `${v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;

function Change({
  before,
  after,
  pick,
  unit,
  digits = 0,
}: {
  before: AdviceWindow | null;
  after: AdviceWindow | null;
  pick: (w: AdviceWindow) => number | null;
  unit: string;
  digits?: number;
}) {
  const b = before === null ? null : pick(before);
  const a = after === null ? null : pick(after);
  return (
    <td>
      {n(b, unit, digits)} → {after === null ? <span className="muted">measuring…</span> : n(a, unit, digits)}
    </td>
  );
}

function AppliedTable({
  applied,
  names,
  now,
}: {
  applied: AppliedAdvice[];
  names: ReadonlyMap<string, string>;
  now: number;
}) {
  const currency = useSettingsStore((s) => s.settings?.electricity.currency ?? '');
  if (applied.length === 0) return <p className="muted">Nothing applied yet.</p>;
  return (
    <table className="table advice-applied" data-testid="advice-applied">
      <thead>
        <tr>
          <th>Applied</th>
          <th>Rig</th>
          <th>Recommendation</th>
          <th>Hashrate</th>
          <th>Power</th>
          <th>Hottest chip</th>
          <th>Profit</th>
        </tr>
      </thead>
      <tbody>
        {applied.map((a) => (
          <tr key={a.id}>
            <td title={new Date(a.appliedAtMs).toLocaleString()}>{formatAge(a.appliedAtMs, now)}</td>
            <td>{names.get(a.rigId) ?? a.rigId}</td>
            <td>{a.title}</td>
            <Change before={a.before} after={a.after} pick={(w) => w.hashrateMhs} unit="MH/s" />
            <Change before={a.before} after={a.after} pick={(w) => w.powerW} unit="W" />
            <Change before={a.before} after={a.after} pick={(w) => w.chipTempMaxC} unit="°C" digits={1} />
            <Change
              before={a.before}
              after={a.after}
              pick={(w) => w.profitPerDay}
              unit={`${currency}/day`}
              digits={2}
            />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every open recommendation, and what was applied with its measured effect (an hour before vs an hour after). */
export function AdvicePage() {
  const now = useNow(5000);
  const { recommendations, applied, evaluatedAtMs, error } = useAdviceStore();
  const rigs = useFleetStore((s) => s.rigs);
  const names = useMemo(() => new Map([...rigs.values()].map((r) => [r.id, r.name])), [rigs]);
  useEffect(() => {
    void useAdviceStore.getState().load();
    void useAdviceStore.getState().loadHistory();
  }, []);
  return (
    <section className="page advice-page" data-testid="advice-page">
      <h1>Advice</h1>
      <p className="muted">
        What RigDeck (and Abacus.AI, when configured) suggests doing about each rig, on what evidence.{' '}
        {evaluatedAtMs === null ? 'Not evaluated yet.' : `Last evaluated ${formatAge(evaluatedAtMs, now)}.`}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {recommendations.length === 0 ? (
        <p className="muted">No recommendations right now.</p>
      ) : (
        <AdviceItems items={recommendations} names={names} />
      )}
      <h2>Applied</h2>
      <AppliedTable applied={applied} names={names} now={now} />
    </section>
  );
}
