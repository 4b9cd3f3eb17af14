/** Alerts and maintenance windows in SQLite: written through on every change, read back at start-up. */
import { and, desc, eq, gt, isNotNull, lt, ne, or, sql } from 'drizzle-orm';

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
  /** Forgets cleared alerts and ended windows from before `beforeMs`. */
  prune(beforeMs: number): void;
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

  // A prepared statement, not drizzle's builder: a burst of 100 alerts is one poll's work, and building 100
  // upserts cost ~1 ms each where the prepared one runs in microseconds (bench/alerts.ts).
  const columns = Object.keys(toRow(SAMPLE, '', null));
  const upsert = db.$client.prepare(
    `INSERT INTO alerts (${columns.map(snake).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT(id) DO UPDATE SET ${columns.map((c) => `${snake(c)} = excluded.${snake(c)}`).join(', ')}`,
  );
  const saveRows = db.$client.transaction((rows: readonly Record<string, unknown>[]) => {
    for (const r of rows) upsert.run(r);
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
      const rows = tracks.flatMap((t) => (t.alert ? [toRow(t.alert, t.key, t.notifiedAtMs)] : []));
      if (rows.length > 0) saveRows(rows);
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
    prune(beforeMs) {
      db.delete(alerts)
        .where(and(eq(alerts.state, 'cleared'), lt(alerts.clearedAtMs, beforeMs)))
        .run();
      db.delete(maintenanceWindows).where(lt(maintenanceWindows.toMs, beforeMs)).run();
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

const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** The alerts table's row for an alert, as better-sqlite3 binds it (booleans as 0/1). */
function toRow(a: Alert, key: string, notifiedAtMs: number | null): Record<string, string | number | null> {
  return {
    id: a.id,
    key,
    rigId: a.rigId,
    rigName: a.rigName,
    ip: a.ip,
    code: a.code,
    subject: a.subject,
    severity: a.severity,
    text: a.text,
    sinceMs: a.sinceMs,
    raisedAtMs: a.raisedAtMs,
    updatedAtMs: a.updatedAtMs,
    clearedAtMs: a.clearedAtMs,
    state: a.state,
    acknowledgedAtMs: a.acknowledgedAtMs,
    snoozedUntilMs: a.snoozedUntilMs,
    inMaintenance: a.inMaintenance ? 1 : 0,
    notifiedAtMs,
  };
}

const SAMPLE: Alert = {
  id: '',
  rigId: null,
  rigName: null,
  ip: null,
  code: 'offline',
  subject: '',
  severity: 'info',
  text: '',
  sinceMs: 0,
  raisedAtMs: 0,
  updatedAtMs: 0,
  clearedAtMs: null,
  state: 'open',
  acknowledgedAtMs: null,
  snoozedUntilMs: null,
  inMaintenance: false,
};
