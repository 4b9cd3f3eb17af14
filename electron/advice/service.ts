/**
 * The recommendations as the core keeps them: evaluated at a poll cycle's end every `evaluateEverySec` (never per
 * poll), dismissals held until the evidence fingerprint changes, application through the jobs service (so the
 * control path's limits, audit and pacing apply), and the effect measured once the after-window has passed.
 */
import { randomUUID } from 'node:crypto';

import {
  type AdviceList,
  type AdviceWindow,
  type AppliedAdvice,
  type Recommendation,
} from '../../shared/advice';
import { type ControlAction, controlActionSchema } from '../../shared/control';
import { invalidArgument, RpcError } from '../../shared/errors';
import { type Face } from '../../shared/faces';
import { type HistoryResult } from '../../shared/telemetry';
import { DISRUPTIVE } from '../control/actions';
import { EFFECT_WINDOW_MS, measurable, windowFigures, windowsFor } from './effect';
import { evaluateAdvice } from './engine';
import { type AdviceStore } from './store';
import { type AdviceContext, type Finding, type RigAdviceInput } from './types';

export type AdviceServiceDeps = {
  store: AdviceStore;
  /** Every rig's inputs now (registry, collector, recent history). */
  gather(nowMs: number): RigAdviceInput[];
  context(nowMs: number): AdviceContext;
  /** How often the engine runs. */
  everyMs(): number;
  /** Further recommendation sources (Abacus.AI), merged with the built-in ones and labelled by their `source`. */
  extraSources?: ReadonlyArray<() => readonly Recommendation[]>;
  startJob(req: { action: ControlAction; rigIds: string[]; face: Face }): { id: string };
  /** The rig's hashrate, power and hottest chip over [fromMs, toMs). */
  history(rigId: string, fromMs: number, toMs: number): HistoryResult;
  changed(payload: { count: number; evaluatedAtMs: number | null }): void;
  now(): number;
  log?: { warn(message: string): void };
};

export type AdviceService = {
  /**
   * The collector published (a cycle ended, or something urgent): evaluate if due, or at once when more rigs are
   * online than at the last evaluation (a first poll, rigs back: new figures to judge).
   */
  tick(online?: number): void;
  /** Evaluate now (settings changed, a test). */
  evaluate(): void;
  list(rigId?: string): AdviceList;
  dismiss(id: string): boolean;
  apply(id: string, confirm: boolean, face: Face): { jobId: string };
  history(limit?: number): AppliedAdvice[];
};

/** A source that throws (Abacus.AI unreachable, a bad reply) gives nothing this time; the rest still count. */
function guarded(
  sources: ReadonlyArray<() => readonly Recommendation[]>,
  log: AdviceServiceDeps['log'],
): Array<() => readonly Recommendation[]> {
  return sources.map((source) => () => {
    try {
      return source();
    } catch (err) {
      log?.warn(`[advice] a recommendation source failed: ${String(err)}`);
      return [];
    }
  });
}

const notFound = (id: string) =>
  new RpcError({ code: 'not_found', message: `No open recommendation with id ${id}.` });

export function createAdviceService(deps: AdviceServiceDeps): AdviceService {
  let current = new Map<string, Finding>();
  let dismissed = deps.store.dismissals();
  let evaluatedAtMs: number | null = null;
  let onlineAtEvaluation = 0;
  let shownKey = '';

  const visible = (): Recommendation[] => {
    const out: Recommendation[] = [];
    for (const [id, f] of current) if (dismissed.get(id) !== f.fingerprint) out.push(f.rec);
    return out;
  };

  const announce = () => {
    const shown = visible();
    const key = shown.map((r) => `${r.id}#${current.get(r.id)?.fingerprint ?? ''}`).join('|');
    if (key === shownKey) return;
    shownKey = key;
    deps.changed({ count: shown.length, evaluatedAtMs });
  };

  const measure = (rigId: string, [from, to]: [number, number], ctx: AdviceContext): AdviceWindow | null =>
    windowFigures(deps.history(rigId, from, to), ctx.pricePerKwh, ctx.revenuePerMhDay);

  const measurePending = (now: number, ctx: AdviceContext) => {
    for (const a of deps.store.unmeasured()) {
      if (!measurable(a.appliedAtMs, a.windowMs, now)) continue;
      const w = windowsFor(a.appliedAtMs, a.windowMs);
      deps.store.measured(a.id, now, measure(a.rigId, w.after, ctx));
    }
  };

  const evaluate = () => {
    const now = deps.now();
    const ctx = deps.context(now);
    const extras = guarded(deps.extraSources ?? [], deps.log);
    const rigs = deps.gather(now);
    onlineAtEvaluation = rigs.filter((r) => r.live.liveness === 'online').length;
    const found = evaluateAdvice(rigs, ctx, extras);
    current = new Map(found.map((f) => [f.rec.id, f]));
    // A dismissal whose evidence changed is over: the recommendation is open again, and stays so.
    for (const [id, fp] of dismissed) {
      const f = current.get(id);
      if (f !== undefined && f.fingerprint !== fp) deps.store.undismiss(id);
    }
    dismissed = deps.store.dismissals();
    evaluatedAtMs = now;
    measurePending(now, ctx);
    announce();
  };

  return {
    tick(online) {
      const due = evaluatedAtMs === null || deps.now() - evaluatedAtMs >= deps.everyMs();
      if (due || (online !== undefined && online > onlineAtEvaluation)) evaluate();
    },
    evaluate,
    list(rigId) {
      const all = visible();
      return {
        recommendations: rigId === undefined ? all : all.filter((r) => r.rigId === rigId),
        evaluatedAtMs,
      };
    },
    dismiss(id) {
      const f = current.get(id);
      if (f === undefined) return false;
      deps.store.dismiss(id, f.fingerprint, deps.now());
      dismissed = deps.store.dismissals();
      announce();
      return true;
    },
    apply(id, confirm, face) {
      const f = current.get(id);
      if (f === undefined || dismissed.get(id) === f.fingerprint) throw notFound(id);
      const { rec } = f;
      if (rec.action === null) {
        throw new RpcError({
          code: 'invalid_argument',
          message: 'This recommendation is advice only: nothing to apply.',
        });
      }
      const parsed = controlActionSchema.safeParse({ ...rec.action.params, kind: rec.action.action });
      if (!parsed.success) throw invalidArgument(parsed.error);
      if (DISRUPTIVE.has(parsed.data.kind) && !confirm) {
        const message = `"${parsed.data.kind}" disrupts mining on ${rec.rigId}: confirm to proceed.`;
        throw new RpcError({ code: 'invalid_argument', message, issues: [{ path: 'confirm', message }] });
      }
      const job = deps.startJob({ action: parsed.data, rigIds: [rec.rigId], face });
      const now = deps.now();
      const ctx = deps.context(now);
      deps.store.recordApplied({
        id: randomUUID(),
        recommendationId: rec.id,
        rigId: rec.rigId,
        kind: rec.kind,
        source: rec.source,
        title: rec.title,
        action: rec.action,
        jobId: job.id,
        appliedAtMs: now,
        windowMs: EFFECT_WINDOW_MS,
        measuredAtMs: null,
        before: measure(rec.rigId, windowsFor(now).before, ctx),
        after: null,
      });
      // Gone until the next evaluation finds it again (it should not, once applied).
      current.delete(id);
      announce();
      return { jobId: job.id };
    },
    history: (limit = 200) => deps.store.applied(limit),
  };
}
