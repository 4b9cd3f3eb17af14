import type { DiscoveredDevice } from '../../shared/discovery';
import { deviceKey, useDiscoveryStore } from '../stores/discovery';

function status(d: DiscoveredDevice): { text: string; tone: string } {
  if (d.kind === 'vnish') return d.rigId ? { text: 'In fleet', tone: 'ok' } : { text: 'New', tone: 'new' };
  if (d.kind === 'unsupported') return { text: 'Unsupported', tone: 'warn' };
  return { text: 'Unknown device', tone: 'muted' };
}

const dash = (v: string | null) => v ?? '—';

export function DiscoveryResults() {
  const { devices, selected, toggle, selectAllNew, add, adding, lastAdd } = useDiscoveryStore();
  if (devices.length === 0) return null;
  const newVnish = devices.filter((d) => d.kind === 'vnish' && !d.rigId);
  const chosen = devices.filter((d) => selected.has(deviceKey(d)));

  return (
    <div className="results">
      <div className="actions">
        <button type="button" disabled={adding || chosen.length === 0} onClick={() => void add(chosen)}>
          Add selected ({chosen.length})
        </button>
        <button
          type="button"
          className="secondary"
          disabled={adding || newVnish.length === 0}
          onClick={() => void add(newVnish)}
        >
          Add all new Vnish miners ({newVnish.length})
        </button>
        <button type="button" className="secondary" disabled={newVnish.length === 0} onClick={selectAllNew}>
          Select all new
        </button>
      </div>
      {lastAdd && (
        <p className="muted" role="status" data-testid="add-result">
          Added {lastAdd.added.length}, already in the fleet {lastAdd.updated.length}
          {lastAdd.failed.length > 0 && `, not added ${lastAdd.failed.length}: `}
          {lastAdd.failed.map((f) => `${f.ip} (${f.reason})`).join('; ')}
        </p>
      )}
      <table className="grid" data-testid="discovery-results">
        <thead>
          <tr>
            <th aria-label="Select" />
            <th>Status</th>
            <th>IP</th>
            <th>Model</th>
            <th>Firmware</th>
            <th>MAC</th>
            <th>Serial</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => {
            const s = status(d);
            const k = deviceKey(d);
            return (
              <tr key={k} data-kind={d.kind}>
                <td>
                  {d.kind === 'vnish' && !d.rigId && (
                    <input
                      type="checkbox"
                      aria-label={`Select ${d.ip}`}
                      checked={selected.has(k)}
                      onChange={() => toggle(d)}
                    />
                  )}
                </td>
                <td className={`tone-${s.tone}`}>{s.text}</td>
                <td className="mono">{d.port === 80 ? d.ip : `${d.ip}:${d.port}`}</td>
                <td>{dash(d.model)}</td>
                <td>{d.firmware ? `${d.firmware}${d.version ? ` ${d.version}` : ''}` : '—'}</td>
                <td className="mono">{dash(d.mac)}</td>
                <td className="mono">{dash(d.serial)}</td>
                <td className="muted">{d.source === 'ip-report' ? 'IP Report pressed' : (d.reason ?? '')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
