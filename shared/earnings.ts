/**
 * What the Earnings page and `rigdeck earnings` are answered with: per rig and for the fleet, revenue, power
 * cost and profit per day in the electricity currency; the pool's balances per coin; the pool's workers beside
 * the rigs with the mismatches both ways; and, for the charts, stored history over a range.
 */
import { z } from 'zod';

import { poolBalanceSchema } from './pool';

const num = z.number();
const maybe = num.nullable();

export const moneyGaps = ['no_pool_rate', 'no_exchange_rate', 'no_hashrate', 'no_power', 'no_price'] as const;

/** Coins credited to the account over the last 24 h, and a rig's share of them by its pool hashrate. */
export const coinAmountSchema = z.object({
  coin: z.string(),
  abbreviation: z.string().nullable(),
  amount: num,
});
export type CoinAmount = z.infer<typeof coinAmountSchema>;

export const rigEarningsSchema = z.object({
  rigId: z.string(),
  name: z.string(),
  ip: z.string(),
  liveness: z.enum(['unknown', 'online', 'stale', 'offline']),
  workerName: z.string().nullable(),
  /** The rig's own hashrate, MH/s (null unless online). */
  hashrateMhs: maybe,
  /** What the pool credits the rig's worker, MH/s (a ~2 h average at the pool). */
  poolHashrateMhs: maybe,
  /** Which hashrate the revenue is priced on: the pool's (what it pays for) or, lacking it, the rig's own. */
  revenueBasis: z.enum(['pool', 'rig']).nullable(),
  powerW: maybe,
  jPerMh: maybe,
  revenuePerDay: maybe,
  powerCostPerDay: maybe,
  profitPerDay: maybe,
  /** Share of the account's pool hashrate (0–1), which is how PPLNS credits are split here. */
  accountShare: maybe,
  /** This rig's share of what the account was credited in the last 24 h, per coin. */
  credited24h: z.array(coinAmountSchema),
  gaps: z.array(z.enum(moneyGaps)),
});
export type RigEarnings = z.infer<typeof rigEarningsSchema>;

export const fleetEarningsSchema = z.object({
  rigs: z.number().int().nonnegative(),
  /** Rigs whose profit is known (the fleet's money sums only these). */
  rigsPriced: z.number().int().nonnegative(),
  hashrateMhs: maybe,
  poolHashrateMhs: maybe,
  powerW: maybe,
  jPerMh: maybe,
  revenuePerDay: maybe,
  powerCostPerDay: maybe,
  profitPerDay: maybe,
});
export type FleetEarnings = z.infer<typeof fleetEarningsSchema>;

export const workerRowSchema = z.object({
  worker: z.string(),
  online: z.boolean(),
  poolHashrateMhs: num,
  rigId: z.string().nullable(),
  rigName: z.string().nullable(),
  rigHashrateMhs: maybe,
});
export type WorkerRow = z.infer<typeof workerRowSchema>;

export const earningsBalanceSchema = poolBalanceSchema.extend({
  /** balance ÷ payoutThreshold (0–1+), null without a threshold. */
  progress: maybe,
});
export type EarningsBalance = z.infer<typeof earningsBalanceSchema>;

export const earningsSummarySchema = z.object({
  atMs: num,
  currency: z.string(),
  pool: z.object({
    configured: z.boolean(),
    live: z.string(),
    apiKey: z.enum(['unknown', 'ok', 'invalid']),
  }),
  rates: z.object({
    /** Per MH/s per day in `currency`, after the fee. */
    revenuePerMhDay: maybe,
    /** The pool's own figure, US dollars per MH/s per day, before the fee. */
    poolUsdPerMhDay: maybe,
    fee: maybe,
    rateAsOfMs: maybe,
    pricePerKwhNow: maybe,
    pricePerKwhDay: maybe,
    tariffBands: z.number().int().nonnegative(),
    /** Units of `currency` per US dollar; null when it cannot convert. */
    fx: maybe,
  }),
  rigs: z.array(rigEarningsSchema),
  fleet: fleetEarningsSchema,
  balances: z.array(earningsBalanceSchema),
  /** Coins credited to the account in the last 24 h, from stored balance history (PPLNS: with blocks). */
  credited24h: z.array(coinAmountSchema),
  /** Hours of balance history the 24 h credit figure is based on (less than 24 right after setup). */
  creditedHours: num,
  workers: z.array(workerRowSchema),
  mismatches: z.object({
    workersWithoutRig: z.array(z.string()),
    rigsWithoutWorker: z.array(
      z.object({
        rigId: z.string(),
        name: z.string(),
        worker: z.string().nullable(),
        reason: z.enum(['unknown_worker', 'no_worker_name']),
      }),
    ),
  }),
});
export type EarningsSummary = z.infer<typeof earningsSummarySchema>;

export const earningsSummaryRequestSchema = z
  .object({
    /** Read the rigs and the pool now: for a core that is not running (the CLI), which has neither. */
    refresh: z.boolean().optional(),
  })
  .strict()
  .optional();

export const earningsRanges = ['24h', '7d', '30d'] as const;
export type EarningsRange = (typeof earningsRanges)[number];
export const RANGE_MS: Record<EarningsRange, number> = {
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

export const earningsHistoryRequestSchema = z.object({ range: z.enum(earningsRanges) }).strict();

/** [epoch ms, value] */
const pointSchema = z.tuple([num, num]);

export const earningsHistorySchema = z.object({
  fromMs: num,
  toMs: num,
  /** Balance per coin over time (coin units). */
  balances: z.array(z.object({ coin: z.string(), points: z.array(pointSchema), paid: z.array(pointSchema) })),
  /** The account's pool hashrate over time, MH/s (sum of its workers). */
  poolHashrateMhs: z.array(pointSchema),
});
export type EarningsHistory = z.infer<typeof earningsHistorySchema>;
