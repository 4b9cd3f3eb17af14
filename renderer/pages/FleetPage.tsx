import { type KeyboardEvent, Suspense, useEffect, useMemo, useRef, useState } from 'react';

import { DEFAULT_HEALTH_SETTINGS } from '../../shared/health-defaults';
import { chunk } from '../components/chunk';
import { VirtualRows } from '../components/VirtualRows';
import { allVisibleState } from '../control/selection';
import { focusWhenShown, rigRowSelector } from '../keyboard/focus';
import { moveIndex } from '../keyboard/keys';
import { useNow } from '../components/useNow';
import { useFleetStore } from '../stores/fleet';
import { useSelectionStore } from '../stores/selection';
import { useSettingsStore } from '../stores/settings';
import { useUiStore } from '../stores/ui';
import { DefaultPassword } from './DefaultPassword';
import { FLEET_ROW_HEIGHT, FleetHeader, FleetRow } from './FleetRow';
import { FleetAdviceStrip } from '../components/AdviceSummary';
import { FleetProblems } from './FleetProblems';
import { FleetSummaryStrip } from './FleetSummaryStrip';
import { type SortKey, sortRigs } from './fleet-sort';

// Shown once rigs are ticked: not in the first load, fetched once the table has its data (or at the first tick).
const actionsBar = chunk(
  () => import('../control/ActionsBar'),
  (m) => m.ActionsBar,
);

export function FleetPage() {
  const { rigs, live, summary, defaultPasswordSet, loaded, error, run } = useFleetStore();
  const unit = useSettingsStore((s) => s.settings?.temperatureUnit ?? 'C');
  const health = useSettingsStore((s) => s.settings?.health ?? DEFAULT_HEALTH_SETTINGS);
  const { go, openRig } = useUiStore();
  const now = useNow(1000);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('problems');
  const table = useRef<HTMLDivElement>(null);

  const needle = filter.trim().toLowerCase();
  // Filtered and sorted when the fleet, the search or the order changes, not at every tick of the clock.
  const shown = useMemo(
    () =>
      sortRigs(
        [...rigs.values()].filter(
          (r) =>
            !needle ||
            [r.name, r.ip, r.model ?? '', ...r.labels].some((t) => t.toLowerCase().includes(needle)),
        ),
        live,
        sort,
      ),
    [rigs, live, sort, needle],
  );
  const selection = useSelectionStore();
  const visibleIds = shown.map((r) => r.id);
  const selectedIds = [...selection.ids];
  useEffect(() => useSelectionStore.getState().prune((id) => rigs.has(id)), [rigs]);
  useEffect(() => {
    if (loaded) void actionsBar.preload().catch(() => undefined);
  }, [loaded]);

  const viewportHeight = Math.min(640, Math.max(1, shown.length) * FLEET_ROW_HEIGHT + 2);
  /** Arrows move the focus row by row; the viewport follows, so a row outside it is rendered before it is focused. */
  const onTableKey = (e: KeyboardEvent<HTMLElement>) => {
    const focused = document.activeElement?.closest<HTMLElement>('[data-rig]')?.dataset.rig ?? null;
    const from = focused === null ? -1 : shown.findIndex((r) => r.id === focused);
    const page = Math.floor(viewportHeight / FLEET_ROW_HEIGHT) - 1;
    const to = moveIndex(from, e.key, shown.length, page);
    if (to === null) return;
    e.preventDefault();
    focusRow(to);
  };
  const focusRow = (to: number) => {
    const rig = shown[to];
    if (rig === undefined) return;
    const viewport = table.current?.querySelector<HTMLElement>('.virtual');
    if (viewport) {
      const top = to * FLEET_ROW_HEIGHT;
      if (top < viewport.scrollTop) viewport.scrollTop = top;
      else if (top + FLEET_ROW_HEIGHT > viewport.scrollTop + viewport.clientHeight)
        viewport.scrollTop = top + FLEET_ROW_HEIGHT - viewport.clientHeight;
    }
    focusWhenShown(rigRowSelector(rig.id));
  };

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
              data-shortcut="search"
              aria-label="Filter rigs"
              placeholder="Filter by name, IP, model or label"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                // Down from the search goes into the results, so a find-and-open never needs the mouse.
                if (e.key !== 'ArrowDown' && e.key !== 'Enter') return;
                e.preventDefault();
                focusRow(0);
              }}
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
          {selectedIds.length > 0 && (
            <Suspense fallback={null}>
              <actionsBar.View rigIds={selectedIds} onClear={selection.clear} />
            </Suspense>
          )}
          <div
            ref={table}
            className="fleet-table"
            role="table"
            aria-label="Rigs"
            data-testid="fleet-table"
            onKeyDown={onTableKey}
          >
            <FleetHeader
              unit={unit}
              all={allVisibleState(selection, visibleIds)}
              onAll={() => selection.toggleAll(visibleIds)}
            />
            <VirtualRows
              items={shown}
              rowHeight={FLEET_ROW_HEIGHT}
              height={viewportHeight}
              render={(rig) => (
                <FleetRow
                  rig={rig}
                  live={live.get(rig.id)}
                  unit={unit}
                  now={now}
                  health={health}
                  onOpen={openRig}
                  selected={selection.ids.has(rig.id)}
                  onSelect={(id, shift) => selection.click(id, shift, visibleIds)}
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
