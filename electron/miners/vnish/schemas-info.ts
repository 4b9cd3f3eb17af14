/**
 * What a Vnish miner says about itself: GET /info, /model, /chains/factory-info, /auth-check
 * (docs/vnish.md §3.1, §3.2, §3.6; OpenAPI `InfoJson`, `MinerModelInfo`, `FactoryInfoReply`).
 */
import { z } from 'zod';
import { arr, bool, num, obj, text } from '../lenient';

export const infoSchema = z.object({
  miner: text,
  model: text,
  fw_name: text,
  fw_version: text,
  build_name: text,
  build_time: text,
  platform: text,
  install_type: text,
  algorithm: text,
  /** "GH/s" | "MH/s" | "N/A" (1.3.4 adds N/A). */
  hr_measure: text,
  /** Can be "N/A". */
  serial: text,
  system: obj({
    os: text,
    miner_name: text,
    file_system_version: text,
    uptime: text,
    network_status: obj({ mac: text, ip: text, hostname: text, dhcp: bool, netmask: text, gateway: text }),
  }),
});
export type Info = z.output<typeof infoSchema>;

export const modelSchema = z.object({
  full_name: text,
  model: text,
  algorithm: text,
  series: text,
  platform: text,
  hr_measure: text,
  serial: text,
  chain: obj({ chips_per_chain: num, chips_per_domain: num, num_chains: num }),
  cooling: obj({ min_fan_pwm: num, min_target_temp: num, max_target_temp: num }),
  overclock: obj({
    max_voltage: num,
    min_voltage: num,
    default_voltage: num,
    max_voltage_stock_psu: num,
    max_freq: num,
    min_freq: num,
    default_freq: num,
    warn_freq: num,
    max_power_limit: num,
    power_metering: bool,
  }),
});
export type ModelInfo = z.output<typeof modelSchema>;

export const factoryInfoSchema = z.object({
  hr_stock: num,
  has_pics: bool,
  psu_model: text,
  psu_serial: text,
  chains: arr(
    z.object({
      id: num,
      board_model: text,
      serial: text,
      chip_bin: num,
      freq: num,
      volt: num,
      hashrate: num,
    }),
  ),
});
export type FactoryInfo = z.output<typeof factoryInfoSchema>;

export const authCheckSchema = z.object({ unlock_timeout: num });
