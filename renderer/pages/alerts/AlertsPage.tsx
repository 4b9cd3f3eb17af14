import { useEffect, useState } from 'react';

import { NO_FILTER, filterAlerts } from '../../alerts/filter';
import { useNow } from '../../components/useNow';
import { useAlertsStore } from '../../stores/alerts';
import { useFleetStore } from '../../stores/fleet';
import { useUiStore } from '../../stores/ui';
import { AlertFilters } from './AlertFilters';
import { AlertRulesPanel } from './AlertRulesPanel';
import { AlertsTable } from './AlertsTable';
import { MaintenancePanel } from './MaintenancePanel';
import { NotificationPermission } from './NotificationPermission';

const tabs = ['open', 'acknowledged', 'history'] as const;
type Tab = (typeof tabs)[number];
const tabLabels: Record<Tab, string> = { open: 'Open', acknowledged: 'Acknowledged', history: 'History' };

/** Open, acknowledged and past alerts; acknowledge, snooze, maintenance windows and how alerts behave. */
export function AlertsPage() {
  const { active, history, error, acknowledge, snooze, loadHistory } = useAlertsStore();
  const rigs = useFleetStore((s) => s.rigs);
  const openRig = useUiStore((s) => s.openRig);
  const now = useNow(5000);
  const [tab, setTab] = useState<Tab>('open');
  const [filter, setFilter] = useState(NO_FILTER);

  useEffect(() => {
    if (tab === 'history') void loadHistory();
  }, [tab, loadHistory]);

  const lists: Record<Tab, typeof active> = {
    open: active.filter((a) => a.state === 'open'),
    acknowledged: active.filter((a) => a.state === 'acknowledged'),
    history,
  };
  const shown = filterAlerts(lists[tab], filter, (id) => rigs.get(id)?.labels ?? []);
  const live = tab !== 'history';

  return (
    <section className="page alerts-page" data-testid="alerts-page">
      <h1>Alerts</h1>
      <NotificationPermission />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="tabs" role="tablist" aria-label="Alerts">
        {tabs.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={t === tab}
            className={t === tab ? 'tab active' : 'tab'}
            onClick={() => setTab(t)}
          >
            {tabLabels[t]}
            {t !== 'history' && ` (${lists[t].length})`}
          </button>
        ))}
      </div>
      <AlertFilters value={filter} onChange={setFilter} />
      {tab === 'open' && shown.length > 1 && (
        <p className="actions">
          <button
            type="button"
            className="small secondary"
            onClick={() => void acknowledge(shown.map((a) => a.id))}
          >
            Acknowledge all {shown.length} shown
          </button>
        </p>
      )}
      <AlertsTable
        alerts={shown}
        now={now}
        empty={lists[tab].length === 0 ? `No ${tabLabels[tab].toLowerCase()} alerts.` : 'No alert matches.'}
        onOpenRig={openRig}
        onAcknowledge={live ? (ids) => void acknowledge(ids) : undefined}
        onSnooze={live ? (ids, m) => void snooze(ids, m) : undefined}
      />
      <MaintenancePanel now={now} />
      <AlertRulesPanel />
    </section>
  );
}
