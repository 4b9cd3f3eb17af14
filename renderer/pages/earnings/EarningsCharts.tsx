/**
 * The Earnings page's charts, in a chunk of their own (loaded lazily by EarningsPage) so chart.js does not
 * weigh on the first screen: balances per coin and the account's pool hashrate over 24 h, 7 d or 30 d.
 */
import {
  Chart as ChartJS,
  type ChartData,
  type ChartOptions,
  Legend,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useState } from 'react';
import { Line } from 'react-chartjs-2';

import { type EarningsHistory, type EarningsRange, earningsRanges } from '../../../shared/earnings';
import { getClient } from '../../api';

ChartJS.register(LineElement, PointElement, LinearScale, Tooltip, Legend);

const COLORS = ['#4f8cff', '#f5a623', '#2ecc71', '#e74c3c'];

function timeLabel(ms: number, spanMs: number): string {
  const d = new Date(ms);
  return spanMs > 2 * 86_400_000
    ? d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
    : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function LineChart({
  series,
  unit,
  fromMs,
  toMs,
}: {
  series: { label: string; points: [number, number][] }[];
  unit: string;
  fromMs: number;
  toMs: number;
}) {
  const data: ChartData<'line', { x: number; y: number }[]> = {
    datasets: series.map((s, i) => ({
      label: `${s.label} (${unit})`,
      data: s.points.map(([x, y]) => ({ x, y })),
      borderColor: COLORS[i % COLORS.length],
      borderWidth: 1.5,
      pointRadius: s.points.length < 3 ? 3 : 0,
      // A lone first sample sits on the range's right edge: draw it whole.
      clip: 6,
      // A balance holds its level until the next credit or payout.
      stepped: unit !== 'MH/s',
    })),
  };
  const options: ChartOptions<'line'> = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    interaction: { mode: 'nearest', intersect: false },
    plugins: {
      legend: { display: series.length > 1 },
      tooltip: { callbacks: { title: (items) => new Date(items[0]?.parsed.x ?? 0).toLocaleString() } },
    },
    scales: {
      x: {
        type: 'linear',
        min: fromMs,
        max: toMs,
        ticks: { maxTicksLimit: 8, callback: (v) => timeLabel(Number(v), toMs - fromMs) },
      },
      y: { title: { display: true, text: unit } },
    },
  };
  return (
    <div className="chart">
      <Line data={data} options={options} />
    </div>
  );
}

export default function EarningsCharts() {
  const [range, setRange] = useState<EarningsRange>('24h');
  const [history, setHistory] = useState<EarningsHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getClient()
      .call('earnings.history', { range })
      .then(
        (h) => live && (setHistory(h), setError(null)),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [range]);
  return (
    <section data-testid="earnings-charts">
      <div className="toolbar">
        <span className="label">History</span>
        {earningsRanges.map((r) => (
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
      </div>
      {error && <p className="error">{error}</p>}
      {history && (
        <div className="charts">
          {history.balances.map((b) => (
            <figure key={b.coin}>
              <figcaption>{b.coin} balance (coins)</figcaption>
              {b.points.length === 0 ? (
                <p className="muted">No data in this range yet.</p>
              ) : (
                <LineChart
                  series={[{ label: b.coin, points: b.points }]}
                  unit={b.coin}
                  fromMs={history.fromMs}
                  toMs={history.toMs}
                />
              )}
            </figure>
          ))}
          <figure>
            <figcaption>Account hashrate at the pool (MH/s)</figcaption>
            {history.poolHashrateMhs.length === 0 ? (
              <p className="muted">No data in this range yet.</p>
            ) : (
              <LineChart
                series={[{ label: 'pool', points: history.poolHashrateMhs }]}
                unit="MH/s"
                fromMs={history.fromMs}
                toMs={history.toMs}
              />
            )}
          </figure>
        </div>
      )}
    </section>
  );
}
