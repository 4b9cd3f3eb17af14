import { useState } from 'react';

import { getClient } from '../api';
import { useFleetStore } from '../stores/fleet';
import { useUiStore } from '../stores/ui';
import { RigRow } from './RigRow';

export function FleetPage() {
  const { rigs, defaultPasswordSet, loaded, error, run } = useFleetStore();
  const go = useUiStore((s) => s.go);
  const list = [...rigs.values()].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));

  return (
    <section className="page">
      <h1>Fleet</h1>
      <p className="muted">
        {list.length} rig{list.length === 1 ? '' : 's'} registered. Live hashrate, temperatures and state
        appear here once the collector polls them.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <DefaultPassword isSet={defaultPasswordSet} run={run} />
      {loaded && list.length === 0 ? (
        <p>
          No rigs yet.{' '}
          <a
            href="#/discovery"
            onClick={(e) => {
              e.preventDefault();
              go('discovery');
            }}
          >
            Find miners on the network
          </a>
          .
        </p>
      ) : (
        <table className="grid" data-testid="fleet-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>IP</th>
              <th>Model</th>
              <th>Firmware</th>
              <th>Serial</th>
              <th>MAC</th>
              <th>Labels</th>
              <th>Password</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {list.map((rig) => (
              <RigRow key={rig.id} rig={rig} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DefaultPassword({
  isSet,
  run,
}: {
  isSet: boolean;
  run: (a: () => Promise<unknown>) => Promise<boolean>;
}) {
  const [value, setValue] = useState('');
  return (
    <form
      className="inline default-password"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => getClient().call('fleet.setPassword', { rigId: null, password: value })).then((ok) => {
          if (ok) setValue('');
          return useFleetStore.getState().load();
        });
      }}
    >
      <label htmlFor="default-password">Miner password for the whole fleet</label>
      <input
        id="default-password"
        type="password"
        autoComplete="new-password"
        placeholder={isSet ? 'set; type to replace' : 'not set (admin)'}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="small" disabled={value.length === 0}>
        Save
      </button>
    </form>
  );
}
