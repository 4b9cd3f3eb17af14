/**
 * GET /summary read without zod, for the poll hot path: every rig, every poll. The zod schema in
 * schemas-summary.ts stays the definition (it types the result, and tests/unit/…/read-summary.test.ts
 * checks that this reader returns exactly what the schema returns for spec-generated, mutated and arbitrary
 * payloads); this is the same reading, written out. Measured in the collector bench: the lenient schema
 * cost ~60 µs per reply in a busy poll loop, more than the HTTP exchange itself; this costs a few.
 *
 * Same rules as lenient.ts: leaves never fail (unreadable → null), a nested object that is not an object
 * is null, bad array elements are dropped one by one. Only a top level that is not an object fails, and
 * then the schema itself produces the error, so the message is the same either way.
 */
import { type Parsed, ok, parseWith } from '../parse';
import { isRecord, toNumber, toText } from '../lenient';
import {
  type ChainStats,
  type FanStats,
  type MinerStats,
  type PoolStats,
  type Summary,
  summarySchema,
} from './schemas-summary';

type Raw = Record<string, unknown>;
type Range = { min: number | null; max: number | null };

const range = (v: unknown): Range | null =>
  isRecord(v) ? { min: toNumber(v['min']), max: toNumber(v['max']) } : null;

/** The elements `read` accepts (non-null), in order; [] when `v` is not an array. */
function list<T>(v: unknown, read: (item: unknown) => T | null): T[] {
  if (!Array.isArray(v)) return [];
  const out: T[] = [];
  for (const item of v) {
    const r = read(item);
    if (r !== null) out.push(r);
  }
  return out;
}

function pool(v: unknown): PoolStats | null {
  if (!isRecord(v)) return null;
  return {
    id: toNumber(v['id']),
    url: toText(v['url']),
    pool_type: toText(v['pool_type']),
    user: toText(v['user']),
    status: toText(v['status']),
    diff: toText(v['diff']),
    accepted: toNumber(v['accepted']),
    rejected: toNumber(v['rejected']),
    stale: toNumber(v['stale']),
    ls_time: toText(v['ls_time']),
    ping: toNumber(v['ping']),
  };
}

/** A fan object, or (older builds) a bare rpm. */
function fan(v: unknown): FanStats | null {
  if (isRecord(v)) {
    return {
      id: toNumber(v['id']),
      rpm: toNumber(v['rpm']),
      status: toText(v['status']),
      max_rpm: toNumber(v['max_rpm']),
    };
  }
  const rpm = toNumber(v);
  return rpm === null ? null : { id: null, rpm, status: null, max_rpm: null };
}

function chain(v: unknown): ChainStats | null {
  if (!isRecord(v)) return null;
  const chips = v['chip_statuses'];
  const status = v['status'];
  return {
    id: toNumber(v['id']),
    frequency: toNumber(v['frequency']),
    voltage: toNumber(v['voltage']),
    power_consumption: toNumber(v['power_consumption']),
    hashrate_ideal: toNumber(v['hashrate_ideal']),
    hashrate_rt: toNumber(v['hashrate_rt']),
    hashrate_percentage: toNumber(v['hashrate_percentage']),
    hr_error: toNumber(v['hr_error']),
    hw_errors: toNumber(v['hw_errors']),
    pcb_temp: range(v['pcb_temp']),
    chip_temp: range(v['chip_temp']),
    chip_statuses: isRecord(chips)
      ? { red: toNumber(chips['red']), orange: toNumber(chips['orange']), grey: toNumber(chips['grey']) }
      : null,
    status: isRecord(status)
      ? { state: toText(status['state']), description: toText(status['description']) }
      : null,
    inlet_water_temp: toNumber(v['inlet_water_temp']),
    outlet_water_temp: toNumber(v['outlet_water_temp']),
  };
}

function cooling(v: unknown): MinerStats['cooling'] {
  if (!isRecord(v)) return null;
  const settings = v['settings'];
  const mode = isRecord(settings) ? settings['mode'] : null;
  return {
    fan_num: toNumber(v['fan_num']),
    fan_duty: toNumber(v['fan_duty']),
    fans: list(v['fans'], fan),
    settings: isRecord(settings)
      ? { mode: isRecord(mode) ? { name: toText(mode['name']), param: toNumber(mode['param']) } : null }
      : null,
  };
}

function minerStatus(v: unknown): MinerStats['miner_status'] {
  if (!isRecord(v)) return null;
  return {
    miner_state: toText(v['miner_state']),
    miner_state_time: toNumber(v['miner_state_time']),
    description: toText(v['description']),
    failure_code: toNumber(v['failure_code']),
    throttled: toNumber(v['throttled']),
  };
}

function miner(m: Raw): MinerStats {
  return {
    miner_status: minerStatus(m['miner_status']),
    miner_type: toText(m['miner_type']),
    hr_realtime: toNumber(m['hr_realtime']),
    hr_average: toNumber(m['hr_average']),
    hr_nominal: toNumber(m['hr_nominal']),
    hr_stock: toNumber(m['hr_stock']),
    hr_error: toNumber(m['hr_error']),
    pcb_temp: range(m['pcb_temp']),
    chip_temp: range(m['chip_temp']),
    power_consumption: toNumber(m['power_consumption']),
    power_efficiency: toNumber(m['power_efficiency']),
    hw_errors: toNumber(m['hw_errors']),
    hw_errors_percent: toNumber(m['hw_errors_percent']),
    pools: list(m['pools'], pool),
    cooling: cooling(m['cooling']),
    chains: list(m['chains'], chain),
    restart_count: toNumber(m['restart_count']),
  };
}

/** A decoded /summary reply → Summary, exactly as `parseWith(summarySchema, …)` would give it. */
export function readSummary(value: unknown, what: string): Parsed<Summary> {
  if (!isRecord(value)) return parseWith(summarySchema, value, what);
  const m = value['miner'];
  return ok({ miner: isRecord(m) ? miner(m) : null });
}
