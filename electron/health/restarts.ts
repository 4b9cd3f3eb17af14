/**
 * Restarts the rig makes on its own, when RigDeck asked for nothing: its uptime going back (a reboot), or the miner
 * dropping from mining to restarting/initializing (Vnish's thermal protection restarts the miner, not the OS, so
 * the system uptime over REST does not reset then). One right after its chips ran at or near the limit is thermal
 * protection; several within the window are a reboot loop. Neither is "restarting" as RigDeck shows a restart it
 * asked for.
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
/** One reboot shows both signs (the state drop, the uptime reset) at about the same time: counted once. */
const SAME_RESTART_MS = 3 * 60_000;
const RUNNING = new Set(['mining', 'auto-tuning']);
const GOING_DOWN = new Set(['restarting', 'initializing', 'starting', 'shutting-down']);

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
  const at = s.takenAtMs;
  const state = s.minerState;
  const running = RUNNING.has(state) ? true : GOING_DOWN.has(state) || state === 'stopped' ? false : null;
  let next = m;
  // The miner's own word: it was mining, now it is restarting. Unknown says nothing either way.
  if (running !== null && running !== m.minerRunning) {
    next = { ...next, minerRunning: running };
    if (m.minerRunning === true && GOING_DOWN.has(state) && at > m.expectRestartUntilMs) {
      next = ownRestart(next, at, at, model, settings);
    }
  }
  const uptime = uptimeOf(s);
  if (uptime === null) return next;
  const bootAtMs = at - uptime * 1000;
  if (next.bootAtMs === null) return { ...next, bootAtMs };
  const shift = bootAtMs - next.bootAtMs;
  // The common case: the same boot, nothing to remember.
  if (Math.abs(shift) <= BOOT_JITTER_MS) return next;
  if (shift < BOOT_JUMP_MS) return { ...next, bootAtMs };
  // Once the expected restart is seen, a second reset is the rig's own again.
  if (at <= next.expectRestartUntilMs) return { ...next, bootAtMs, expectRestartUntilMs: 0 };
  return ownRestart({ ...next, bootAtMs }, bootAtMs, at, model, settings);
}

/**
 * One restart the rig made on its own (`restartAtMs`: when it happened, as near as we can tell; `at`: when we saw
 * it), unless the other sign of the same restart was counted already.
 */
function ownRestart(
  m: HealthMemory,
  restartAtMs: number,
  at: number,
  model: ModelSpec | null,
  settings: HealthSettings,
): HealthMemory {
  if (m.lastRestartAtMs !== null && Math.abs(restartAtMs - m.lastRestartAtMs) < SAME_RESTART_MS) return m;
  const windowMs = settings.rebootLoopMinutes * MINUTE;
  const ownRestarts = [...m.ownRestarts.filter((t) => at - t <= windowMs), at].slice(-MAX_RESTARTS);
  const limitC = limitsFor(settings, model).chipC;
  const chipC = recentChipC(m);
  const thermal = chipC !== null && chipC >= limitC - THERMAL_MARGIN_C;
  return {
    ...m,
    ownRestarts,
    lastRestartAtMs: restartAtMs,
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
