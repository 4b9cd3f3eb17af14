/**
 * What is wrong with a rig, as both sides see it. The core's pure rules (electron/health/) turn a rig's live
 * snapshot, its recent history and the pool's view into a list of problems; the alerts engine opens one alert per
 * problem per rig; the UI shows the worst one on the Fleet table. Every problem carries its evidence in words
 * ("chip 89 °C, limit 85 °C") and when it started, so a technician knows what, where and since when.
 */
import { z } from 'zod';

export const healthStates = ['ok', 'warning', 'critical', 'unknown'] as const;
export type HealthState = (typeof healthStates)[number];

export const severities = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** Every kind of problem RigDeck can name. A code is stable: alerts, settings and the CLI key on it. */
export const problemCodes = [
  'offline',
  'stale',
  'implausible-reading',
  'degraded-read',
  'miner-failure',
  'overheat-chip',
  'overheat-board',
  'temp-trend',
  'hashrate-low',
  'chain-failed',
  'chain-missing',
  'chips-degrading',
  'fan-lost',
  'fan-slow',
  'thermal-restart',
  'reboot-loop',
  'pool-down',
  'pool-rejecting',
  'pool-no-worker',
  'pool-hashrate-mismatch',
  /** Fleet-level: a worker the pool credits that matches no rig (rigId null). */
  'pool-worker-unmatched',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const problemSchema = z.object({
  code: z.enum(problemCodes),
  severity: z.enum(severities),
  /** One line with the evidence, e.g. "chain 2 failed: 0 of 120 chips hashing". */
  text: z.string(),
  /** When the condition started (epoch ms), kept across polls while it lasts. */
  sinceMs: z.number(),
  /** Distinguishes several problems of one code on one rig (a chain id, a fan id, a worker name); '' when one. */
  subject: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

/** Worst first: critical before warning before info, then the oldest. */
export function compareProblems(a: Problem, b: Problem): number {
  return severityRank(b.severity) - severityRank(a.severity) || a.sinceMs - b.sinceMs;
}

export function severityRank(s: Severity): number {
  return s === 'critical' ? 2 : s === 'warning' ? 1 : 0;
}

/** The health a list of problems adds up to (unknown is decided by the caller: a rig never read). */
export function healthOf(problems: readonly Problem[]): Exclude<HealthState, 'unknown'> {
  let worst = -1;
  for (const p of problems) worst = Math.max(worst, severityRank(p.severity));
  return worst === 2 ? 'critical' : worst === 1 ? 'warning' : 'ok';
}

/** Sort key for "Problems first": critical, warning, unknown, ok. */
export function healthRank(h: HealthState): number {
  return h === 'critical' ? 3 : h === 'warning' ? 2 : h === 'unknown' ? 1 : 0;
}

export const rigHealthSchema = z.object({
  rigId: z.string(),
  health: z.enum(healthStates),
  /** Worst first (compareProblems). */
  problems: z.array(problemSchema),
});
export type RigHealth = z.infer<typeof rigHealthSchema>;

export const healthCountsSchema = z.object({
  ok: z.number().int(),
  warning: z.number().int(),
  critical: z.number().int(),
  unknown: z.number().int(),
});
export type HealthCounts = z.infer<typeof healthCountsSchema>;
