/**
 * The alerts engine with its effects: it remembers every rig's latest problems (the collector sends only the
 * rigs that changed), steps the pure state machine once per update, writes what changed, groups and throttles
 * the notifications, and hands them on. Created with the core, so the handlers (and the CLI) work before start.
 */
import type { AlertSettings } from '../../shared/alert-settings';
import type {
  Alert,
  AlertCounts,
  AlertNotification,
  AlertsChanged,
  MaintenanceWindow,
} from '../../shared/alerts';
import type { Problem } from '../../shared/health';
import type { Clock, Cancel } from '../clock';
import {
  type Edit,
  type EngineState,
  type RigInfo,
  acknowledge,
  activeAlerts,
  countAlerts,
  step,
  snooze,
} from './engine';
import { type GroupState, emptyGroupState, offer } from './group';
import type { AlertStore } from './store';

export type ProblemsUpdate = {
  live: readonly { rigId: string; problems: readonly Problem[] }[];
  removed: readonly string[];
  /** Fleet-level problems, when the update carries the summary. */
  fleetProblems?: readonly Problem[] | undefined;
};

export type AlertServiceDeps = {
  store: AlertStore;
  settings: () => AlertSettings;
  /** A lookup of the registry as it is now; called once per step. */
  rigs: () => (rigId: string) => RigInfo | null;
  clock: Clock;
  newId: () => string;
  /** alerts.changed for the faces (desktop and browser notifications read `notify`). */
  emit: (payload: AlertsChanged) => void;
  /** How long cleared alerts are kept (pruned at start-up); absent: for ever. */
  historyMs?: number;
  /** Other notifiers (the webhook): called with every grouped notification as it goes out. */
  notify?: (notifications: AlertNotification[]) => void;
};

export type AlertService = {
  observe(update: ProblemsUpdate): void;
  list(req: { scope: 'active' | 'history' | 'all'; rigId?: string | undefined; limit: number }): {
    alerts: Alert[];
    counts: AlertCounts;
  };
  acknowledge(ids: readonly string[]): Alert[];
  snooze(ids: readonly string[], minutes: number): Alert[];
  windows(): MaintenanceWindow[];
  addWindow(w: Omit<MaintenanceWindow, 'id'>): MaintenanceWindow;
  removeWindow(id: string): boolean;
  stop(): void;
};

export function createAlertService(deps: AlertServiceDeps): AlertService {
  const { store, clock } = deps;
  const startMs = clock.now();
  if (deps.historyMs !== undefined) store.prune(startMs - deps.historyMs);
  let state: EngineState = {
    tracks: new Map(store.loadTracks(startMs - deps.settings().clearSec * 1000).map((t) => [t.key, t])),
    windows: store.loadWindows().filter((w) => w.toMs > startMs),
  };
  let groups: GroupState = emptyGroupState;
  let wake: Cancel | null = null;
  const problemsByRig = new Map<string, readonly Problem[]>();
  let fleetProblems: readonly Problem[] = [];

  const publish = (changes: readonly Alert[], notify: AlertNotification[]) => {
    if (changes.length === 0 && notify.length === 0) return;
    deps.emit({ alerts: [...changes], counts: countAlerts(activeAlerts(state, clock.now())), notify });
    if (notify.length > 0) deps.notify?.(notify);
  };

  /** Hands due alerts to the grouper; what it lets out goes with this change, the rest waits for its timer. */
  const deliver = (due: Parameters<typeof offer>[1], changes: readonly Alert[]) => {
    const out = offer(groups, due, deps.settings(), clock.now());
    groups = out.state;
    if (out.wakeAtMs !== null && wake === null) {
      wake = clock.after(out.wakeAtMs - clock.now(), () => {
        wake = null;
        deliver([], []);
      });
    }
    publish(changes, out.send);
  };

  const run = () => {
    const now = clock.now();
    const rigInfo = deps.rigs();
    const out = step(
      state,
      { problemsByRig, fleetProblems, rigInfo, newId: deps.newId },
      deps.settings(),
      now,
    );
    state = out.state;
    store.save(out.persist);
    deliver(out.notifications, out.changes);
  };

  const applyEdit = (edit: Edit): Alert[] => {
    state = edit.state;
    store.save(edit.persist);
    publish(edit.changes, []);
    return edit.changes;
  };

  return {
    observe(update) {
      for (const l of update.live) {
        if (l.problems.length === 0) problemsByRig.delete(l.rigId);
        else problemsByRig.set(l.rigId, l.problems);
      }
      for (const id of update.removed) problemsByRig.delete(id);
      if (update.fleetProblems) fleetProblems = update.fleetProblems;
      run();
    },
    list({ scope, rigId, limit }) {
      const all = activeAlerts(state, clock.now());
      const counts = countAlerts(all);
      const active = scope === 'history' ? [] : all.filter((a) => rigId === undefined || a.rigId === rigId);
      const past = scope === 'active' ? [] : store.history({ rigId, limit });
      return { alerts: [...active, ...past].slice(0, limit), counts };
    },
    acknowledge: (ids) => applyEdit(acknowledge(state, ids, clock.now())),
    snooze(ids, minutes) {
      const changed = applyEdit(snooze(state, ids, minutes, clock.now()));
      // Unmuted: an alert never notified (raised while muted) is due now.
      if (minutes === 0) run();
      return changed;
    },
    windows() {
      const now = clock.now();
      return state.windows.filter((w) => w.toMs > now);
    },
    addWindow(w) {
      const window = { ...w, id: deps.newId() };
      store.addWindow(window);
      state = { ...state, windows: [...state.windows, window] };
      run();
      return window;
    },
    removeWindow(id) {
      const now = clock.now();
      const removed = store.endWindow(id, now);
      if (removed) {
        state = { ...state, windows: state.windows.filter((w) => w.id !== id) };
        run();
      }
      return removed;
    },
    stop() {
      wake?.();
      wake = null;
    },
  };
}
