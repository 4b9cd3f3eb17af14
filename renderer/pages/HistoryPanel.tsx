import { Suspense, lazy, useEffect, useState } from 'react';

import { celsiusTo } from '../../shared/format';
import type { Settings } from '../../shared/settings';
import type { HistoryMetric, HistoryResult } from '../../shared/telemetry';
import { getClient } from '../api';
import { HISTORY_RANGES, initialRange } from './rig-view';

// Chart.js is most of the bundle and only the rig page draws charts: loaded when first needed, so the Fleet page
// a technician opens first parses less (bench/ui-fleet.ts measures its first rows).
const HistoryChart = lazy(() => import('../charts/HistoryChart').then((m) => ({ default: m.HistoryChart })));

const RANGES = HISTORY_RANGES;
type RangeName = keyof typeof RANGES | 'custom';

const METRICS: { metric: HistoryMetric; label: string; color: string }[] = [
  { metric: 'hashrate_mhs', label: 'Hashrate (MH/s)', color: '#f5a524' },
  { metric: 'power_w', label: 'Power (W)', color: '#58a6ff' },
  { metric: 'chip_temp_max_c', label: 'Hottest chip', color: '#f85149' },
  { metric: 'fan_rpm_min', label: 'Slowest fan (rpm)', color: '#3fb950' },
];

/** The query for a named range ending now, or for the custom one. */
function historyQuery(rigId: string | null, range: RangeName, custom: { from: number; to: number }) {
  const now = Date.now();
  const span =
    range === 'custom'
      ? { fromMs: custom.from, toMs: custom.to }
      : { fromMs: now - RANGES[range], toMs: now };
  return { rigId, metrics: METRICS.map((m) => m.metric), ...span };
}

const toLocalInput = (ms: number) =>
  new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** History of one rig (or the fleet, rigId null) for a chosen range, with CSV export of exactly what is shown. */
type Props = {
  rigId: string | null;
  unit: Settings['temperatureUnit'];
  /** Since when there can be data (the rig's addition to the fleet): a young rig opens on 1 h, not 24 h. */
  sinceMs?: number | null;
};

export function HistoryPanel({ rigId, unit, sinceMs = null }: Props) {
  const [range, setRange] = useState<RangeName>(() => initialRange(sinceMs, Date.now()));
  const [custom, setCustom] = useState(() => ({ from: Date.now() - 86_400_000, to: Date.now() }));
  const [result, setResult] = useState<(HistoryResult & { fromMs: number; toMs: number }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const { from, to } = custom;

  useEffect(() => {
    let live = true;
    const load = () => {
      const q = historyQuery(rigId, range, { from, to });
      return getClient()
        .call('history.query', q)
        .then((r) => live && (setResult({ ...r, fromMs: q.fromMs, toMs: q.toMs }), setError(null)))
        .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    };
    void load();
    const t = range === 'custom' ? undefined : window.setInterval(load, 30_000);
    return () => {
      live = false;
      if (t) window.clearInterval(t);
    };
  }, [rigId, range, from, to]);

  const exportCsv = async () => {
    try {
      const { csv } = await getClient().call('history.exportCsv', historyQuery(rigId, range, custom));
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `rigdeck-${rigId ?? 'fleet'}-${new Date().toISOString().slice(0, 16).replace(':', '')}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="history">
      <div className="toolbar">
        <span className="label">History</span>
        {(Object.keys(RANGES) as RangeName[]).concat('custom').map((r) => (
          <button
            key={r}
            type="button"
            className={`small${r === range ? '' : ' secondary'}`}
            aria-pressed={r === range}
            onClick={() => setRange(r)}
          >
            {r}
          </button>
        ))}
        {range === 'custom' && (
          <>
            <input
              type="datetime-local"
              aria-label="From"
              value={toLocalInput(custom.from)}
              onChange={(e) => setCustom({ ...custom, from: new Date(e.target.value).getTime() })}
            />
            <input
              type="datetime-local"
              aria-label="To"
              value={toLocalInput(custom.to)}
              onChange={(e) => setCustom({ ...custom, to: new Date(e.target.value).getTime() })}
            />
          </>
        )}
        <button type="button" className="small secondary" onClick={() => void exportCsv()}>
          Export CSV
        </button>
        {result && <span className="muted">resolution {result.resolution}</span>}
      </div>
      {error && <p className="error">{error}</p>}
      <div className="charts">
        {result?.series.map((s) => {
          const m = METRICS.find((x) => x.metric === s.metric);
          if (!m) return null;
          const isTemp = s.metric.endsWith('_c');
          return (
            <figure key={s.metric}>
              <figcaption>{isTemp ? `${m.label} (°${unit})` : m.label}</figcaption>
              {s.points.length === 0 ? (
                <p className="muted">No data in this range yet.</p>
              ) : (
                <Suspense fallback={<p className="muted">Loading chart…</p>}>
                  <HistoryChart
                    series={s}
                    label={m.label}
                    color={m.color}
                    fromMs={result.fromMs}
                    toMs={result.toMs}
                    convert={isTemp ? (v) => celsiusTo(unit, v) : undefined}
                  />
                </Suspense>
              )}
            </figure>
          );
        })}
      </div>
    </section>
  );
}
