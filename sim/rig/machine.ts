// The miner state machine (docs/vnish.md §3.3 MinerState, §8): pure transitions from one Phase to the
// next given what the rig senses. The farm applies the returned events (logs, annotations).
import { type MinerState, type Phase } from './types';

export type Timing = {
  initSec: number;
  startSec: number;
  autotuneSec: number;
  stopSec: number;
  restartSec: number;
  resumeSec: number;
  failureRetrySec: number;
  rebootAfterSec: number;
  rebootDownMinSec: number;
  rebootDownMaxSec: number;
  /** Restart after an overheat once the hottest chip is this many °C under restart_temp. */
  coolHysteresis: number;
};

export const DEFAULT_TIMING: Timing = {
  initSec: 25,
  startSec: 40,
  autotuneSec: 900,
  stopSec: 5,
  restartSec: 8,
  resumeSec: 10,
  failureRetrySec: 30,
  rebootAfterSec: 3,
  rebootDownMinSec: 60,
  rebootDownMaxSec: 90,
  coolHysteresis: 15,
};

export type Senses = {
  now: number;
  presetTuned: boolean;
  initFailure: { code: number; description: string } | null;
  maxAttempts: number;
  fansOk: boolean;
  chainsOk: boolean;
  chipMax: number;
  restartTemp: number;
};

export type MachineEvent =
  | { kind: 'log'; log: 'status' | 'miner' | 'autotune' | 'system'; text: string }
  | { kind: 'annotation'; type: 'start' | 'stop' | 'restart' | 'overheat' }
  | { kind: 'tuned' };

export type Failure = { code: number; description: string };

/**
 * Failure codes: only 1002 is known from a real miner (docs/vnish.md §7, §9 "failure-code catalogue").
 * The others are INFERRED placeholders, kept in one table so a scenario can replace them.
 */
export type FailureCodes = { fans: Failure; chains: Failure };

export const DEFAULT_FAILURE_CODES: FailureCodes = {
  fans: { code: 2001, description: 'Not enough working fans' },
  chains: { code: 2002, description: 'Not enough operational chains' },
};

function enter(state: MinerState, now: number, durationSec: number | null, prev: Phase): Phase {
  return {
    ...prev,
    state,
    since: now,
    until: durationSec === null ? null : now + durationSec * 1000,
    paused: false,
    failureCode: null,
    description: null,
    coolTo: null,
  };
}

export type Step = { phase: Phase; events: MachineEvent[] };

/** One transition, if one is due. Call repeatedly until it returns the same phase. */
export function advance(phase: Phase, s: Senses, timing: Timing, codes: FailureCodes): Step {
  const due = phase.until !== null && phase.until <= s.now;
  const at = due && phase.until !== null ? phase.until : s.now;
  switch (phase.state) {
    case 'initializing': {
      if (!due) return { phase, events: [] };
      if (s.initFailure) {
        const attempts = phase.attempts + 1;
        const retry = attempts < s.maxAttempts;
        return {
          phase: {
            ...enter('failure', at, retry ? timing.failureRetrySec : null, phase),
            attempts,
            failureCode: s.initFailure.code,
            description: s.initFailure.description,
          },
          events: [{ kind: 'log', log: 'status', text: `ERROR: ${s.initFailure.description}` }],
        };
      }
      return { phase: enter('starting', at, timing.startSec, phase), events: [] };
    }
    case 'starting': {
      if (!due) return { phase, events: [] };
      const blocked = blockedBy(s, codes);
      if (blocked) return { phase: fail(phase, at, blocked), events: failLog(blocked) };
      if (!s.presetTuned) {
        return {
          phase: enter('auto-tuning', at, timing.autotuneSec, phase),
          events: [{ kind: 'log', log: 'autotune', text: 'INFO: Starting autotune' }],
        };
      }
      return { phase: { ...enter('mining', at, null, phase), attempts: 0 }, events: [] };
    }
    case 'auto-tuning': {
      const blocked = blockedBy(s, codes);
      if (blocked) return { phase: fail(phase, s.now, blocked), events: failLog(blocked) };
      if (s.chipMax > s.restartTemp) return overheat(phase, s, timing);
      if (!due) return { phase, events: [] };
      return {
        phase: { ...enter('mining', at, null, phase), attempts: 0 },
        events: [{ kind: 'tuned' }, { kind: 'log', log: 'autotune', text: 'INFO: Autotune finished' }],
      };
    }
    case 'mining': {
      const blocked = blockedBy(s, codes);
      if (blocked) return { phase: fail(phase, s.now, blocked), events: failLog(blocked) };
      if (s.chipMax > s.restartTemp) return overheat(phase, s, timing);
      return { phase, events: [] };
    }
    case 'shutting-down':
      if (!due) return { phase, events: [] };
      return { phase: enter('stopped', at, null, phase), events: [] };
    case 'restarting': {
      if (phase.coolTo !== null) {
        if (s.chipMax > phase.coolTo) return { phase, events: [] };
        return {
          phase: { ...enter('initializing', s.now, timing.initSec, phase) },
          events: [{ kind: 'annotation', type: 'start' }],
        };
      }
      if (!due) return { phase, events: [] };
      return { phase: enter('initializing', at, timing.initSec, phase), events: [] };
    }
    case 'failure': {
      if (!due) return { phase, events: [] };
      const text = `INFO: Restarting (${phase.attempts} of ${s.maxAttempts}) - Miner initialization failed`;
      return {
        phase: { ...enter('restarting', at, timing.restartSec, phase), attempts: phase.attempts },
        events: [{ kind: 'log', log: 'status', text }],
      };
    }
    case 'stopped':
      return { phase, events: [] };
  }
}

function blockedBy(s: Senses, codes: FailureCodes): Failure | null {
  if (!s.fansOk) return codes.fans;
  if (!s.chainsOk) return codes.chains;
  return null;
}

function fail(phase: Phase, now: number, f: Failure): Phase {
  return { ...enter('failure', now, null, phase), failureCode: f.code, description: f.description };
}

function failLog(f: Failure): MachineEvent[] {
  return [{ kind: 'log', log: 'status', text: `ERROR: ${f.description}` }];
}

function overheat(phase: Phase, s: Senses, timing: Timing): Step {
  return {
    phase: { ...enter('restarting', s.now, null, phase), coolTo: s.restartTemp - timing.coolHysteresis },
    events: [
      { kind: 'annotation', type: 'overheat' },
      { kind: 'log', log: 'status', text: 'INFO: Cooling down the miner' },
    ],
  };
}

export type Command = 'start' | 'stop' | 'restart' | 'pause' | 'resume';

export type CommandResult = { ok: true; phase: Phase; events: MachineEvent[] } | { ok: false; err: string };

/** Control endpoints under /mining (docs/vnish.md §4). Errors mirror the real "CGMiner err: …" texts. */
export function command(phase: Phase, cmd: Command, now: number, timing: Timing): CommandResult {
  const hashing = phase.state === 'mining' || phase.state === 'auto-tuning';
  switch (cmd) {
    case 'start':
      if (phase.state === 'stopped' || phase.state === 'failure') {
        return {
          ok: true,
          phase: { ...enter('initializing', now, timing.initSec, phase), attempts: 0 },
          events: [{ kind: 'annotation', type: 'start' }],
        };
      }
      return { ok: true, phase, events: [] };
    case 'stop':
      if (phase.state === 'stopped') return { ok: true, phase: { ...phase, paused: false }, events: [] };
      return {
        ok: true,
        phase: enter('shutting-down', now, timing.stopSec, phase),
        events: [{ kind: 'annotation', type: 'stop' }],
      };
    case 'restart':
      return {
        ok: true,
        phase: { ...enter('restarting', now, timing.restartSec, phase), attempts: 0 },
        events: [{ kind: 'annotation', type: 'restart' }],
      };
    case 'pause':
      if (!hashing) return { ok: false, err: 'CGMiner err: Cgminer error failed-to-activate-pause-mode ' };
      return { ok: true, phase: { ...enter('stopped', now, null, phase), paused: true }, events: [] };
    case 'resume':
      if (!phase.paused)
        return { ok: false, err: 'CGMiner err: Cgminer error failed-to-deactivate-pause-mode ' };
      return { ok: true, phase: enter('starting', now, timing.resumeSec, phase), events: [] };
  }
}

export function initialPhase(now: number, timing: Timing): Phase {
  return {
    state: 'initializing',
    since: now,
    until: now + timing.initSec * 1000,
    paused: false,
    attempts: 0,
    failureCode: null,
    description: null,
    coolTo: null,
  };
}
