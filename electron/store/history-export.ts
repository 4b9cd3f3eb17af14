/**
 * History as CSV lines, whole (bounded by the caller) or page by page: a page covers a window of whole time
 * units (seconds for a rig's raw rows, minutes for the fleet's, buckets, hours) so it holds at most `maxRows`
 * rows, and the pages of a range concatenate to exactly the whole export at the resolution of its first page.
 */
import { eq } from 'drizzle-orm';

import type { HistoryCursor, HistoryQuery, HistoryResolution } from '../../shared/telemetry';
import { csvHeader, csvRow } from './csv';
import type { Db } from './db';
import { BUCKET_S, HOUR_S, decode } from './history-codec';
import type { QueryRows } from './history-query';
import { type HistoryReader, metricColumns } from './history-read';
import type { ExportPage } from './history-types';
import { rigs } from './schema';

type Write = (line: string) => void;

/** The time one row stands for: the unit a page window is counted in. */
export function rowUnitMs(resolution: HistoryResolution, fleet: boolean): number {
  if (resolution === '5m') return BUCKET_S * 1000;
  if (resolution === '1h') return HOUR_S * 1000;
  return fleet ? 60_000 : 1000;
}

/**
 * The window [fromMs, toMs) of one page: whole units from the one holding `fromMs`, at most `maxRows` of them,
 * ending on a unit boundary (or the range's end), so the next page starts where this one stopped.
 */
export function pageWindow(fromMs: number, rangeToMs: number, unitMs: number, maxRows: number) {
  const toMs = Math.min(rangeToMs, (Math.floor(fromMs / unitMs) + Math.max(1, maxRows)) * unitMs);
  return { fromMs, toMs, last: toMs >= rangeToMs };
}

function writeRows(db: Db, q: HistoryQuery, res: QueryRows, write: Write): number {
  const cols = metricColumns(q);
  const name =
    q.rigId === null
      ? null
      : (db.select({ name: rigs.name }).from(rigs).where(eq(rigs.id, q.rigId)).get()?.name ?? null);
  for (const r of res.rows) {
    const values = cols.flatMap((c) => [0, 1, 2].map((k) => decode(r[c.at + k] ?? null, c.scale)));
    write(csvRow(r[0] ?? 0, res.resolution, { rigId: q.rigId, rigName: name }, values));
  }
  return res.rows.length;
}

export function exportAll(db: Db, reader: HistoryReader, q: HistoryQuery, write: Write): number {
  write(csvHeader(q.metrics));
  const res = reader.read(q, reader.resolutionOf(q));
  return res ? writeRows(db, q, res, write) : 0;
}

/** One page: the header first when `cursor` is null (the first page), then at most `maxRows` rows. */
export function exportPage(
  db: Db,
  reader: HistoryReader,
  q: HistoryQuery,
  cursor: HistoryCursor | null,
  maxRows: number,
  write: Write,
): ExportPage {
  if (cursor === null) write(csvHeader(q.metrics));
  const resolution = cursor?.resolution ?? reader.resolutionOf(q);
  const from = cursor?.fromMs ?? q.fromMs;
  // An unknown rig has no rows in any window: one page says so rather than a range of empty ones.
  if (!(q.toMs > from) || (q.rigId !== null && !reader.hasRig(q.rigId))) return { rows: 0, next: null };
  const page = pageWindow(from, q.toMs, rowUnitMs(resolution, q.rigId === null), maxRows);
  const res = reader.read({ ...q, fromMs: page.fromMs, toMs: page.toMs }, resolution);
  const rows = res ? writeRows(db, q, res, write) : 0;
  return { rows, next: page.last ? null : { fromMs: page.toMs, resolution } };
}
