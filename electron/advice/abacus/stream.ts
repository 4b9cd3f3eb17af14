/**
 * The streaming round (docs/abacus.md §10): queue the rigs measured since the last round, then send the queue
 * oldest first in batches of `batchSize` rows with appendMultipleData, until it is empty or a call fails.
 */
import type { AbacusContext } from './context';
import { newRows } from './features';

export type Streamer = {
  streamOnce(): Promise<void>;
  stats(): { lastOkMs: number | null; rowsSent: number; rejectedRows: number };
};

export function createStreamer(ctx: AbacusContext): Streamer {
  const { deps } = ctx;
  const sentUpTo = new Map<string, number>();
  let lastOkMs: number | null = null;
  let rowsSent = 0;
  let rejectedRows = 0;
  let busy = false;

  const queueNew = (maxRows: number) => {
    const rows = newRows(deps.source.live(), deps.source.snapshot, sentUpTo);
    for (const r of rows) sentUpTo.set(String(r['rig_id']), Date.parse(String(r['sample_ts'])));
    const dropped = deps.queue.push(rows, deps.clock.now(), maxRows);
    if (dropped > 0)
      deps.log.warn(`[rigdeck] Abacus.AI retry queue full (${maxRows} rows): dropped the ${dropped} oldest`);
  };

  const drain = async (token: string, featureGroupId: string, batchSize: number) => {
    for (;;) {
      const batch = deps.queue.peek(batchSize);
      if (!batch) return;
      if (batch.rows.length === 0) {
        deps.queue.ack(batch.lastId); // only rows this build could not read: nothing to send
        continue;
      }
      const r = await ctx.call(
        'stream',
        'appendMultipleData',
        { streamingToken: token, featureGroupId },
        { featureGroupId, data: batch.rows },
      );
      if (r.ok) {
        deps.queue.ack(batch.lastId);
        rowsSent += batch.rows.length;
        lastOkMs = deps.clock.now();
      } else if ('failure' in r && r.failure.kind === 'rejected') {
        // Refused for what the rows are: sending them again would be refused again.
        deps.queue.ack(batch.lastId);
        rejectedRows += batch.rows.length;
      } else return;
    }
  };

  return {
    async streamOnce() {
      const s = deps.settings();
      const token = deps.tokens.streaming();
      if (!s.enabled || !token || s.featureGroupId === '' || busy) return;
      busy = true;
      try {
        queueNew(s.queueMaxRows);
        await drain(token, s.featureGroupId, s.batchSize);
      } finally {
        busy = false;
      }
    },
    stats: () => ({ lastOkMs, rowsSent, rejectedRows }),
  };
}
