import { useEffect, useState } from 'react';

import type { Alert } from '../../shared/alerts';
import { getClient } from '../api';
import { compareHistory } from '../alerts/order';
import { useAlertsStore } from '../stores/alerts';
import { useUiStore } from '../stores/ui';
import { AlertsTable } from './alerts/AlertsTable';

const RIG_HISTORY_LIMIT = 50;

/** This rig's alerts, current and past, newest first: "it overheated twice last week" at a glance. */
export function RigAlertHistory({ rigId, now }: { rigId: string; now: number }) {
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openRig = useUiStore((s) => s.openRig);
  // Refetched when this rig's active alerts change, so a fresh or cleared alert shows without a reload.
  const version = useAlertsStore((s) =>
    s.active
      .filter((a) => a.rigId === rigId)
      .map((a) => `${a.id}:${a.state}:${a.updatedAtMs}`)
      .join(','),
  );

  useEffect(() => {
    let on = true;
    getClient()
      .call('alerts.list', { scope: 'all', rigId, limit: RIG_HISTORY_LIMIT })
      .then((r) => on && (setAlerts([...r.alerts].sort(compareHistory)), setError(null)))
      .catch((e: unknown) => on && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      on = false;
    };
  }, [rigId, version]);

  return (
    <section className="rig-alerts" data-testid="rig-alerts">
      <h2>Alert history</h2>
      {error ? (
        <p className="muted">Alert history is not available: {error}</p>
      ) : alerts === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <AlertsTable alerts={alerts} now={now} empty="No alerts for this rig." onOpenRig={openRig} />
      )}
    </section>
  );
}
