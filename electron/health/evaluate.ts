/**
 * One rig's health at one moment, pure: step(memory, input, settings, now) → the new memory, the problems (worst
 * first, each with when it started) and the health they add up to. What memory keeps (restarts, chip growth,
 * temperature trend, share counts) moves only on what a snapshot says anew, however often health is evaluated.
 */
import { compareProblems, healthOf, type HealthState, type Problem } from '../../shared/health';
import { type HealthSettings } from '../../shared/health-settings';
import { chainsRule, chipsRule, observeChips } from './chains';
import { fansRule } from './fans';
import { livenessRule } from './liveness';
import { hashrateLowRule, minerFailureRule } from './miner';
import { plausibilityRule } from './plausibility';
import { observeShares, poolRule } from './pool';
import { observeRestart, restartsRule } from './restarts';
import { overheatRule } from './thermal';
import { observeTemp, trendRule } from './trend';
import {
  type Finding,
  type HealthInput,
  isMining,
  type HealthMemory,
  type Rule,
  type RuleContext,
} from './types';

export type HealthStep = { memory: HealthMemory; problems: Problem[]; health: HealthState };

/** Rules on the figures: meaningless once the rig is offline (its last figures are not its state). */
const FIGURE_RULES: readonly Rule[] = [
  plausibilityRule,
  minerFailureRule,
  hashrateLowRule,
  overheatRule,
  trendRule,
  chainsRule,
  chipsRule,
  fansRule,
  poolRule,
];

function observe(m: HealthMemory, input: HealthInput, settings: HealthSettings): HealthMemory {
  const s = input.snapshot;
  if (s === null) return m;
  const chipC = input.live.chipTempMaxC;
  // Each step below leaves memory as it is when the snapshot says nothing new, so observing one snapshot twice
  // (a poll, then the cycle's end) changes nothing, and a steady rig allocates nothing.
  let next = observeRestart(m, s, input.model, settings);
  // Chip grades and temperatures mean something while the rig hashes: a boot's warm-up and its grades coming
  // back are not degradation or a trend, so the rings start afresh each time it mines again.
  if (isMining(input)) {
    next = observeChips(next, s, settings);
    next = observeTemp(next, s.takenAtMs, chipC, settings);
  } else if (next.badChips.length > 0 || next.temps.length > 0) {
    next = { ...next, badChips: [], temps: [] };
  }
  next = observeShares(next, s, settings);
  return next;
}

export function stepHealth(
  memory: HealthMemory,
  input: HealthInput,
  settings: HealthSettings,
  nowMs: number,
): HealthStep {
  const m = observe(memory, input, settings);
  const ctx: RuleContext = { input, memory: m, settings, nowMs };
  const findings: Finding[] = [];
  for (const f of livenessRule(ctx)) findings.push(f);
  for (const f of restartsRule(ctx)) findings.push(f);
  const restarting = input.commandedRestart;
  if (input.live.liveness !== 'offline' && input.live.takenAtMs !== null && !restarting) {
    for (const rule of FIGURE_RULES) for (const f of rule(ctx)) findings.push(f);
  }
  if (findings.length === 0) {
    // The common case: nothing wrong, nothing to remember, nothing allocated for it.
    const since = memory.since.size === 0 ? memory.since : new Map<string, number>();
    const health = input.live.takenAtMs === null ? 'unknown' : 'ok';
    return {
      memory: m === memory && since === memory.since ? memory : { ...m, since },
      problems: [],
      health,
    };
  }
  const since = new Map<string, number>();
  const problems: Problem[] = [];
  for (const f of findings) {
    const key = `${f.code}\u0000${f.subject}`;
    const at = memory.since.get(key) ?? nowMs;
    since.set(key, at);
    if (f.holdMs !== undefined && nowMs - at < f.holdMs) continue;
    problems.push({ code: f.code, severity: f.severity, text: f.text, sinceMs: at, subject: f.subject });
  }
  problems.sort(compareProblems);
  const unknown = input.live.takenAtMs === null && problems.length === 0;
  return { memory: { ...m, since }, problems, health: unknown ? 'unknown' : healthOf(problems) };
}
