import { create } from 'zustand';

import { countAlerts } from '../../shared/alert-counts';
import type { Alert, AlertCounts, AlertsChanged, MaintenanceWindow } from '../../shared/alerts';
import type { Req } from '../../shared/contract';
import { getClient } from '../api';
import { type Notice, noticesFrom } from '../alerts/notices';
import { compareActive, compareHistory } from '../alerts/order';
import { useSettingsStore } from './settings';

const HISTORY_LIMIT = 500;
const NO_COUNTS: AlertCounts = { open: 0, acknowledged: 0, critical: 0, warning: 0 };

type AlertsState = {
  /** Open and acknowledged, worst first. */
  active: Alert[];
  /** Cleared, newest first (loaded when the history tab is opened, then kept current by events). */
  history: Alert[];
  counts: AlertCounts;
  windows: MaintenanceWindow[];
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  loadHistory(): Promise<void>;
  loadMaintenance(): Promise<void>;
  acknowledge(ids: string[]): Promise<boolean>;
  snooze(ids: string[], minutes: number): Promise<boolean>;
  addMaintenance(req: Req<'maintenance.add'>): Promise<boolean>;
  removeMaintenance(id: string): Promise<boolean>;
  /** Merges an `alerts.changed` payload, or a command's answer (counts recomputed until the event brings the core's). */
  merge(alerts: readonly Alert[], counts?: AlertCounts): void;
  /** Follows `alerts.changed`; `notify` receives what deserves a notification (the caller decides how). */
  watch(notify?: (notices: Notice[]) => void): () => void;
};

export const useAlertsStore = create<AlertsState>((set, get) => {
  /** Runs a command; its error is shown on the page instead of being lost. */
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    try {
      await action();
      set({ error: null });
      return true;
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  };

  return {
    active: [],
    history: [],
    counts: NO_COUNTS,
    windows: [],
    loaded: false,
    error: null,
    async load() {
      await run(async () => {
        const { alerts, counts } = await getClient().call('alerts.list', { scope: 'active' });
        const now = Date.now();
        set({ active: [...alerts].sort((a, b) => compareActive(a, b, now)), counts, loaded: true });
      });
    },
    async loadHistory() {
      await run(async () => {
        const { alerts } = await getClient().call('alerts.list', {
          scope: 'history',
          limit: HISTORY_LIMIT,
        });
        set({ history: [...alerts].sort(compareHistory) });
      });
    },
    async loadMaintenance() {
      await run(async () => {
        const { windows } = await getClient().call('maintenance.list');
        set({ windows });
      });
    },
    acknowledge(ids) {
      return run(async () => {
        const { alerts } = await getClient().call('alerts.acknowledge', { ids });
        get().merge(alerts);
      });
    },
    snooze(ids, minutes) {
      return run(async () => {
        const { alerts } = await getClient().call('alerts.snooze', { ids, minutes });
        get().merge(alerts);
      });
    },
    addMaintenance(req) {
      return run(async () => {
        const w = await getClient().call('maintenance.add', req);
        set({ windows: [...get().windows.filter((x) => x.id !== w.id), w] });
      });
    },
    removeMaintenance(id) {
      return run(async () => {
        await getClient().call('maintenance.remove', { id });
        set({ windows: get().windows.filter((w) => w.id !== id) });
      });
    },
    merge(alerts, counts) {
      const s = get();
      const active = new Map(s.active.map((a) => [a.id, a]));
      const history = new Map(s.history.map((a) => [a.id, a]));
      for (const a of alerts) {
        if (a.state === 'cleared') {
          active.delete(a.id);
          history.set(a.id, a);
        } else {
          active.set(a.id, a);
        }
      }
      const now = Date.now();
      set({
        active: [...active.values()].sort((a, b) => compareActive(a, b, now)),
        history: [...history.values()].sort(compareHistory).slice(0, HISTORY_LIMIT),
        counts: counts ?? (s.loaded ? countAlerts([...active.values()]) : s.counts),
      });
    },
    watch(notify) {
      return getClient().on('alerts.changed', (payload: AlertsChanged) => {
        const known = new Set(get().active.map((a) => a.id));
        get().merge(payload.alerts, payload.counts);
        const notices = noticesFrom(
          payload,
          known,
          useSettingsStore.getState().settings?.alerts ?? null,
          Date.now(),
        );
        if (notices.length > 0) notify?.(notices);
      });
    },
  };
});
