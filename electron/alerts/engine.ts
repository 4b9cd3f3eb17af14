/**
 * The alerts state machine, pure: `step` turns one observation of every rig's problems into alert changes and the
 * alerts due to notify. A problem opens an alert only after it has been present for sustainSec, and the alert
 * clears only after the problem has been gone for clearSec, so a value oscillating around a limit does not flap;
 * a problem back within clearSec of its alert clearing re-opens that alert instead of raising a new one.
 */
import { type AlertSettings, ruleFor } from '../../shared/alert-settings';
import type { Alert, MaintenanceWindow } from '../../shared/alerts';
import { type Problem, type ProblemCode, severityRank } from '../../shared/health';

/** One problem (rig + code + subject) the engine follows, with its latest alert (a cleared one while it may re-open). */
export type Tracked = {
  readonly key: string;
  readonly alert: Alert | null;
  /** When the alert was last handed to the notifiers; null: never (due as soon as it is not muted). */
  readonly notifiedAtMs: number | null;
  /** Present continuously since (sustain), absent continuously since (clear); null when not. */
  readonly seenSinceMs: number | null;
  readonly goneSinceMs: number | null;
  /** An open alert's problem has been milder than the alert since (the severity drops after clearSec). */
  readonly milderSinceMs?: number | null;
};

export type EngineState = {
  readonly tracks: ReadonlyMap<string, Tracked>;
  readonly windows: readonly MaintenanceWindow[];
};

export type RigInfo = { name: string; ip: string; labels: readonly string[] };

export type Observation = {
  /** Every rig's current problems; a rig not in the map has none. */
  problemsByRig: ReadonlyMap<string, readonly Problem[]>;
  fleetProblems: readonly Problem[];
  rigInfo: (rigId: string) => RigInfo | null;
  newId: () => string;
};

/** An alert to hand to the notifiers; a reminder when it was notified before. */
export type Due = { alert: Alert; reminder: boolean };

export type StepResult = {
  state: EngineState;
  /** Alerts whose visible fields changed (for alerts.changed and the store). */
  changes: Alert[];
  /** Tracks to write (their alert or notification time changed). */
  persist: Tracked[];
  notifications: Due[];
};

const TEXT_REFRESH_MS = 60_000;

export const emptyState: EngineState = { tracks: new Map(), windows: [] };

export function keyOf(rigId: string | null, code: ProblemCode, subject: string): string {
  return `${rigId ?? '*'}\u0000${code}\u0000${subject}`;
}

export type ActiveAlert = Alert & { state: 'open' | 'acknowledged' };
export const isActive = (a: Alert | null): a is ActiveAlert => a !== null && a.state !== 'cleared';

/** One step's working set: the tracks as they become, and which alerts changed or need saving. */
type StepScope = {
  seen: Observation;
  settings: AlertSettings;
  nowMs: number;
  sustainMs: number;
  clearMs: number;
  tracks: Map<string, Tracked>;
  touched: Map<string, Tracked>;
  changed: Map<string, Alert>;
  present: Set<string>;
};

function put(sc: StepScope, t: Tracked, alertChanged: boolean): void {
  sc.tracks.set(t.key, t);
  if (alertChanged && t.alert) {
    sc.changed.set(t.key, t.alert);
    sc.touched.set(t.key, t);
  }
}

export function step(
  state: EngineState,
  seen: Observation,
  settings: AlertSettings,
  nowMs: number,
): StepResult {
  const sc: StepScope = {
    seen,
    settings,
    nowMs,
    sustainMs: settings.sustainSec * 1000,
    clearMs: settings.clearSec * 1000,
    tracks: new Map(state.tracks),
    touched: new Map(),
    changed: new Map(),
    present: new Set(),
  };
  for (const [rigId, problems] of seen.problemsByRig) for (const p of problems) visit(sc, rigId, p);
  for (const p of seen.fleetProblems) visit(sc, null, p);
  sweepGone(sc);
  const notifications = dueNotifications(sc, state.windows);
  return {
    state: { tracks: sc.tracks, windows: state.windows },
    changes: [...sc.changed.values()],
    persist: [...sc.touched.values()].map((t) => sc.tracks.get(t.key) ?? t),
    notifications,
  };
}

/** A problem seen this step: sustain before opening, re-open the same episode, raise or settle the severity. */
function visit(sc: StepScope, rigId: string | null, p: Problem): void {
  const { nowMs, clearMs } = sc;
  if (!ruleFor(sc.settings, p.code).enabled) return;
  const key = keyOf(rigId, p.code, p.subject);
  if (sc.present.has(key)) return;
  sc.present.add(key);
  const t = sc.tracks.get(key) ?? {
    key,
    alert: null,
    notifiedAtMs: null,
    seenSinceMs: null,
    goneSinceMs: null,
  };
  const seenSinceMs = t.seenSinceMs ?? nowMs;
  const a = t.alert;
  if (isActive(a)) {
    const rise = severityRank(p.severity) - severityRank(a.severity);
    // Milder only counts once it has lasted the clear time, so a value between the warning and critical
    // limits cannot flap the severity (and re-notify each time it rises).
    const milderSinceMs = rise < 0 ? (t.milderSinceMs ?? nowMs) : null;
    const settled = rise > 0 || (milderSinceMs !== null && nowMs - milderSinceMs >= clearMs);
    // Evidence that changes every poll ("no answer for 3 min") is refreshed at most once a minute, so a
    // thousand offline rigs do not rewrite a thousand rows and resend them every cycle.
    const refresh = rise === 0 && a.text !== p.text && nowMs - a.updatedAtMs >= TEXT_REFRESH_MS;
    if (!settled && !refresh) {
      if (t.goneSinceMs !== null || t.seenSinceMs === null || t.milderSinceMs !== milderSinceMs)
        put(sc, { ...t, seenSinceMs, goneSinceMs: null, milderSinceMs }, false);
      return;
    }
    const alert = { ...a, severity: p.severity, text: p.text, updatedAtMs: nowMs };
    // Worse than when it was notified: tell again, as if new.
    const notifiedAtMs = rise > 0 ? null : t.notifiedAtMs;
    put(sc, { ...t, alert, seenSinceMs, goneSinceMs: null, milderSinceMs: null, notifiedAtMs }, true);
    return;
  }
  if (nowMs - seenSinceMs < sc.sustainMs) {
    if (t.seenSinceMs === null) put(sc, { ...t, seenSinceMs, goneSinceMs: null }, false);
    return;
  }
  const info = rigId === null ? null : sc.seen.rigInfo(rigId);
  const evidence = {
    severity: p.severity,
    text: p.text,
    updatedAtMs: nowMs,
    rigName: info?.name ?? a?.rigName ?? null,
    ip: info?.ip ?? a?.ip ?? null,
  };
  if (a && a.clearedAtMs !== null && seenSinceMs - a.clearedAtMs <= clearMs) {
    // The same episode coming back: re-open it, and do not notify again if it was notified.
    const alert: Alert = {
      ...a,
      ...evidence,
      state: a.acknowledgedAtMs === null ? 'open' : 'acknowledged',
      clearedAtMs: null,
    };
    put(sc, { ...t, alert, seenSinceMs, goneSinceMs: null }, true);
    return;
  }
  const alert: Alert = {
    id: sc.seen.newId(),
    rigId,
    code: p.code,
    subject: p.subject,
    sinceMs: Math.min(p.sinceMs, seenSinceMs),
    raisedAtMs: nowMs,
    clearedAtMs: null,
    state: 'open',
    acknowledgedAtMs: null,
    snoozedUntilMs: null,
    inMaintenance: false,
    ...evidence,
  };
  put(sc, { key, alert, notifiedAtMs: null, seenSinceMs, goneSinceMs: null }, true);
}

/** Tracks not seen this step: clear after the clear time, keep a cleared one a while so a return re-opens it. */
function sweepGone(sc: StepScope): void {
  const { nowMs, clearMs } = sc;
  for (const [key, t] of sc.tracks) {
    if (sc.present.has(key)) continue;
    const a = t.alert;
    if (isActive(a)) {
      const goneSinceMs = t.goneSinceMs ?? nowMs;
      if (nowMs - goneSinceMs >= clearMs) {
        const alert: Alert = { ...a, state: 'cleared', clearedAtMs: nowMs, updatedAtMs: nowMs };
        put(sc, { ...t, alert, seenSinceMs: null, goneSinceMs: null }, true);
      } else if (t.goneSinceMs === null || t.seenSinceMs !== null) {
        put(sc, { ...t, seenSinceMs: null, goneSinceMs }, false);
      }
    } else if (a && a.clearedAtMs !== null && nowMs - a.clearedAtMs <= clearMs) {
      // Kept a while after clearing, so a return re-opens it; a pending sustain starts over.
      if (t.seenSinceMs !== null) put(sc, { ...t, seenSinceMs: null }, false);
    } else {
      sc.tracks.delete(key);
    }
  }
}

/** Maintenance and names brought up to date, then what to notify: new open alerts and due reminders. */
function dueNotifications(sc: StepScope, windows: readonly MaintenanceWindow[]): Due[] {
  const { nowMs, tracks } = sc;
  const remindMs = sc.settings.remindEverySec * 1000;
  const notifications: Due[] = [];
  for (const [key, t] of tracks) {
    let a = t.alert;
    if (!isActive(a)) continue;
    const info = a.rigId === null ? null : sc.seen.rigInfo(a.rigId);
    const inMaintenance = inMaintenanceAt(windows, a.rigId, info, nowMs);
    const rigName = info?.name ?? a.rigName;
    const ip = info?.ip ?? a.ip;
    if (inMaintenance !== a.inMaintenance || rigName !== a.rigName || ip !== a.ip) {
      a = { ...a, inMaintenance, rigName, ip, updatedAtMs: nowMs };
      put(sc, { ...t, alert: a }, true);
    }
    const muted = a.inMaintenance || (a.snoozedUntilMs ?? 0) > nowMs || !ruleFor(sc.settings, a.code).notify;
    if (muted || a.state !== 'open') continue;
    const reminder = t.notifiedAtMs !== null;
    if (reminder && (remindMs === 0 || nowMs - (t.notifiedAtMs ?? 0) < remindMs)) continue;
    notifications.push({ alert: a, reminder });
    const current = tracks.get(key) ?? t;
    const next = { ...current, notifiedAtMs: nowMs };
    tracks.set(key, next);
    sc.touched.set(key, next);
  }
  return notifications;
}

export function inMaintenanceAt(
  windows: readonly MaintenanceWindow[],
  rigId: string | null,
  info: RigInfo | null,
  nowMs: number,
): boolean {
  if (rigId === null) return false;
  return windows.some(
    (w) =>
      w.fromMs <= nowMs &&
      nowMs < w.toMs &&
      (w.target.kind === 'rig' ? w.target.rigId === rigId : (info?.labels.includes(w.target.label) ?? false)),
  );
}

export type Edit = { state: EngineState; changes: Alert[]; persist: Tracked[] };

/** Applies `edit` to the active alerts named in `ids`; the rest are left alone. */
function editAlerts(state: EngineState, ids: readonly string[], edit: (a: Alert) => Alert | null): Edit {
  const wanted = new Set(ids);
  const tracks = new Map(state.tracks);
  const persist: Tracked[] = [];
  for (const t of state.tracks.values()) {
    if (!isActive(t.alert) || !wanted.has(t.alert.id)) continue;
    const alert = edit(t.alert);
    if (!alert) continue;
    const next = { ...t, alert };
    tracks.set(t.key, next);
    persist.push(next);
  }
  return { state: { ...state, tracks }, changes: persist.map((t) => t.alert as Alert), persist };
}

/** Acknowledged alerts stay until the problem ends, but never notify or remind again. */
export function acknowledge(state: EngineState, ids: readonly string[], nowMs: number): Edit {
  return editAlerts(state, ids, (a) =>
    a.state === 'open' ? { ...a, state: 'acknowledged', acknowledgedAtMs: nowMs, updatedAtMs: nowMs } : null,
  );
}

/** Mute for `minutes` (0 unmutes); the alert stays open and visible. */
export function snooze(state: EngineState, ids: readonly string[], minutes: number, nowMs: number): Edit {
  const snoozedUntilMs = minutes === 0 ? null : nowMs + minutes * 60_000;
  return editAlerts(state, ids, (a) =>
    a.snoozedUntilMs === snoozedUntilMs ? null : { ...a, snoozedUntilMs, updatedAtMs: nowMs },
  );
}

export function activeAlerts(state: EngineState, nowMs: number): Alert[] {
  const out: Alert[] = [];
  for (const t of state.tracks.values()) if (isActive(t.alert)) out.push(t.alert);
  return out.sort((a, b) => compareAlerts(a, b, nowMs));
}

/** Worst first: unmuted before snoozed or in maintenance, critical before warning, open before acknowledged, oldest, by name. */
export function compareAlerts(a: Alert, b: Alert, nowMs: number): number {
  const muted = (x: Alert) => (x.inMaintenance || (x.snoozedUntilMs ?? 0) > nowMs ? 1 : 0);
  return (
    muted(a) - muted(b) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    (a.state === 'open' ? 0 : 1) - (b.state === 'open' ? 0 : 1) ||
    a.sinceMs - b.sinceMs ||
    (a.rigName ?? a.rigId ?? '').localeCompare(b.rigName ?? b.rigId ?? '', 'en', { numeric: true }) ||
    a.id.localeCompare(b.id)
  );
}

export { countAlerts } from '../../shared/alerts';
