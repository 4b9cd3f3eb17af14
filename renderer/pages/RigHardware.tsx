import { UNKNOWN, formatTemp } from '../../shared/format';
import type { RigSnapshot } from '../../shared/rig';
import type { Settings } from '../../shared/settings';
import { formatHashrate } from '../../shared/units';
import { chipsShown } from './rig-view';

type Props = { snapshot: RigSnapshot; unit: Settings['temperatureUnit']; stale: boolean };

const num = (v: number | null, suffix = '') => (v === null ? UNKNOWN : `${Math.round(v)}${suffix}`);

/** Chains, fans and pools from the latest full poll: where a failing board or a dead fan shows itself. */
export function RigHardware({ snapshot: s, unit, stale }: Props) {
  return (
    <div className={`hardware${stale ? ' not-live' : ''}`}>
      <table className="grid" data-testid="chains">
        <caption>Hash boards</caption>
        <thead>
          <tr>
            <th>Chain</th>
            <th>State</th>
            <th>Hashrate</th>
            <th>Frequency</th>
            <th>Voltage</th>
            <th>Chip temp</th>
            <th>Board temp</th>
            <th>Chips (orange / red)</th>
          </tr>
        </thead>
        <tbody>
          {s.chains.map((c) => (
            <tr
              key={c.id}
              className={c.state === 'failure' || c.state === 'disconnected' ? 'tone-bad' : undefined}
            >
              <td>{c.id}</td>
              <td>{c.state}</td>
              <td>{formatHashrate(c.hashrateMhs)}</td>
              <td>{num(c.frequencyMhz, ' MHz')}</td>
              <td>{num(c.voltageMv, ' mV')}</td>
              <td>
                {formatTemp(c.chipTemp.minC, unit)} – {formatTemp(c.chipTemp.maxC, unit)}
              </td>
              <td>{formatTemp(c.boardTemp.maxC, unit)}</td>
              <td title={chipsShown(c) ? undefined : 'graded only while the chain hashes'}>
                {chipsShown(c) && c.chipGrades ? `${c.chipGrades.orange} / ${c.chipGrades.red}` : UNKNOWN}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="two">
        <table className="grid">
          <caption>Fans {s.fanDutyPercent !== null && `(duty ${Math.round(s.fanDutyPercent)} %)`}</caption>
          <tbody>
            {s.fans.map((f) => (
              <tr key={f.id} className={f.status === 'lost' ? 'tone-bad' : undefined}>
                <td>Fan {f.id}</td>
                <td>{num(f.rpm, ' rpm')}</td>
                <td>{f.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="grid">
          <caption>Pools</caption>
          <tbody>
            {s.pools.map((p) => (
              <tr key={p.id}>
                <td className="mono">{p.url}</td>
                <td className="mono">{p.user}</td>
                <td>{p.status}</td>
                <td>
                  {num(p.accepted)} acc · {num(p.rejected)} rej
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
