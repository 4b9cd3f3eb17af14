import { useState } from 'react';

import { DEFAULT_HEALTH_SETTINGS } from '../../shared/health-settings';
import { VirtualRows } from '../components/VirtualRows';
import { useNow } from '../components/useNow';
import { useFleetStore } from '../stores/fleet';
import { useSettingsStore } from '../stores/settings';
import { useUiStore } from '../stores/ui';
import { DefaultPassword } from './DefaultPassword';
import { FLEET_ROW_HEIGHT, FleetHeader, FleetRow } from './FleetRow';
import { FleetAdviceStrip } from './AdvicePage';
import { FleetProblems } from './FleetProblems';
import { FleetSummaryStrip } from './FleetSummaryStrip';
import { type SortKey, sortRigs } from './fleet-sort';

export function FleetPage() {
  const { rigs, live, summary, defaultPasswordSet, loaded, error, run } = useFleetStore();
  const unit = useSettingsStore((s) => s.settings?.temperatureUnit ?? 'C');
  const health = useSettingsStore((s) => s.settings?.health ?? DEFAULT_HEALTH_SETTINGS);
  const { go, openRig } = useUiStore();
  const now = useNow(1000);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('problems');

  const needle = filter.trim().toLowerCase();
  const shown = sortRigs(
    [...rigs.values()].filter(
      (r) =>
        !needle || [r.name, r.ip, r.model ?? '', ...r.labels].some((t) => t.toLowerCase().includes(needle)),
    ),
    live,
    sort,
  );

  return (
    <section className="page">
      <h1>Fleet</h1>
      {summary && <FleetSummaryStrip summary={summary} />}
      {summary && <FleetProblems problems={summary.fleetProblems} now={now} />}
      <FleetAdviceStrip go={() => go('advice')} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {loaded && rigs.size === 0 ? (
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
        <>
          <div className="toolbar">
            <input
              type="search"
              aria-label="Filter rigs"
              placeholder="Filter by name, IP, model or label"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <label className="inline">
              Sort
              <select
                aria-label="Sort rigs"
                value={sort}
                onChange={(e) => setSort(e.target.value as SortKey)}
              >
                <option value="problems">Problems first</option>
                <option value="name">Name</option>
                <option value="hashrate">Hashrate</option>
                <option value="temp">Hottest first</option>
              </select>
            </label>
            <span className="muted">
              {shown.length} of {rigs.size} rigs
            </span>
          </div>
          <div className="fleet-table" role="table" aria-label="Rigs" data-testid="fleet-table">
            <FleetHeader unit={unit} />
            <VirtualRows
              items={shown}
              rowHeight={FLEET_ROW_HEIGHT}
              height={Math.min(640, Math.max(1, shown.length) * FLEET_ROW_HEIGHT + 2)}
              render={(rig) => (
                <FleetRow
                  rig={rig}
                  live={live.get(rig.id)}
                  unit={unit}
                  now={now}
                  health={health}
                  onOpen={openRig}
                />
              )}
            />
          </div>
        </>
      )}
      <DefaultPassword isSet={defaultPasswordSet} run={run} />
    </section>
  );
}
