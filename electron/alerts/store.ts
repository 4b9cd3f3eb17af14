/** Alerts and maintenance windows in SQLite: written through on every change, read back at start-up. */
import { and, desc, eq, gt, isNotNull, ne, or, sql } from 'drizzle-orm';

import type { Alert, MaintenanceWindow } from '../../shared/alerts';
import type { ProblemCode } from '../../shared/health';
import type { Db } from '../store/db';
import { type AlertRow, alerts, maintenanceWindows } from '../store/schema';
import type { Tracked } from './engine';

export type AlertStore = {
  /** Active alerts, and alerts cleared since `clearedSinceMs` (they may still re-open). */
  loadTracks(clearedSinceMs: number): Tracked[];
  save(tracks: readonly Tracked[]): void;
  history(opts: { rigId?: string | undefined; limit: number }): Alert[];
  loadWindows(): MaintenanceWindow[];
  addWindow(w: MaintenanceWindow): void;
  /** Ends a window now; false when there is no such window still running or to come. */
  endWindow(id: string, nowMs: number): boolean;
};

export function createAlertStore(db: Db): AlertStore {
  const toAlert = (r: AlertRow): Alert => ({
    id: r.id,
    rigId: r.rigId,
    rigName: r.rigName,
    ip: r.ip,
    code: r.code as ProblemCode,
    subject: r.subject,
    severity: r.severity,
    text: r.text,
    sinceMs: r.sinceMs,
    raisedAtMs: r.raisedAtMs,
    updatedAtMs: r.updatedAtMs,
    clearedAtMs: r.clearedAtMs,
    state: r.state,
    acknowledgedAtMs: r.acknowledgedAtMs,
    snoozedUntilMs: r.snoozedUntilMs,
    inMaintenance: r.inMaintenance,
  });

  return {
    loadTracks(clearedSinceMs) {
      const rows = db
        .select()
        .from(alerts)
        .where(
          or(
            ne(alerts.state, 'cleared'),
            and(isNotNull(alerts.clearedAtMs), gt(alerts.clearedAtMs, clearedSinceMs)),
          ),
        )
        .orderBy(alerts.raisedAtMs)
        .all();
      // Later rows win: one track per key, the newest alert.
      const byKey = new Map<string, Tracked>();
      for (const r of rows) {
        byKey.set(r.key, {
          key: r.key,
          alert: toAlert(r),
          notifiedAtMs: r.notifiedAtMs,
          seenSinceMs: null,
          goneSinceMs: null,
        });
      }
      return [...byKey.values()];
    },
    save(tracks) {
      if (tracks.length === 0) return;
      db.transaction((tx) => {
        for (const t of tracks) {
          if (!t.alert) continue;
          const row = { ...t.alert, key: t.key, notifiedAtMs: t.notifiedAtMs };
          tx.insert(alerts).values(row).onConflictDoUpdate({ target: alerts.id, set: row }).run();
        }
      });
    },
    history({ rigId, limit }) {
      return db
        .select()
        .from(alerts)
        .where(and(eq(alerts.state, 'cleared'), rigId === undefined ? undefined : eq(alerts.rigId, rigId)))
        .orderBy(desc(alerts.clearedAtMs))
        .limit(limit)
        .all()
        .map(toAlert);
    },
    loadWindows() {
      return db
        .select()
        .from(maintenanceWindows)
        .orderBy(maintenanceWindows.fromMs)
        .all()
        .map((r) => ({
          id: r.id,
          target: r.kind === 'rig' ? { kind: 'rig', rigId: r.target } : { kind: 'label', label: r.target },
          fromMs: r.fromMs,
          toMs: r.toMs,
          note: r.note,
        }));
    },
    addWindow(w) {
      db.insert(maintenanceWindows)
        .values({
          id: w.id,
          kind: w.target.kind,
          target: w.target.kind === 'rig' ? w.target.rigId : w.target.label,
          fromMs: w.fromMs,
          toMs: w.toMs,
          note: w.note,
        })
        .run();
    },
    endWindow(id, nowMs) {
      const r = db
        .update(maintenanceWindows)
        .set({ toMs: nowMs, fromMs: sql`min(${maintenanceWindows.fromMs}, ${nowMs})` })
        .where(and(eq(maintenanceWindows.id, id), gt(maintenanceWindows.toMs, nowMs)))
        .run();
      return r.changes > 0;
    },
  };
}
