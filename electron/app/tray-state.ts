import { type Alert } from '../../shared/alerts';
import { type FleetSummary } from '../../shared/telemetry';

export type TrayHealth = 'ok' | 'warning' | 'critical' | 'unknown';
export type TrayState = {
  tooltip: string;
  /** The menu's first lines, in the order a technician reads them: the rigs, their health, the alerts. */
  lines: string[];
  health: TrayHealth;
};

export type TrayInput = {
  /** Registered rigs (the summary may not know a rig added a moment ago). */
  rigs: number;
  summary: Pick<FleetSummary, 'rigs'> | null;
  /** Open (not acknowledged) critical alerts: the ones nobody has looked at yet. */
  openCritical: number;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Open critical alerts among the active ones. */
export function openCriticalCount(active: readonly Pick<Alert, 'state' | 'severity'>[]): number {
  return active.filter((a) => a.state === 'open' && a.severity === 'critical').length;
}

/** What the tray says about the fleet at a glance: how many rigs are up, their health, the critical alerts. */
export function trayState(i: TrayInput): TrayState {
  if (i.rigs === 0)
    return { tooltip: 'RigDeck: No rigs registered', lines: ['No rigs registered'], health: 'unknown' };
  const r = i.summary?.rigs;
  const down = r ? [r.stale > 0 && `${r.stale} stale`, r.offline > 0 && `${r.offline} offline`] : [];
  const rigs = r
    ? [`${plural(i.rigs, 'rig')}: ${r.online} online`, ...down].filter(Boolean).join(' · ')
    : plural(i.rigs, 'rig');
  const h = r?.byHealth;
  const health: TrayHealth =
    i.openCritical > 0 || (h?.critical ?? 0) > 0
      ? 'critical'
      : (h?.warning ?? 0) > 0
        ? 'warning'
        : h && h.ok > 0
          ? 'ok'
          : 'unknown';
  const healthLine = !h
    ? 'Health not read yet'
    : h.critical + h.warning === 0
      ? h.ok > 0
        ? 'Health: all OK'
        : 'Health not read yet'
      : `Health: ${[h.critical > 0 && `${h.critical} critical`, h.warning > 0 && `${h.warning} warning`]
          .filter(Boolean)
          .join(', ')}`;
  const alerts =
    i.openCritical === 0 ? 'No open critical alerts' : `${plural(i.openCritical, 'open critical alert')}`;
  return { tooltip: `RigDeck: ${rigs} · ${alerts}`, lines: [rigs, healthLine, alerts], health };
}
