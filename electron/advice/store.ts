/** Dismissals and the applied-recommendation history in SQLite (migration 0007). */
import { desc, eq, isNull } from 'drizzle-orm';

import {
  type AdviceKind,
  type AdviceSource,
  type AdviceWindow,
  type AppliedAdvice,
  adviceKinds,
  adviceSources,
  adviceWindowSchema,
  appliedAdviceSchema,
} from '../../shared/advice';
import { type Db } from '../store/db';
import { type AdviceAppliedRow, adviceApplied, adviceDismissals } from '../store/schema';

export type AdviceStore = {
  /** id → the evidence fingerprint it was dismissed on. */
  dismissals(): Map<string, string>;
  dismiss(id: string, fingerprint: string, atMs: number): void;
  /** Forget a dismissal (its evidence changed, so it is open again). */
  undismiss(id: string): void;
  recordApplied(a: AppliedAdvice): void;
  /** Newest first. */
  applied(limit: number): AppliedAdvice[];
  /** Applied, not yet measured. */
  unmeasured(): AppliedAdvice[];
  measured(id: string, atMs: number, after: AdviceWindow | null): void;
};

const windowOf = (text: string | null): AdviceWindow | null => {
  if (text === null) return null;
  const parsed = adviceWindowSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
};

const asKind = (s: string): AdviceKind => adviceKinds.find((k) => k === s) ?? 'model';
const asSource = (s: string): AdviceSource => adviceSources.find((k) => k === s) ?? 'builtin';

function toApplied(r: AdviceAppliedRow): AppliedAdvice {
  return appliedAdviceSchema.parse({
    id: r.id,
    recommendationId: r.recommendationId,
    rigId: r.rigId,
    kind: asKind(r.kind),
    source: asSource(r.source),
    title: r.title,
    action: JSON.parse(r.action),
    jobId: r.jobId,
    appliedAtMs: r.appliedAt,
    windowMs: r.windowMs,
    measuredAtMs: r.measuredAt,
    before: windowOf(r.before),
    after: windowOf(r.after),
  });
}

export function createAdviceStore(db: Db): AdviceStore {
  return {
    dismissals() {
      const rows = db.select().from(adviceDismissals).all();
      return new Map(rows.map((r) => [r.id, r.fingerprint]));
    },
    dismiss(id, fingerprint, atMs) {
      db.insert(adviceDismissals)
        .values({ id, fingerprint, dismissedAt: atMs })
        .onConflictDoUpdate({ target: adviceDismissals.id, set: { fingerprint, dismissedAt: atMs } })
        .run();
    },
    undismiss(id) {
      db.delete(adviceDismissals).where(eq(adviceDismissals.id, id)).run();
    },
    recordApplied(a) {
      db.insert(adviceApplied)
        .values({
          id: a.id,
          recommendationId: a.recommendationId,
          rigId: a.rigId,
          kind: a.kind,
          source: a.source,
          title: a.title,
          action: JSON.stringify(a.action),
          jobId: a.jobId,
          appliedAt: a.appliedAtMs,
          windowMs: a.windowMs,
          measuredAt: a.measuredAtMs,
          before: a.before === null ? null : JSON.stringify(a.before),
          after: a.after === null ? null : JSON.stringify(a.after),
        })
        .run();
    },
    applied(limit) {
      const rows = db.select().from(adviceApplied).orderBy(desc(adviceApplied.appliedAt)).limit(limit).all();
      return rows.map(toApplied);
    },
    unmeasured() {
      return db.select().from(adviceApplied).where(isNull(adviceApplied.measuredAt)).all().map(toApplied);
    },
    measured(id, atMs, after) {
      db.update(adviceApplied)
        .set({ measuredAt: atMs, after: after === null ? null : JSON.stringify(after) })
        .where(eq(adviceApplied.id, id))
        .run();
    },
  };
}
