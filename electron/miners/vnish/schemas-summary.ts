/**
 * GET /summary and GET /status (docs/vnish.md §3.3, §3.4; OpenAPI `Summary`, `AntmMinerStats`,
 * `StatusPane`). The same schema takes 1.2.x and 1.3.x: 1.3 only adds fields (`throttled`,
 * `restart_count`), and 1.3 calls the chain `AntmBoard` but keeps the key `chains`.
 */
import { z } from 'zod';
import { arr, bool, num, obj, text } from '../lenient';

export const tempRange = obj({ min: num, max: num });

export const minerStatusSchema = z.object({
  miner_state: text,
  miner_state_time: num,
  description: text,
  failure_code: num,
  throttled: num,
});

export const poolStatsSchema = z.object({
  id: num,
  url: text,
  pool_type: text,
  user: text,
  status: text,
  diff: text,
  accepted: num,
  rejected: num,
  stale: num,
  ls_time: text,
  ping: num,
});
export type PoolStats = z.output<typeof poolStatsSchema>;

/** Current firmware sends fan objects; older builds sent a bare array of rpm (docs/vnish.md §3.4, INFERRED from powerhive). */
export const fanSchema = z.union([
  z.object({ id: num, rpm: num, status: text, max_rpm: num }),
  num.pipe(z.number()).transform((rpm) => ({ id: null, rpm, status: null, max_rpm: null })),
]);
export type FanStats = z.output<typeof fanSchema>;

export const coolingSchema = obj({
  fan_num: num,
  fan_duty: num,
  fans: arr(fanSchema),
  settings: obj({ mode: obj({ name: text, param: num }) }),
});

export const chainStatsSchema = z.object({
  id: num,
  frequency: num,
  voltage: num,
  power_consumption: num,
  hashrate_ideal: num,
  hashrate_rt: num,
  hashrate_percentage: num,
  hr_error: num,
  hw_errors: num,
  pcb_temp: tempRange,
  chip_temp: tempRange,
  chip_statuses: obj({ red: num, orange: num, grey: num }),
  status: obj({ state: text, description: text }),
  inlet_water_temp: num,
  outlet_water_temp: num,
});
export type ChainStats = z.output<typeof chainStatsSchema>;

export const minerStatsSchema = z.object({
  miner_status: obj(minerStatusSchema.shape),
  miner_type: text,
  hr_realtime: num,
  hr_average: num,
  hr_nominal: num,
  hr_stock: num,
  hr_error: num,
  pcb_temp: tempRange,
  chip_temp: tempRange,
  power_consumption: num,
  power_efficiency: num,
  hw_errors: num,
  hw_errors_percent: num,
  pools: arr(poolStatsSchema),
  cooling: coolingSchema,
  chains: arr(chainStatsSchema),
  restart_count: num,
});
export type MinerStats = z.output<typeof minerStatsSchema>;

/** `{"miner": AntmMinerStats | null}`; the miner object may be null while the firmware starts. */
export const summarySchema = z.object({ miner: obj(minerStatsSchema.shape) });
export type Summary = z.output<typeof summarySchema>;

export const statusSchema = z.object({
  ...minerStatusSchema.shape,
  find_miner: bool,
  restart_required: bool,
  reboot_required: bool,
  unlocked: bool,
  unlock_timeout: num,
  warranty: text,
});
export type Status = z.output<typeof statusSchema>;
