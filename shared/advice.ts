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
