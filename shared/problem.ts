/**
 * Problem codes, severities and their order, without zod: the Fleet table sorts and colours by them on the
 * browser's first screen, which must not download the contract's schemas for it (renderer_bundle_gzip_kb).
 * `health.ts` re-exports all of it beside the schemas.
 */
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

/** One thing wrong with a rig; `problemSchema` in health.ts checks it. */
export type Problem = {
  code: ProblemCode;
  severity: Severity;
  /** One line with the evidence, e.g. "chain 2 failed: 0 of 120 chips hashing". */
  text: string;
  /** When the condition started (epoch ms), kept across polls while it lasts. */
  sinceMs: number;
  /** Distinguishes several problems of one code on one rig (a chain id, a fan id, a worker name); '' when one. */
  subject: string;
};

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
