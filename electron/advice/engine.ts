/**
 * The built-in engine: every rule over every rig, plus whatever extra sources were plugged in (Abacus.AI's
 * suggestions, merged by source). Pure: the caller gathers the inputs and decides what to do with the result.
 */
import { type Recommendation } from '../../shared/advice';
import { bestPresetRule } from './best-preset';
import { chainErrorsRule } from './chains';
import { rejectRateRule, unknownWorkerRule, workerNameRule } from './pool';
import { siblingIndex, underperformingRule } from './siblings';
import { temperatureTrendRule } from './trend';
import { type AdviceContext, type AdviceRule, type Finding, type RigAdviceInput } from './types';

export const BUILTIN_RULES: readonly AdviceRule[] = [
  bestPresetRule,
  underperformingRule,
  temperatureTrendRule,
  chainErrorsRule,
  rejectRateRule,
  unknownWorkerRule,
  workerNameRule,
];

/** A recommendation from elsewhere: its evidence, to two significant figures, is what a dismissal holds on to. */
export function evidenceFingerprint(rec: Recommendation): string {
  return rec.evidence
    .map((e) => `${e.label}=${e.value === null ? '-' : Number(e.value.toPrecision(2))}`)
    .concat(rec.action === null ? [] : [`${rec.action.action}:${JSON.stringify(rec.action.params)}`])
    .join(';');
}

export function evaluateAdvice(
  rigs: readonly RigAdviceInput[],
  ctx: AdviceContext,
  extraSources: ReadonlyArray<() => readonly Recommendation[]> = [],
  rules: readonly AdviceRule[] = BUILTIN_RULES,
): Finding[] {
  const siblings = siblingIndex(rigs, ctx.nowMs);
  const out: Finding[] = [];
  for (const rig of rigs) {
    for (const rule of rules) {
      const f = rule(rig, ctx, siblings);
      if (f !== null) out.push(f);
    }
  }
  for (const source of extraSources) {
    for (const rec of source()) out.push({ rec, fingerprint: evidenceFingerprint(rec) });
  }
  return out;
}
