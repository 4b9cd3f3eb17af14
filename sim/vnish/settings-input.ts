// Validation of POST /settings bodies (SPEC InputConfig). Unknown keys are dropped, as serde does;
// wrong types are refused with a message naming the field.
import { z } from 'zod';
import { type FwFamily } from '../rig/types';

const int = (min: number, max = 2_147_483_647) => z.number().int().min(min).max(max);
const opt = <T extends z.ZodType>(t: T) => t.nullish();

const TIMEZONES = [
  'GMT+1',
  'GMT+2',
  'GMT+3',
  'GMT+4',
  'GMT+5',
  'GMT+6',
  'GMT+7',
  'GMT+8',
  'GMT+9',
  'GMT+10',
  'GMT+11',
  'GMT+12',
  'GMT',
  'GMT-1',
  'GMT-2',
  'GMT-3',
  'GMT-4',
  'GMT-5',
  'GMT-6',
  'GMT-7',
  'GMT-8',
  'GMT-9',
  'GMT-10',
  'GMT-11',
] as const;

const pool = z.object({ url: z.string(), user: z.string(), pass: z.string() });
const mode = z.discriminatedUnion('name', [
  z.object({ name: z.literal('auto'), param: int(0) }),
  z.object({ name: z.literal('manual'), param: int(0) }),
  z.object({ name: z.literal('immers') }),
]);

function miscSchema(family: FwFamily) {
  const common = {
    asic_boost: opt(z.boolean()),
    quiet_mode: opt(z.boolean()),
    quick_start: opt(z.boolean()),
    restart_hashrate: opt(int(0, 100)),
    max_restart_attempts: opt(int(0)),
    min_operational_chains: opt(int(0)),
    disable_restart_unbalanced: opt(z.boolean()),
    disable_chain_break_protection: opt(z.boolean()),
    disable_volt_checks: opt(z.boolean()),
    ignore_broken_sensors: opt(z.boolean()),
    ignore_chip_sensors: opt(z.boolean()),
    downscale_preset_on_failure: opt(z.boolean()),
    auto_chip_throttling: opt(z.boolean()),
    tuner_bad_chip_hr_threshold: opt(int(20, 80)),
    max_startup_delay_time: opt(int(0, 300)),
    bitmain_disable_volt_comp: opt(z.boolean()),
  };
  if (family === '1.2') {
    return z.object({
      ...common,
      restart_temp: opt(int(0)),
      higher_volt_offset: opt(int(0, 100)),
      remain_stopped_on_reboot: opt(z.boolean()),
    });
  }
  return z.object({
    ...common,
    restart_temp: opt(int(50, 120)),
    min_startup_delay_time: opt(int(0, 300)),
    power_limit: opt(int(0)),
    power_limit_enabled: opt(z.boolean()),
    keep_hashing_when_offline: opt(z.boolean()),
    automatic_pause_on_boot: opt(z.boolean()),
    restore_miner_state_on_reboot: opt(z.boolean()),
    retune_on_chain_break: opt(z.boolean()),
    allow_disabling_chains_without_pics: opt(z.boolean()),
  });
}

function switcherSchema(family: FwFamily) {
  const base = {
    enabled: opt(z.boolean()),
    top_preset: opt(z.string()),
    min_preset: opt(z.string()),
    decrease_temp: opt(int(25, 90)),
    rise_temp: opt(z.number().int().max(85)),
    check_time: opt(int(60, 600)),
    autochange_top_preset: opt(z.boolean()),
    ignore_fan_speed: opt(z.boolean()),
  };
  return family === '1.2' ? z.object({ ...base, power_delta: opt(int(0, 50)) }) : z.object(base);
}

export function inputConfigSchema(family: FwFamily) {
  const cooling = z.object({
    fan_max_duty: opt(int(0, 100)),
    fan_min_count: opt(int(0)),
    fan_min_duty: opt(int(0, 100)),
    mode: opt(mode),
    ...(family === '1.3' ? { min_startup_water_temp: opt(int(0, 20)) } : {}),
  });
  const overclock = z.object({
    chains: opt(
      z.array(z.object({ chips: opt(z.array(int(0))), disabled: opt(z.boolean()), freq: opt(int(0)) })),
    ),
    globals: opt(z.object({ freq: opt(int(0)), volt: opt(int(0)) })),
    modded_psu: opt(z.boolean()),
    preset: opt(z.string()),
    preset_switcher: opt(switcherSchema(family)),
  });
  return z.object({
    miner: opt(
      z.object({
        cooling: opt(cooling),
        misc: opt(miscSchema(family)),
        overclock: opt(overclock),
        pools: opt(z.array(pool).max(3)),
      }),
    ),
    network: opt(
      z.object({
        dhcp: z.boolean(),
        dnsservers: z.array(z.string()),
        gateway: z.string(),
        hostname: z.string(),
        ipaddress: z.string(),
        netmask: z.string(),
        enable_network_check: z.boolean().optional(),
      }),
    ),
    password: opt(z.object({ current: z.string(), pw: z.string() })),
    regional: opt(z.object({ timezone: z.object({ current: z.enum(TIMEZONES) }) })),
    ui: opt(
      z.object({
        dark_side_pane: opt(z.boolean()),
        disable_animation: opt(z.boolean()),
        locale: opt(z.string()),
        theme: opt(z.enum(['light', 'dark', 'auto'])),
        timezone: opt(z.enum(TIMEZONES)),
      }),
    ),
    layout: z.record(z.string(), z.unknown()).nullish(),
  });
}

export type InputConfig = z.infer<ReturnType<typeof inputConfigSchema>>;

export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const where = issue.path.map(String).join('.');
  return `${where || 'body'}: ${issue.message}`;
}
