/**
 * Per-rig rollup rows keep each metric's average as a plain column (SQL reads those: the fleet's and the
 * recommendation engine's averages) and its min and max packed in one BLOB, `spread`: for every metric whose
 * average is not NULL, in `allMetrics` order, the tokens (varint.ts) of avg − min and max − avg. A record
 * header byte per column and two bytes per value cost more than these differences, which are mostly one byte.
 * Lossless: the stored integers come back exactly. Migration 0010 builds the same bytes in SQL; its test
 * compares the two.
 */
import { allMetrics, metricCodecs } from './history-codec';
import { pushToken, tokenReader } from './varint';

/** history-sql.ts's AggRow (not imported: history-sql builds its texts from this file). */
type AggRow = (number | null)[];

const cols = allMetrics.map((m) => metricCodecs[m].column);
const M = cols.length;

/** min and max of an AggRow ([time, n, avg, min, max of each metric]) as a spread blob. */
export function packSpread(row: readonly (number | null)[]): Buffer {
  const out: number[] = [];
  for (let m = 0; m < M; m++) {
    const avg = row[2 + 3 * m] ?? null;
    if (avg === null) continue;
    const lo = row[3 + 3 * m] ?? null;
    const hi = row[4 + 3 * m] ?? null;
    pushToken(out, lo === null ? null : avg - lo);
    pushToken(out, hi === null ? null : hi - avg);
  }
  return Buffer.from(out);
}

/**
 * A stored row [time, n, the averages…, spread] back to an AggRow. A damaged spread gives NULL min and max
 * from the damage on (the averages stay).
 */
export function expandRow(stored: readonly unknown[]): AggRow {
  const spread = stored[2 + M];
  const tokens = spread instanceof Uint8Array ? tokenReader(spread) : null;
  const row: AggRow = [num(stored[0]), num(stored[1])];
  for (let m = 0; m < M; m++) {
    const avg = num(stored[2 + m]);
    if (avg === null || tokens === null) {
      row.push(avg, null, null);
      continue;
    }
    const lo = tokens.next() ?? null;
    const hi = tokens.next() ?? null;
    row.push(avg, lo === null ? null : avg - lo, hi === null ? null : avg + hi);
  }
  return row;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The per-rig rollup columns after the key and n: the averages, then the spread. */
export const STORED_ROLLUP_COLUMNS = [...cols.map((c) => `${c}_avg`), 'spread'].join(', ');
