import {
  Chart as ChartJS,
  Filler,
  Legend,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { Line } from 'react-chartjs-2';

import type { HistoryResult } from '../../shared/telemetry';

ChartJS.register(LineElement, PointElement, LinearScale, Tooltip, Legend, Filler);

type Props = {
  series: HistoryResult['series'][number];
  label: string;
  /** Converts a stored value for display (°C → °F, MH/s → GH/s …). */
  convert?: (v: number) => number;
  color: string;
  /** The queried range: the axis spans it even where there is no data yet, so a gap reads as a gap. */
  fromMs: number;
  toMs: number;
};

const timeLabel = (ms: number, spanMs: number) => {
  const d = new Date(ms);
  return spanMs > 2 * 86_400_000
    ? d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
    : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
};

/** One metric over time: the average as a line, and minimum–maximum as a band when the points are buckets. */
export function HistoryChart({ series, label, convert = (v) => v, color, fromMs, toMs }: Props) {
  const pts = series.points;
  const span = toMs - fromMs;
  const map = (i: 1 | 2 | 3) => pts.map((p) => ({ x: p[0], y: p[i] === null ? null : convert(p[i]) }));
  const data: ChartData<'line', { x: number; y: number | null }[]> = {
    datasets: [
      {
        label: `${label} min`,
        data: map(2),
        borderWidth: 0,
        pointRadius: 0,
        fill: false,
        borderColor: 'transparent',
      },
      {
        label: `${label} max`,
        data: map(3),
        borderWidth: 0,
        pointRadius: 0,
        fill: '-1',
        backgroundColor: `${color}33`,
        borderColor: 'transparent',
      },
      {
        label,
        data: map(1),
        borderColor: color,
        borderWidth: 1.5,
        pointRadius: 0,
        spanGaps: false,
        fill: false,
      },
    ],
  };
  const options: ChartOptions<'line'> = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { display: false },
      tooltip: { callbacks: { title: (items) => new Date(items[0]?.parsed.x ?? 0).toLocaleString() } },
    },
    scales: {
      x: {
        type: 'linear',
        min: fromMs,
        max: toMs,
        ticks: { callback: (v) => timeLabel(Number(v), span), maxTicksLimit: 8 },
      },
      y: { ticks: { maxTicksLimit: 6 } },
    },
  };
  return (
    <div className="chart" data-testid={`chart-${series.metric}`}>
      <Line data={data} options={options} />
    </div>
  );
}
