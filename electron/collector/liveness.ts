/**
 * Rig liveness from poll results and time, pure. online: answered recently; stale: two polls missed (figures
 * shown greyed with their age); offline: silent about a minute. Hysteresis keeps one unlucky poll from flipping
 * the state: one miss changes nothing, and offline needs both the minute and three misses. The way back has
 * none: a rig that answers is online at once, because its figures are fresh and a badge must never say
 * "Offline" beside figures 3 s old (a farm coming back after a restart showed exactly that while an offline
 * rig waited for a second answer). Flapping stays bounded by the way down (a minute of silence each time), and
 * alerts clear only after their own `clearSec`. A restart we asked for holds the rig at stale (not offline)
 * until it is back or its deadline passes, so a rebooting miner is shown as rebooting, not as broken.
 */
import { type MinerState } from '../../shared/rig';
import { type Liveness } from '../../shared/telemetry';

export type LivenessConfig = {
  /** Misses in a row before an online rig is stale. */
  staleAfterMisses: number;
  /** Figures older than this are stale even when no miss was recorded (polls not happening at all). */
  staleAfterMs: number;
  /** Offline needs both: this long without an answer, and this many misses in a row. */
  offlineAfterMs: number;
  offlineAfterMisses: number;
};

/** A restart or reboot we requested: `wentDown` once the rig was seen silent or not hashing. */
export type RestartMark = { untilMs: number; wentDown: boolean };

export type RigHealth = {
  liveness: Liveness;
  misses: number;
  answers: number;
  lastAnswerMs: number | null;
  /** When the current run of misses began (the silence of a rig that never answered counts from here). */
  firstMissMs: number | null;
  /** What the miner last said of itself. */
  minerState: MinerState;
  restart: RestartMark | null;
};

export function initialHealth(): RigHealth {
  return {
    liveness: 'unknown',
    misses: 0,
    answers: 0,
    lastAnswerMs: null,
    firstMissMs: null,
    minerState: 'unknown',
    restart: null,
  };
}

/** The liveness `h` implies at `now`, given the previous one (which carries the hysteresis). */
export function judge(h: RigHealth, now: number, cfg: LivenessConfig): Liveness {
  const prev = h.liveness;
  if (h.misses === 0) {
    if (h.lastAnswerMs === null) return 'unknown';
    if (now - h.lastAnswerMs > cfg.staleAfterMs) return prev === 'offline' ? 'offline' : 'stale';
    return 'online';
  }
  if (prev === 'offline') return 'offline';
  const silentMs = now - (h.lastAnswerMs ?? h.firstMissMs ?? now);
  const restarting = h.restart !== null && now < h.restart.untilMs;
  if (!restarting && h.misses >= cfg.offlineAfterMisses && silentMs >= cfg.offlineAfterMs) return 'offline';
  if (h.misses >= cfg.staleAfterMisses) return 'stale';
  if (h.lastAnswerMs !== null && silentMs > cfg.staleAfterMs) return 'stale';
  return prev;
}

function withLiveness(h: RigHealth, now: number, cfg: LivenessConfig): RigHealth {
  const liveness = judge(h, now, cfg);
  return liveness === h.liveness ? h : { ...h, liveness };
}

export function answered(h: RigHealth, at: number, minerState: MinerState, cfg: LivenessConfig): RigHealth {
  let restart = h.restart;
  if (restart !== null) {
    const hashing = minerState === 'mining' || minerState === 'auto-tuning';
    // Back once it has been down (or stopped hashing) and hashes again; until then it is still restarting.
    if (hashing && restart.wentDown) restart = null;
    else if (!hashing && !restart.wentDown) restart = { ...restart, wentDown: true };
  }
  // Written out, not spread: every rig, every poll.
  const next: RigHealth = {
    liveness: h.liveness,
    misses: 0,
    answers: h.answers + 1,
    lastAnswerMs: at,
    firstMissMs: null,
    minerState,
    restart,
  };
  return withLiveness(next, at, cfg);
}

export function missed(h: RigHealth, at: number, cfg: LivenessConfig): RigHealth {
  const next: RigHealth = {
    ...h,
    misses: h.misses + 1,
    answers: 0,
    firstMissMs: h.firstMissMs ?? at,
    restart: h.restart === null ? null : { ...h.restart, wentDown: true },
  };
  return withLiveness(next, at, cfg);
}

/** Time passing without a poll result: a restart deadline expires, silence turns into offline. */
export function elapse(h: RigHealth, now: number, cfg: LivenessConfig): RigHealth {
  const next = h.restart !== null && now >= h.restart.untilMs ? { ...h, restart: null } : h;
  return withLiveness(next, now, cfg);
}

/** We asked the rig to restart or reboot; it should be back by `untilMs`. */
export function requestRestart(h: RigHealth, untilMs: number): RigHealth {
  return { ...h, restart: { untilMs, wentDown: false } };
}

/**
 * Restarting on our request, until back or the deadline. A restart the rig makes on its own is not shown so:
 * it is a problem (thermal protection, a reboot loop) that the health rules name.
 */
export function isRestarting(h: RigHealth, now: number): boolean {
  return h.restart !== null && now < h.restart.untilMs;
}

/** How long the rig has been silent at `now` (0 while it answers). */
export function silenceMs(h: RigHealth, now: number): number {
  if (h.misses === 0) return 0;
  return Math.max(0, now - (h.lastAnswerMs ?? h.firstMissMs ?? now));
}
