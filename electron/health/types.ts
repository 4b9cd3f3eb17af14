/**
 * What the health rules read and remember. A rule sees one rig's view (the live figures, the snapshot they came
 * from, the pool's view and the read's own troubles) and returns findings; the evaluator turns findings into
 * problems with since-times. Rules that need the past read the small per-rig memory, which only the evaluator
 * advances, and only when a snapshot says something new.
 */
import { type ProblemCode, type Severity } from '../../shared/health';
import { type HealthSettings } from '../../shared/health-settings';
import { type RigSnapshot } from '../../shared/rig';
import { type RigLive } from '../../shared/telemetry';
import { type ModelSpec } from '../miners/models';

export type HealthInput = {
  /** The rig as the UI sees it (health and problems not yet filled). */
  live: RigLive;
  snapshot: RigSnapshot | null;
  model: ModelSpec | null;
  /** What the plausibility check took out of the last reading ("chip −874 °C"); empty when all was physical. */
  implausible: readonly string[];
  /** REST failed and RPC answered: both errors in one line; null when the read was whole. */
  degraded: string | null;
  /** The rig names a pool worker the pool does not know (null: not mined on the pool, or unknown). */
  workerUnseen: boolean | null;
  /** A restart RigDeck asked for is running: silence and an uptime reset are expected. */
  commandedRestart: boolean;
};

/** A condition a rule sees now; `holdMs` is how long it must last before it is a problem. */
export type Finding = {
  code: ProblemCode;
  severity: Severity;
  text: string;
  subject: string;
  holdMs?: number;
};

export type Sample = { atMs: number; value: number };

export type PoolShares = { id: number; accepted: number; rejected: number; rejecting: boolean };

export type HealthMemory = {
  /** When each condition (code + subject) was first seen in its current run. */
  since: ReadonlyMap<string, number>;
  /** When the rig booted, as its uptime says (a restart moves it forward). */
  bootAtMs: number | null;
  /** Restarts the rig made on its own, oldest first, bounded to the reboot-loop window. */
  ownRestarts: readonly number[];
  /** The last own restart that followed a chip temperature at or near the limit. */
  thermalRestart: { atMs: number; chipC: number; limitC: number } | null;
  /** A restart RigDeck asked for is expected until then. */
  expectRestartUntilMs: number;
  /** Whether the miner said it was mining (or tuning) at the last snapshot: a drop to restarting is a restart. */
  minerRunning: boolean | null;
  /** The last own restart seen by either sign (state or uptime), so one restart is not counted twice. */
  lastRestartAtMs: number | null;
  /** Orange + red chips, sampled at most every few minutes over the chips window. */
  badChips: readonly Sample[];
  /** Chip temperature samples over the trend window. */
  temps: readonly Sample[];
  /** Per pool slot, the share counters last seen and whether the last interval rejected too many. */
  shares: readonly PoolShares[];
};

export type RuleContext = {
  input: HealthInput;
  memory: HealthMemory;
  settings: HealthSettings;
  nowMs: number;
};

export type Rule = (c: RuleContext) => readonly Finding[];

/** What a rule returns when it finds nothing: one shared empty list, not one per rig per rule per cycle. */
export const NONE: readonly Finding[] = Object.freeze([]);

export function emptyMemory(): HealthMemory {
  return {
    since: new Map(),
    bootAtMs: null,
    ownRestarts: [],
    thermalRestart: null,
    expectRestartUntilMs: 0,
    minerRunning: null,
    lastRestartAtMs: null,
    badChips: [],
    temps: [],
    shares: [],
  };
}

export const MINUTE = 60_000;

/** The temperature limits for a model, the "default" ones for any other. */
export function limitsFor(
  settings: HealthSettings,
  model: ModelSpec | null,
): { chipC: number; boardC: number } {
  const own = model === null ? undefined : settings.tempLimits[model.code];
  return own ?? settings.tempLimits['default'] ?? { chipC: 85, boardC: 75 };
}

/** Mining by its own word, or read over CGMiner RPC (which names no miner state) and answering. */
export function isMining(i: HealthInput): boolean {
  const state = i.live.minerState;
  return state === 'mining' || (state === 'unknown' && i.snapshot?.source === 'cgminer-rpc');
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
