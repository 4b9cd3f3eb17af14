/**
 * A history query → its rows: the resolution it asked for or the one that keeps it small, the rig's key, and
 * the stored rows plus the unfolded tail (history-query.ts). Shared by query() and the CSV exports.
 */
import type { HistoryMetric, HistoryQuery, HistoryResolution } from '../../shared/telemetry';
import { allMetrics, metricCodecs } from './history-codec';
import { type QueryRows, type QueryStatements, horizons, pickResolution, readRows } from './history-query';
import { type RollupStatements, readState } from './rollup';

export type HistoryReader = {
  /** The resolution the query is answered at: the one it forces, else the finest that keeps it small. */
  resolutionOf(q: HistoryQuery): HistoryResolution;
  /** The rows of [fromMs, toMs) at `resolution`; null for an empty range, no rows for an unknown rig. */
  read(q: HistoryQuery, resolution: HistoryResolution): QueryRows | null;
  /** Whether history has ever held this rig. */
  hasRig(rigId: string): boolean;
};

export function createReader(qs: QueryStatements, roll: RollupStatements): HistoryReader {
  return {
    resolutionOf: (q) =>
      q.resolution ??
      pickResolution(
        { fromMs: q.fromMs, toMs: q.toMs, fleet: q.rigId === null, rigCount: qs.rigCount.get() ?? 0 },
        horizons(qs),
      ),
    read(q, resolution) {
      if (!(q.toMs > q.fromMs)) return null;
      const rig = q.rigId === null ? null : (qs.rigKey.get(q.rigId) ?? null);
      if (q.rigId !== null && rig === null) return { resolution, rows: [] };
      return readRows(qs, q, rig, resolution, readState(roll));
    },
    hasRig: (rigId) => (qs.rigKey.get(rigId) ?? null) !== null,
  };
}

export type MetricColumn = { metric: HistoryMetric; at: number; scale: number };

/** Where avg, min, max of each requested metric sit in an AggRow, and their scale, in request order. */
export const metricColumns = (q: HistoryQuery): MetricColumn[] =>
  q.metrics.map((m) => ({ metric: m, at: 2 + 3 * allMetrics.indexOf(m), scale: metricCodecs[m].scale }));
