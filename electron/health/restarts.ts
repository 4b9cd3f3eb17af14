/**
 * Restarts the rig makes on its own: its uptime going back when RigDeck asked for nothing. One right after its
 * chips ran at or near the limit is thermal protection; several within the window are a reboot loop. Neither
 * is "restarting" as RigDeck shows a restart it asked for.
 */
import { type HealthSettings } from '../../shared/health-settings';
import { type RigSnapshot } from '../../shared/rig';
import { fmt, type Finding, type HealthMemory, limitsFor, MINUTE, type Rule } from './types';
import { type ModelSpec } from '../miners/models';

/** Uptime advanced by RigDeck's clock between reads may run ahead of the miner's by a little. */
const UPTIME_SLACK_SEC = 30;
/** A chip this close under the limit before a restart points at thermal protection. */
const THERMAL_MARGIN_C = 5;
const MAX_RESTARTS = 32;

export function uptimeOf(s: RigSnapshot): number | null {
  return s.uptimeSec ?? s.minerUptimeSec;
}

export function observeRestart(
  m: HealthMemory,
  s: RigSnapshot,
  model: ModelSpec | null,
  settings: HealthSettings,
  chipC: number | null,
): HealthMemory {
  const at = s.takenAtMs;
  const uptime = uptimeOf(s);
  const windowMs = settings.rebootLoopMinutes * MINUTE;
  const reset = uptime !== null && m.uptimeSec !== null && uptime + UPTIME_SLACK_SEC < m.uptimeSec;
  const own = reset && at > m.expectRestartUntilMs;
  let { ownRestarts, thermalRestart } = m;
  if (own) {
    ownRestarts = [...ownRestarts.filter((t) => at - t <= windowMs), at].slice(-MAX_RESTARTS);
    const limitC = limitsFor(settings, model).chipC;
    if (m.chipC !== null && m.chipC >= limitC - THERMAL_MARGIN_C)
      thermalRestart = { atMs: at, chipC: m.chipC, limitC };
  }
  const uptimeSec = uptime ?? m.uptimeSec;
  const chip = chipC ?? m.chipC;
  if (!reset && uptimeSec === m.uptimeSec && chip === m.chipC) return m;
  return {
    ...m,
    uptimeSec,
    chipC: chip,
    ownRestarts,
    thermalRestart,
    // Once the expected restart is seen, a second reset is the rig's own again.
    expectRestartUntilMs: reset && !own ? 0 : m.expectRestartUntilMs,
  };
}

export function expectRestart(m: HealthMemory, untilMs: number): HealthMemory {
  return { ...m, expectRestartUntilMs: Math.max(m.expectRestartUntilMs, untilMs) };
}

export const restartsRule: Rule = ({ memory, settings, nowMs }) => {
  const windowMs = settings.rebootLoopMinutes * MINUTE;
  const out: Finding[] = [];
  const t = memory.thermalRestart;
  if (t !== null && nowMs - t.atMs <= windowMs) {
    out.push({
      code: 'thermal-restart',
      severity: 'critical',
      text: `restarted on its own after chip ${fmt(t.chipC)} °C (limit ${fmt(t.limitC)} °C)`,
      subject: '',
    });
  }
  const recent = memory.ownRestarts.filter((at) => nowMs - at <= windowMs).length;
  if (recent >= settings.rebootLoopCount) {
    out.push({
      code: 'reboot-loop',
      severity: 'critical',
      text: `restarted ${recent} times on its own within ${settings.rebootLoopMinutes} min`,
      subject: '',
    });
  }
  return out;
};
