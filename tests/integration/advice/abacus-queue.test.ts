// @vitest-environment node
// The streaming retry queue on a real SQLite file: oldest first, bounded by dropping the oldest (counted), and
// still there when the file is opened again.
import { describe, expect, it } from 'vitest';

import { createAbacusQueue } from '../../../electron/advice/abacus/queue';
import { openDb } from '../../../electron/store/db';
import { tempDir } from '../../helpers/core';

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ rig_id: `r${from + i}` }));
const ids = (b: { rows: Record<string, unknown>[] } | null) => b?.rows.map((r) => r['rig_id']) ?? [];

describe('Abacus.AI retry queue', () => {
  it('hands out the oldest rows first and removes them only when acknowledged', () => {
    const db = openDb(tempDir());
    const q = createAbacusQueue(db);
    q.push(rows(1, 5), 0, 100);
    const first = q.peek(2);
    expect(ids(first)).toEqual(['r1', 'r2']);
    expect(ids(q.peek(2))).toEqual(['r1', 'r2']);
    q.ack(first?.lastId ?? 0);
    expect(ids(q.peek(10))).toEqual(['r3', 'r4', 'r5']);
    expect(q.depth()).toBe(3);
    db.$client.close();
  });

  it('when full, drops the oldest rows and counts them', () => {
    const db = openDb(tempDir());
    const q = createAbacusQueue(db);
    expect(q.push(rows(1, 8), 0, 10)).toBe(0);
    expect(q.push(rows(9, 5), 1, 10)).toBe(3);
    expect(ids(q.peek(100))).toEqual(['r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13']);
    // More in one push than the bound: only the newest are kept.
    expect(q.push(rows(20, 15), 2, 10)).toBe(15);
    expect(ids(q.peek(100))).toEqual(rows(25, 10).map((r) => r.rig_id));
    expect(q.droppedRows()).toBe(18);
    db.$client.close();
  });

  it('survives closing and reopening the file', () => {
    const dir = tempDir();
    const db = openDb(dir);
    createAbacusQueue(db).push(rows(1, 3), 0, 100);
    db.$client.close();
    const again = openDb(dir);
    expect(ids(createAbacusQueue(again).peek(10))).toEqual(['r1', 'r2', 'r3']);
    again.$client.close();
  });
});
