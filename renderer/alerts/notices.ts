/**
 * What to tell the technician when alerts change. The alerts engine groups and rate-limits notifications and
 * sends them along with `alerts.changed` as `notify`; an older core without it still gets one notice per alert
 * that just opened (not snoozed, not in maintenance, its rule notifying). Pure: the browser effects live in
 * browser-notifier.ts.
 */
import { ruleFor } from '../../shared/alert-rule';
import type { Alert } from '../../shared/alerts';
import type { AlertSettings } from '../../shared/alert-settings';
import type { Severity } from '../../shared/problem';

/** An `alertNotificationSchema` entry (shared/alerts.ts), or one made here for a core that sends none. */
export type Notice = {
  title: string;
  body: string;
  rigIds: string[];
  severity: Severity;
  /** The core's word on a sound (critical with the sound setting on); absent from an older core. */
  sound?: boolean;
};

export function noticesFrom(
  payload: { alerts: readonly Alert[]; notify?: readonly Notice[] },
  known: ReadonlySet<string>,
  settings: AlertSettings | null,
  nowMs: number,
): Notice[] {
  if (Array.isArray(payload.notify)) return [...payload.notify];
  return payload.alerts
    .filter(
      (a) =>
        a.state === 'open' &&
        !known.has(a.id) &&
        !a.inMaintenance &&
        (a.snoozedUntilMs === null || a.snoozedUntilMs <= nowMs) &&
        (settings === null || ruleFor(settings, a.code).notify),
    )
    .map((a) => ({
      title: `${word(a.severity)}: ${a.rigName ?? a.ip ?? 'Fleet'}`,
      body: a.text,
      rigIds: a.rigId ? [a.rigId] : [],
      severity: a.severity,
    }));
}

function word(s: Severity): string {
  return s === 'critical' ? 'Critical' : s === 'warning' ? 'Warning' : 'Info';
}

/** Where a click on a notice leads: the rig when it names exactly one, else the Alerts page. */
/** A tone for a notice the core marks for sound or, when it does not say, a critical one with sound on. */
export function wantsSound(n: Notice, settings: AlertSettings | null): boolean {
  return n.sound ?? (n.severity === 'critical' && settings?.sound === true);
}

export function noticeTarget(n: Notice): { rigId: string } | { page: 'alerts' } {
  return n.rigIds.length === 1 && n.rigIds[0] ? { rigId: n.rigIds[0] } : { page: 'alerts' };
}
