/**
 * The streaming retry queue (docs/abacus.md §10): feature rows wait in SQLite until Abacus.AI accepted them, so
 * an outage or a restart loses nothing. Bounded: past `maxRows` the oldest rows are dropped and counted (the
 * newest telemetry is the most useful to the model). The drop count is since this start, not persisted.
 */
import type { Db } from '../../store/db';
import type { FeatureRow } from './features';

export type QueuedBatch = { lastId: number; rows: FeatureRow[] };

export type AbacusQueue = {
  /** Adds rows in one transaction; returns how many old rows were dropped to stay under `maxRows`. */
  push(rows: readonly FeatureRow[], nowMs: number, maxRows: number): number;
  /** The oldest `limit` rows, not removed until `ack`. */
  peek(limit: number): QueuedBatch | null;
  /** Removes everything up to and including `lastId` (the batch was accepted, or refused for good). */
  ack(lastId: number): void;
  depth(): number;
  droppedRows(): number;
};

export function createAbacusQueue(db: Db): AbacusQueue {
  const c = db.$client;
  const insert = c.prepare('INSERT INTO abacus_queue (queued_at, row) VALUES (?, ?)');
  const count = c.prepare('SELECT count(*) FROM abacus_queue').pluck();
  const dropOldest = c.prepare(
    'DELETE FROM abacus_queue WHERE id IN (SELECT id FROM abacus_queue ORDER BY id LIMIT ?)',
  );
  const oldest = c.prepare('SELECT id, row FROM abacus_queue ORDER BY id LIMIT ?');
  const upTo = c.prepare('DELETE FROM abacus_queue WHERE id <= ?');
  let dropped = 0;

  const pushTx = c.transaction((rows: readonly FeatureRow[], nowMs: number, maxRows: number): number => {
    // Rows beyond the bound in this very push are never written: only the newest maxRows can be kept.
    const keep = rows.length > maxRows ? rows.slice(rows.length - maxRows) : rows;
    for (const row of keep) insert.run(nowMs, JSON.stringify(row));
    const over = Math.max(0, (count.get() as number) - maxRows);
    if (over > 0) dropOldest.run(over);
    return over + (rows.length - keep.length);
  });

  return {
    push(rows, nowMs, maxRows) {
      if (rows.length === 0) return 0;
      const n = pushTx(rows, nowMs, Math.max(1, maxRows));
      dropped += n;
      return n;
    },
    peek(limit) {
      const got = oldest.all(Math.max(1, limit)) as { id: number; row: string }[];
      const last = got.at(-1);
      if (!last) return null;
      const rows: FeatureRow[] = [];
      for (const g of got) {
        try {
          rows.push(JSON.parse(g.row) as FeatureRow);
        } catch {
          // A row this build cannot read (hand-edited file): skipped, and removed with its batch.
        }
      }
      return { lastId: last.id, rows };
    },
    ack(lastId) {
      upTo.run(lastId);
    },
    depth: () => count.get() as number,
    droppedRows: () => dropped,
  };
}
