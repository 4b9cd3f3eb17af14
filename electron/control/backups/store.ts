/**
 * Settings backups in SQLite (`rig_backups`, electron/store/schema.ts): newest first per rig, and only the
 * newest `keep()` of each rig are kept, so a busy rig cannot grow the file without bound.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';

import { type Backup } from '../../../shared/backups';
import { type Db } from '../../store/db';
import { type RigBackupRow, rigBackups } from '../../store/schema';
import { summarize } from './document';

export type NewBackup = {
  rigId: string;
  atMs: number;
  reason: string;
  firmwareVersion: string | null;
  document: unknown;
};

export type BackupStore = {
  /** Keeps it, then drops the rig's oldest beyond the limit. */
  save(backup: NewBackup): Backup;
  /** One rig's, newest first. */
  list(rigId: string): Backup[];
  /** The document of backup `id` if it belongs to `rigId`, else null (a backup is never put on another rig). */
  document(id: string, rigId: string): unknown;
  get(id: string): Backup | null;
};

const toBackup = (r: RigBackupRow): Backup => ({
  id: r.id,
  rigId: r.rigId,
  takenAtMs: r.takenAt,
  reason: r.reason,
  firmwareVersion: r.firmwareVersion,
  summary: r.summary,
});

const newestFirst = [desc(rigBackups.takenAt), desc(rigBackups.id)];

export function createBackupStore(db: Db, keep: () => number): BackupStore {
  function prune(rigId: string): void {
    const extra = db
      .select({ id: rigBackups.id })
      .from(rigBackups)
      .where(eq(rigBackups.rigId, rigId))
      .orderBy(...newestFirst)
      .all()
      .slice(Math.max(1, keep()))
      .map((r) => r.id);
    if (extra.length > 0) db.delete(rigBackups).where(inArray(rigBackups.id, extra)).run();
  }
  return {
    save(b) {
      const row: RigBackupRow = {
        id: randomUUID(),
        rigId: b.rigId,
        takenAt: b.atMs,
        reason: b.reason,
        firmwareVersion: b.firmwareVersion,
        summary: summarize(b.document),
        document: JSON.stringify(b.document),
      };
      db.insert(rigBackups).values(row).run();
      prune(b.rigId);
      return toBackup(row);
    },
    list: (rigId) =>
      db
        .select()
        .from(rigBackups)
        .where(eq(rigBackups.rigId, rigId))
        .orderBy(...newestFirst)
        .all()
        .map(toBackup),
    document(id, rigId) {
      const row = db
        .select({ document: rigBackups.document })
        .from(rigBackups)
        .where(and(eq(rigBackups.id, id), eq(rigBackups.rigId, rigId)))
        .get();
      if (row === undefined) return null;
      try {
        return JSON.parse(row.document) as unknown;
      } catch {
        return null;
      }
    },
    get(id) {
      const row = db.select().from(rigBackups).where(eq(rigBackups.id, id)).get();
      return row === undefined ? null : toBackup(row);
    },
  };
}
