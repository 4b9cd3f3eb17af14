/**
 * What is wrong with a rig, as both sides see it. The core's pure rules (electron/health/) turn a rig's live
 * snapshot, its recent history and the pool's view into a list of problems; the alerts engine opens one alert per
 * problem per rig; the UI shows the worst one on the Fleet table. Every problem carries its evidence in words
 * ("chip 89 °C, limit 85 °C") and when it started, so a technician knows what, where and since when.
 */
import { z } from 'zod';

import { type Problem, healthStates, problemCodes, severities } from './problem';

export {
  compareProblems,
  healthOf,
  healthRank,
  healthStates,
  problemCodes,
  severities,
  severityRank,
  type HealthState,
  type Problem,
  type ProblemCode,
  type Severity,
} from './problem';

export const problemSchema = z.object({
  code: z.enum(problemCodes),
  severity: z.enum(severities),
  /** One line with the evidence, e.g. "chain 2 failed: 0 of 120 chips hashing". */
  text: z.string(),
  /** When the condition started (epoch ms), kept across polls while it lasts. */
  sinceMs: z.number(),
  /** Distinguishes several problems of one code on one rig (a chain id, a fan id, a worker name); '' when one. */
  subject: z.string(),
}) satisfies z.ZodType<Problem>;

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
