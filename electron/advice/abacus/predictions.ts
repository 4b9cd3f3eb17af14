/**
 * Reading the deployed model's answers (docs/abacus.md §7(b), §11) and turning them into recommendations
 * labelled `source: 'abacus'`. The result's field names are settings; an action whose code names a RigDeck
 * control that validates against `shared/control.ts` becomes one-click, any other stays advice only. Pure.
 */
import { z } from 'zod';

import type { AbacusSettings } from '../../../shared/abacus-settings';
import type { AdviceKind, Recommendation } from '../../../shared/advice';
import { type ActionKind, actionKinds, controlActionSchema } from '../../../shared/control';
import type { HistoryMetric } from '../../../shared/telemetry';

export type ModelAction = {
  code: string;
  value: number | null;
  reason: string | null;
  params: Record<string, unknown> | null;
  expectedEffect: string | null;
  confidence: number | null;
};
export type Prediction = {
  rigId: string;
  score: number | null;
  status: string | null;
  actions: ModelAction[];
};

const finite = z.number().finite();
const actionSchema = z.looseObject({
  code: z.string().min(1).max(64),
  value: z.union([finite, z.string().max(64)]).nullish(),
  reason: z.string().max(500).nullish(),
  params: z.record(z.string(), z.unknown()).nullish(),
  expected_effect: z.string().max(500).nullish(),
  confidence: finite.min(0).max(1).nullish(),
});

type Fields = AbacusSettings['resultFields'];

const numberOrNull = (v: number | string | null | undefined): number | null => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/** The whole batch or a clear reason it cannot be read: a model that answers half-wrong is not trusted for the rest. */
export function parsePredictions(
  result: unknown,
  rigIds: readonly string[],
  fields: Fields,
): { ok: true; predictions: Prediction[] } | { ok: false; message: string } {
  if (!Array.isArray(result)) return { ok: false, message: 'predictMultiple: the result is not a list' };
  if (result.length !== rigIds.length)
    return { ok: false, message: `predictMultiple: ${result.length} answers for ${rigIds.length} rigs` };
  const item = z.looseObject({
    [fields.score]: finite.nullish(),
    [fields.status]: z.string().max(64).nullish(),
    [fields.actions]: z.array(actionSchema).max(50).nullish(),
  });
  const predictions: Prediction[] = [];
  for (const [i, raw] of result.entries()) {
    const rigId = rigIds[i] ?? '';
    const r = item.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the answer';
      return {
        ok: false,
        message: `predictMultiple: answer ${i + 1} (rig ${rigId}): ${where}: ${issue?.message ?? 'unreadable'}`,
      };
    }
    const score = r.data[fields.score];
    const status = r.data[fields.status];
    const actions = r.data[fields.actions];
    predictions.push({
      rigId,
      score: typeof score === 'number' ? Math.min(1, Math.max(0, score)) : null,
      status: typeof status === 'string' ? status : null,
      actions: (Array.isArray(actions) ? actions : []).map((a) => ({
        code: a.code,
        value: numberOrNull(a.value),
        reason: a.reason ?? null,
        params: a.params ?? null,
        expectedEffect: a.expected_effect ?? null,
        confidence: a.confidence ?? null,
      })),
    });
  }
  return { ok: true, predictions };
}

type Known = {
  kind: AdviceKind;
  title: (v: number | null) => string;
  effect: string;
  chart: HistoryMetric | null;
  unit: string;
  /** The RigDeck control it names, and its parameters from the model's value. */
  control?: (v: number | null) => { action: ActionKind; params: Record<string, unknown> } | null;
};

// The codes the model in docs/abacus.md §7(b) uses; anything else is shown as the model said it.
const KNOWN: Record<string, Known> = {
  LOWER_POWER_LIMIT: {
    kind: 'model',
    title: (v) => (v === null ? 'Lower the power limit' : `Throttle to ${v} %`),
    effect: 'Less heat and power; hashrate falls roughly in proportion.',
    chart: 'chip_temp_max_c',
    unit: '%',
    control: (v) => (v === null ? null : { action: 'throttle', params: { percent: Math.round(v) } }),
  },
  CHECK_HASHBOARDS: {
    kind: 'underperforming',
    title: () => 'Check the hash boards',
    effect: 'Back to nominal hashrate once the failing board is found.',
    chart: 'hashrate_mhs',
    unit: '',
  },
  CHECK_POOL: {
    kind: 'reject-rate',
    title: () => 'Check the pool connection',
    effect: 'Fewer rejected shares, more credited hashrate.',
    chart: 'pool_hashrate_mhs',
    unit: '',
  },
  REPLACE_FAN: {
    kind: 'model',
    title: () => 'Replace a fan',
    effect: 'Normal cooling; avoids thermal shutdowns.',
    chart: 'fan_rpm_min',
    unit: '',
  },
  REBOOT: {
    kind: 'model',
    title: () => 'Reboot the rig',
    effect: 'A fresh start.',
    chart: null,
    unit: '',
    control: () => ({ action: 'reboot', params: {} }),
  },
  SET_PRESET: {
    kind: 'best-preset',
    title: (v) => (v === null ? 'Change the preset' : `Switch to preset ${v}`),
    effect: 'A better balance of hashrate and power.',
    chart: 'power_w',
    unit: '',
    control: (v) => (v === null ? null : { action: 'preset', params: { name: String(Math.round(v)) } }),
  },
};

const humanize = (code: string): string => {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const isActionKind = (v: string): v is ActionKind => (actionKinds as readonly string[]).includes(v);

/** A control only if it validates as one RigDeck knows; otherwise null (advice only). */
export function controlFor(a: ModelAction): Recommendation['action'] {
  const lower = a.code.toLowerCase();
  const named = isActionKind(lower) ? { action: lower, params: a.params ?? {} } : null;
  const fromCode = KNOWN[a.code.toUpperCase()]?.control?.(a.value) ?? null;
  const candidate = named ?? fromCode;
  if (!candidate) return null;
  const ok = controlActionSchema.safeParse({ kind: candidate.action, ...candidate.params }).success;
  return ok ? candidate : null;
}

const SCORE = (p: Prediction) => ({ label: 'Abacus.AI anomaly score', value: p.score, unit: '' });

export function toRecommendations(predictions: readonly Prediction[], nowMs: number): Recommendation[] {
  const out: Recommendation[] = [];
  for (const p of predictions) {
    const statusText = p.status ? `status ${p.status}` : 'no status';
    for (const a of p.actions) {
      const known = KNOWN[a.code.toUpperCase()];
      const evidence = [SCORE(p)];
      if (a.value !== null && Number.isFinite(a.value))
        evidence.push({
          label: `${humanize(a.code)}: suggested value`,
          value: a.value,
          unit: known?.unit ?? '',
        });
      out.push({
        id: `abacus:${p.rigId}:${a.code.toLowerCase()}`,
        rigId: p.rigId,
        kind: known?.kind ?? 'model',
        source: 'abacus',
        title: known ? known.title(a.value) : humanize(a.code),
        reason: a.reason ?? `The Abacus.AI model suggests it (${statusText}).`,
        evidence,
        chart: known?.chart ? { metric: known.chart, hours: 24 } : null,
        expectedEffect:
          a.expectedEffect ?? known?.effect ?? 'As the Abacus.AI model expects; not measured by RigDeck.',
        confidence: a.confidence ?? p.score ?? 0.5,
        action: controlFor(a),
        createdAtMs: nowMs,
      });
    }
    // A rig flagged with nothing to do still deserves a look.
    if (p.actions.length === 0 && p.status !== null && p.status !== 'ok')
      out.push({
        id: `abacus:${p.rigId}:flagged`,
        rigId: p.rigId,
        kind: 'model',
        source: 'abacus',
        title: 'Abacus.AI flags this rig',
        reason: `The Abacus.AI model rates it ${statusText}, without a suggested action.`,
        evidence: [SCORE(p)],
        chart: null,
        expectedEffect: 'None by itself: look at the rig.',
        confidence: p.score ?? 0.5,
        action: null,
        createdAtMs: nowMs,
      });
  }
  return out;
}
