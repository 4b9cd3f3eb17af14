/**
 * The crash test's victim: ingests poll cycles into a real file as fast as it can, printing each cycle's number
 * only after its transaction committed, with maintain() every 20 cycles as the collector would call it.
 * Usage: node --import tsx ingest-child.ts <dataDir> <firstCycle> <rigs>. Cycle i is taken at T0 + i × 15 s.
 */
import { writeSync } from 'node:fs';

import { openDb } from '../../../electron/store/db';
import { createHistoryStore } from '../../../electron/store/history';
import { DEFAULT_RETENTION, T0, cycle } from '../../helpers/history';

const [dir, first, rigCount] = process.argv.slice(2);
if (!dir || !first || !rigCount) throw new Error('usage: ingest-child.ts <dataDir> <firstCycle> <rigs>');
const store = createHistoryStore(openDb(dir));
const ids = Array.from({ length: Number(rigCount) }, (_, i) => `rig-${i}`);
const start = Number(first);

// Bounded, and a parent that went away closes the pipe, so the write below throws EPIPE and this ends too.
for (let i = start; i < start + 100_000; i++) {
  const at = T0 + i * 15_000;
  const batch = cycle(ids, at, 3);
  batch.events.push({ rigId: null, atMs: at, kind: 'note', text: `cycle ${i}` });
  store.writeCycle(batch);
  // Synchronous, so the parent never sees a number before its commit (nor loses one in a buffer).
  writeSync(1, `${i}\n`);
  if (i % 20 === 0) store.maintain(at, DEFAULT_RETENTION);
}
