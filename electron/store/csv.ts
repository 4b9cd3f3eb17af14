/**
 * History as CSV (RFC 4180 quoting): one row per time point, ISO 8601 UTC times (the bucket's start for
 * rollups), and avg, min, max of each chosen metric, so a spreadsheet gets the same columns at any resolution.
 * Empty cells mean "no data". Lines carry no terminator: the caller joins them (the contract and the CLI use \n).
 */
import type { HistoryMetric, HistoryResolution } from '../../shared/telemetry';

export type CsvScope = { rigId: string | null; rigName: string | null };

export function csvHeader(metrics: readonly HistoryMetric[]): string {
  const cells = ['time', 'resolution', 'rig_id', 'rig_name'];
  for (const m of metrics) cells.push(`${m}_avg`, `${m}_min`, `${m}_max`);
  return cells.join(',');
}

/** `values` holds avg, min, max per metric, in the header's order. */
export function csvRow(
  atMs: number,
  resolution: HistoryResolution,
  scope: CsvScope,
  values: readonly (number | null)[],
): string {
  const cells = [
    new Date(atMs).toISOString(),
    resolution,
    csvText(scope.rigId ?? ''),
    csvText(scope.rigId === null ? 'fleet' : (scope.rigName ?? '')),
    ...values.map(csvNumber),
  ];
  return cells.join(',');
}

export function csvNumber(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '' : String(v);
}

/**
 * Quotes a text cell when it holds a comma, quote or line break, doubling inner quotes. A cell a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: rig names are typed by people.
 */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
