/**
 * Restarts the rig makes on its own: its uptime going back when RigDeck asked for nothing. One right after its
 * chips ran at or near the limit is thermal protection; several within the window are a reboot loop. Neither
 * is "restarting" as RigDeck shows a restart it asked for.
 */
import { type HealthSettings } from '../../shared/health-settings';
import { type RigSnapshot } from '../../shared/rig';
import { fmt, type Finding, type HealthMemory, limitsFor, MINUTE, type Rule } from './types';
import { type ModelSpec } from '../miners/models';

/**
 * A restart moves the boot time (when the poll was taken, less the uptime) forward by at least the time the rig
 * was up. Within a boot it stays put but for the jitter of a miner counting whole seconds against our clock;
 * slower drift is followed, so it never adds up to a restart.
 */
const BOOT_JITTER_MS = 2000;
const BOOT_JUMP_MS = 30_000;
/** A chip this close under the limit before a restart points at thermal protection. */
const THERMAL_MARGIN_C = 5;
const MAX_RESTARTS = 32;

export function uptimeOf(s: RigSnapshot): number | null {
  return s.uptimeSec ?? s.minerUptimeSec;
}

/** The hottest chip of the recent samples: what the rig ran at before it restarted. */
function recentChipC(m: HealthMemory): number | null {
  let hot: number | null = null;
  for (const x of m.temps) if (hot === null || x.value > hot) hot = x.value;
  return hot;
}

export function observeRestart(
  m: HealthMemory,
  s: RigSnapshot,
  model: ModelSpec | null,
  settings: HealthSettings,
): HealthMemory {
  const uptime = uptimeOf(s);
  if (uptime === null) return m;
  const at = s.takenAtMs;
  const bootAtMs = at - uptime * 1000;
  if (m.bootAtMs === null) return { ...m, bootAtMs };
  const shift = bootAtMs - m.bootAtMs;
  // The common case: the same boot, nothing to remember.
  if (Math.abs(shift) <= BOOT_JITTER_MS) return m;
  if (shift < BOOT_JUMP_MS) return { ...m, bootAtMs };
  const own = at > m.expectRestartUntilMs;
  // Once the expected restart is seen, a second reset is the rig's own again.
  if (!own) return { ...m, bootAtMs, expectRestartUntilMs: 0 };
  const windowMs = settings.rebootLoopMinutes * MINUTE;
  const ownRestarts = [...m.ownRestarts.filter((t) => at - t <= windowMs), at].slice(-MAX_RESTARTS);
  const limitC = limitsFor(settings, model).chipC;
  const chipC = recentChipC(m);
  const thermal = chipC !== null && chipC >= limitC - THERMAL_MARGIN_C;
  return {
    ...m,
    bootAtMs,
    ownRestarts,
    thermalRestart: thermal ? { atMs: at, chipC, limitC } : m.thermalRestart,
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
