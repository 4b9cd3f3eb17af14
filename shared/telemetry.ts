/**
 * Live state and history as the UI sees them. Every live value travels with the time it was measured, so the UI
 * can grey a stale number and say "last seen 3 min ago" instead of showing it as live.
 */
import { z } from 'zod';

import { healthCountsSchema, healthStates, problemSchema } from './health';
import { chainStates, minerStates } from './rig';

/** online: answered recently; stale: missed two polls; offline: silent about a minute (with hysteresis). */
export const livenessStates = ['unknown', 'online', 'stale', 'offline'] as const;
export type Liveness = (typeof livenessStates)[number];

const n = z.number().nullable();

export const chainLiveSchema = z.object({
  id: z.number().int(),
  state: z.enum(chainStates),
  hashrateMhs: n,
  chipTempMaxC: n,
  frequencyMhz: n,
  chipsRed: z.number().int().nullable(),
  chipsOrange: z.number().int().nullable(),
});

export const rigLiveSchema = z.object({
  rigId: z.string(),
  liveness: z.enum(livenessStates),
  /** When the figures below were measured (the last successful poll); null before the first answer. */
  takenAtMs: n,
  /** The last poll attempt and, when it failed, why (shown next to a stale or offline rig). */
  lastPollMs: n,
  lastError: z.string().nullable(),
  minerState: z.enum(minerStates),
  /** The rig is rebooting or restarting on our command or its own: not broken, coming back. */
  restarting: z.boolean(),
  failureCode: n,
  failureDescription: z.string().nullable(),
  hashrateMhs: n,
  nominalHashrateMhs: n,
  powerW: n,
  efficiencyJPerMh: n,
  chipTempMaxC: n,
  boardTempMaxC: n,
  fanRpmMin: n,
  fansLost: z.number().int().nullable(),
  uptimeSec: n,
  preset: z.string().nullable(),
  chains: z.array(chainLiveSchema),
  /** From the pool (ProHashing), matched by worker name; null when not mined there or unknown. */
  poolHashrateMhs: n,
  workerName: z.string().nullable(),
  /** What the health rules make of the rig (electron/health/): the worst problem decides the badge. */
  health: z.enum(healthStates),
  /** Worst first. */
  problems: z.array(problemSchema),
});
export type RigLive = z.infer<typeof rigLiveSchema>;

export const fleetSummarySchema = z.object({
  asOfMs: z.number(),
  rigs: z.object({
    total: z.number().int(),
    online: z.number().int(),
    stale: z.number().int(),
    offline: z.number().int(),
    unknown: z.number().int(),
    byMinerState: z.record(z.string(), z.number().int()),
    byHealth: healthCountsSchema,
  }),
  /** Sum over rigs whose figures are live (online); stale values are not added as if current. */
  hashrateMhs: z.number(),
  nominalHashrateMhs: z.number(),
  poolHashrateMhs: n,
  powerW: z.number(),
  efficiencyJPerMh: n,
  /** Nominal hashrate the fleet is not delivering: every rig's shortfall, offline and starting rigs counted whole. */
  missingHashrateMhs: z.number(),
  /** Problems that belong to no rig (a pool worker that matches none). */
  fleetProblems: z.array(problemSchema),
});
export type FleetSummary = z.infer<typeof fleetSummarySchema>;

/** Metrics kept in history, one column each; names carry units. */
export const historyMetrics = [
  'hashrate_mhs',
  'power_w',
  'efficiency_j_per_mh',
  'chip_temp_max_c',
  'board_temp_max_c',
  'fan_rpm_min',
  'pool_hashrate_mhs',
] as const;
export type HistoryMetric = (typeof historyMetrics)[number];

export const historyResolutions = ['raw', '5m', '1h'] as const;
export type HistoryResolution = (typeof historyResolutions)[number];

export const historyQuerySchema = z
  .object({
    /** One rig, or null for the fleet (sums for hashrate/power, max for temperatures, min for fans). */
    rigId: z.string().min(1).max(64).nullable(),
    metrics: z.array(z.enum(historyMetrics)).min(1).max(historyMetrics.length),
    fromMs: z.number().int().nonnegative(),
    toMs: z.number().int().positive(),
    /** Force a resolution; otherwise the store picks the finest that keeps the answer small. */
    resolution: z.enum(historyResolutions).optional(),
  })
  .strict()
  .refine((q) => q.toMs > q.fromMs, { message: 'The range must end after it starts.', path: ['toMs'] });
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/** Where the next page of a paged CSV export starts, and the resolution its first page chose (kept for all). */
export const historyCursorSchema = z
  .object({ fromMs: z.number().int().nonnegative(), resolution: z.enum(historyResolutions) })
  .strict();
export type HistoryCursor = z.infer<typeof historyCursorSchema>;

/** One point: time, then average, minimum and maximum over the bucket (all equal at raw resolution). */
export const historyPointSchema = z.tuple([z.number(), n, n, n]);
export const historyResultSchema = z.object({
  resolution: z.enum(historyResolutions),
  series: z.array(z.object({ metric: z.enum(historyMetrics), points: z.array(historyPointSchema) })),
});
export type HistoryResult = z.infer<typeof historyResultSchema>;

/** One line of a rig's log, as the rig detail page shows it. */
export const rigEventSchema = z.object({
  rigId: z.string().nullable(),
  atMs: z.number(),
  kind: z.enum(['liveness', 'miner-state', 'failure', 'reboot', 'note']),
  text: z.string(),
});
export type RigEvent = z.infer<typeof rigEventSchema>;
