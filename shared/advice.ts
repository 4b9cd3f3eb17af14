/**
 * Recommendations as both sides see them: what RigDeck (or Abacus.AI, when configured; docs/abacus.md) suggests
 * doing about one rig, why, on what evidence, and, where it maps to a control, the action that applies it.
 */
import { z } from 'zod';

import { controlRunRequestSchema } from './control';

export const adviceSources = ['builtin', 'abacus'] as const;
export type AdviceSource = (typeof adviceSources)[number];

export const adviceKinds = [
  'best-preset',
  'underperforming',
  'temperature-trend',
  'chain-errors',
  'reject-rate',
  'unknown-worker',
  'worker-name-mismatch',
  /** Abacus.AI's own suggestion that maps to none of the above. */
  'model',
] as const;
export type AdviceKind = (typeof adviceKinds)[number];

export const evidenceSchema = z.object({
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
});

export const recommendationSchema = z.object({
  /** Stable for the same rig, kind and source: dismissing keys on it (with the evidence fingerprint). */
  id: z.string(),
  rigId: z.string(),
  kind: z.enum(adviceKinds),
  source: z.enum(adviceSources),
  title: z.string(),
  reason: z.string(),
  evidence: z.array(evidenceSchema),
  /** What the chart link opens: a history metric over a window. */
  chart: z.object({ metric: z.string(), hours: z.number() }).nullable(),
  expectedEffect: z.string(),
  /** 0..1. */
  confidence: z.number().min(0).max(1),
  /** The control that applies it in one click (null: advice only). */
  action: controlRunRequestSchema.pick({ action: true, params: true }).nullable(),
  createdAtMs: z.number(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/** `advice.list`: the open recommendations (dismissed ones left out), one rig's or the fleet's. */
export const adviceListRequestSchema = z
  .object({ rigId: z.string().min(1).max(64).optional() })
  .strict()
  .prefault({});

/** Dismissed until its evidence changes (the id with a fingerprint of the evidence is what is kept). */
export const adviceDismissRequestSchema = z.object({ id: z.string().min(1).max(200) }).strict();

/** Apply through the control path; a disruptive action needs `confirm`, as `control.run` does. */
export const adviceApplyRequestSchema = z
  .object({ id: z.string().min(1).max(200), confirm: z.boolean().default(false) })
  .strict();

/** Before vs after figures over comparable windows; null where history had no reading. */
export const adviceWindowSchema = z.object({
  hashrateMhs: z.number().nullable(),
  powerW: z.number().nullable(),
  chipTempMaxC: z.number().nullable(),
  /** Per day in the settings' currency; null without a revenue figure. */
  profitPerDay: z.number().nullable(),
});
export type AdviceWindow = z.infer<typeof adviceWindowSchema>;

/** A recommendation that was applied, and what came of it once enough time had passed. */
export const appliedAdviceSchema = z.object({
  id: z.string(),
  recommendationId: z.string(),
  rigId: z.string(),
  kind: z.enum(adviceKinds),
  source: z.enum(adviceSources),
  title: z.string(),
  action: controlRunRequestSchema.pick({ action: true, params: true }),
  jobId: z.string(),
  appliedAtMs: z.number(),
  /** How long each window is (the same before and after, so the two compare). */
  windowMs: z.number(),
  /** Null until the after-window has passed and the effect was measured. */
  measuredAtMs: z.number().nullable(),
  before: adviceWindowSchema.nullable(),
  after: adviceWindowSchema.nullable(),
});
export type AppliedAdvice = z.infer<typeof appliedAdviceSchema>;

export const adviceListSchema = z.object({
  recommendations: z.array(recommendationSchema),
  /** When the engine last ran; null before its first run. */
  evaluatedAtMs: z.number().nullable(),
});
export type AdviceList = z.infer<typeof adviceListSchema>;

/** The open list changed (a new evaluation, a dismissal, an application, an effect measured). */
export const adviceChangedSchema = z.object({
  count: z.number().int(),
  evaluatedAtMs: z.number().nullable(),
});
