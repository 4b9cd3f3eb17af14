/**
 * The audit log of commands in SQLite (`commands`, electron/store/schema.ts): one row per rig, inserted before
 * the command is sent and completed once, after. Append-only: nothing here deletes or rewrites a finished row.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';

import { type AuditEntry, type RigResult } from '../../shared/control';
import { type Db } from '../store/db';
import { type CommandRow, commands } from '../store/schema';
import { type AuditBegin, type AuditPort } from './runner';
import { paramsOf } from './params';

export type AuditQuery = { rigId?: string | undefined; beforeMs?: number | undefined; limit: number };

export type AuditLog = AuditPort & {
  /** Newest first. */
  list(query: AuditQuery): AuditEntry[];
};

function toEntry(r: CommandRow): AuditEntry {
  return {
    id: r.id,
    batchId: r.batchId,
    rigId: r.rigId,
    action: r.action,
    params: paramsOf(r.params),
    face: r.face,
    requestedAtMs: r.requestedAt,
    startedAtMs: r.startedAt,
    finishedAtMs: r.finishedAt,
    outcome: r.outcome,
    message: r.message,
    restartRequired: r.restartRequired,
  };
}

export function createAuditLog(db: Db): AuditLog {
  return {
    begin(e: AuditBegin) {
      const id = randomUUID();
      db.insert(commands)
        .values({
          id,
          batchId: e.batchId,
          rigId: e.rigId,
          action: e.action,
          params: JSON.stringify(e.params),
          requestedAt: e.atMs,
          face: e.face,
        })
        .run();
      return id;
    },
    started(id, atMs) {
      db.update(commands)
        .set({ startedAt: atMs })
        .where(and(eq(commands.id, id), isNull(commands.startedAt), isNull(commands.finishedAt)))
        .run();
    },
    finish(id, atMs, result: RigResult) {
      // Only a row still open is completed: a finished row is history and stays as it was.
      db.update(commands)
        .set({
          finishedAt: atMs,
          outcome: result.outcome,
          message: result.message,
          restartRequired: result.restartRequired,
        })
        .where(and(eq(commands.id, id), isNull(commands.finishedAt)))
        .run();
    },
    list({ rigId, beforeMs, limit }) {
      const where = and(
        rigId === undefined ? undefined : eq(commands.rigId, rigId),
        beforeMs === undefined ? undefined : lt(commands.requestedAt, beforeMs),
      );
      return db
        .select()
        .from(commands)
        .where(where)
        .orderBy(desc(commands.requestedAt), desc(sql`rowid`))
        .limit(limit)
        .all()
        .map(toEntry);
    },
  };
}
