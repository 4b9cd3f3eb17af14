/**
 * Rig names in the database: unique without regard to ASCII case (the NOCASE index of migration 0006), a rename
 * that clashes refused with whose name it is, and default names that follow the pool's worker name.
 */
import { and, eq, ne, sql } from 'drizzle-orm';

import { RpcError } from '../../shared/errors';
import { nameTakenMessage, uniqueName } from '../../shared/fleet-names';
import type { Db } from '../store/db';
import { type RigRow, rigs } from '../store/schema';

type Reader = Pick<Db, 'select'>;

const sameName = (name: string) => sql`${rigs.name} = ${name} COLLATE NOCASE`;

/** Whether another rig (than `exceptId`) has this name, compared as the unique index compares it. */
export function nameTaken(q: Reader, name: string, exceptId: string | null): boolean {
  const where = exceptId === null ? sameName(name) : and(sameName(name), ne(rigs.id, exceptId));
  return q.select({ id: rigs.id }).from(rigs).where(where).get() !== undefined;
}

/** The technician's name for a rig: from now on it is theirs, never replaced by a worker name. */
export function renameRig(db: Db, id: string, name: string, now: number): void {
  const holder = db
    .select({ ip: rigs.ip })
    .from(rigs)
    .where(and(sameName(name), ne(rigs.id, id)))
    .get();
  if (holder) throw new RpcError({ code: 'invalid_argument', message: nameTakenMessage(name, holder) });
  db.update(rigs).set({ name, nameAuto: false, updatedAt: now }).where(eq(rigs.id, id)).run();
}

/**
 * Rigs still under a name RigDeck gave them take their pool worker name (suffixed if another rig has it); a name
 * the technician chose is never touched. Returns the rows renamed.
 */
export function adoptWorkerNames(db: Db, workers: ReadonlyMap<string, string>, now: number): RigRow[] {
  if (workers.size === 0) return [];
  return db.transaction((tx) => {
    const renamed: RigRow[] = [];
    for (const [id, worker] of workers) {
      const r = tx.select().from(rigs).where(eq(rigs.id, id)).get();
      if (!r?.nameAuto || worker.trim() === '' || r.name === worker.trim()) continue;
      const name = uniqueName(worker, (n) => nameTaken(tx, n, id));
      if (name === r.name) continue;
      tx.update(rigs).set({ name, updatedAt: now }).where(eq(rigs.id, id)).run();
      renamed.push({ ...r, name, updatedAt: now });
    }
    return renamed;
  });
}
