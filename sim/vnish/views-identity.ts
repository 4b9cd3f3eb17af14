// /info, /model, /ui and /chains/factory-info: what a miner says about itself (docs/vnish.md §3.1, §3.2).
import { busyboxUptime } from '../util/format';
import { type Rig } from '../rig/types';

export function minerType(rig: Rig): string {
  return `${rig.model.fullName} (Vnish ${rig.fw.version})`;
}

export function infoView(rig: Rig, now: number): unknown {
  const memTotal = 1_016_812;
  const memFree = 612_404 - (rig.index % 7) * 1024;
  return {
    miner: rig.model.fullName,
    model: rig.model.apiModel,
    fw_name: 'Vnish',
    fw_version: rig.fw.version,
    build_uuid: rig.fw.buildUuid,
    build_name: rig.fw.buildName,
    build_time: rig.fw.buildTime,
    platform: rig.model.platform,
    install_type: 'nand',
    algorithm: 'scrypt',
    hr_measure: 'MH/s',
    serial: rig.serial,
    system: {
      os: 'GNU/Linux',
      miner_name: rig.model.fullName,
      file_system_version: `${rig.model.apiModel}-${rig.fw.version}`,
      mem_total: memTotal,
      mem_free: memFree,
      mem_free_percent: Math.round((memFree / memTotal) * 100),
      mem_buf: 86_112,
      mem_buf_percent: Math.round((86_112 / memTotal) * 100),
      uptime: busyboxUptime((now - rig.bootedAt) / 1000),
      network_status: {
        mac: rig.mac,
        dhcp: rig.settings.network.dhcp,
        ip: rig.ip,
        netmask: rig.settings.network.netmask,
        gateway: rig.settings.network.gateway,
        dns: rig.settings.network.dnsservers,
        hostname: rig.settings.network.hostname,
      },
    },
  };
}

/** Chip index grid for /model chain.topology: rows = chips per domain, snake order per column. */
function topology(
  chips: number,
  perDomain: number,
): { chips: number[][]; num_cols: number; num_rows: number } {
  const cols = Math.ceil(chips / perDomain);
  const grid: number[][] = Array.from({ length: perDomain }, () => Array.from({ length: cols }, () => -1));
  for (let i = 0; i < chips; i++) {
    const col = Math.floor(i / perDomain);
    const within = i % perDomain;
    const row = col % 2 === 0 ? within : perDomain - 1 - within;
    const line = grid[row];
    if (line) line[col] = i;
  }
  return { chips: grid, num_cols: cols, num_rows: perDomain };
}

function coolingConsts(rig: Rig): unknown {
  return {
    min_fan_pwm: 10,
    min_target_temp: 20,
    max_target_temp: 90,
    fan_min_count: { min: 1, max: rig.model.fans, default: rig.model.fans },
  };
}

function overclockConsts(rig: Rig): unknown {
  const m = rig.model;
  const base: Record<string, number | boolean> = {
    max_voltage: m.maxVolt,
    min_voltage: m.minVolt,
    default_voltage: m.defaultVolt,
    max_voltage_stock_psu: m.maxVoltStockPsu,
    max_freq: m.maxFreq,
    min_freq: m.minFreq,
    default_freq: m.defaultFreq,
    warn_freq: m.warnFreq,
  };
  if (rig.fw.family === '1.3') {
    base['max_power_limit'] = m.maxPowerLimit;
    base['power_metering'] = false;
  }
  return base;
}

export function modelView(rig: Rig): unknown {
  const m = rig.model;
  return {
    full_name: m.fullName,
    model: m.apiModel,
    algorithm: 'scrypt',
    series: m.series,
    platform: m.platform,
    install_type: 'nand',
    hr_measure: 'MH/s',
    serial: rig.serial,
    chain: {
      chips_per_chain: m.chipsPerChain,
      chips_per_domain: m.chipsPerDomain,
      num_chains: m.chains,
      topology: topology(m.chipsPerChain, m.chipsPerDomain),
    },
    cooling: coolingConsts(rig),
    overclock: overclockConsts(rig),
  };
}

const TIMEZONES: Array<[string, string]> = [
  ['GMT-11', 'Pago Pago'],
  ['GMT-10', 'Honolulu'],
  ['GMT-9', 'Anchorage'],
  ['GMT-8', 'Los Angeles'],
  ['GMT-7', 'Denver'],
  ['GMT-6', 'Chicago'],
  ['GMT-5', 'New York'],
  ['GMT-4', 'Caracas'],
  ['GMT-3', 'Buenos Aires'],
  ['GMT-2', 'South Georgia'],
  ['GMT-1', 'Azores'],
  ['GMT', 'London'],
  ['GMT+1', 'Berlin'],
  ['GMT+2', 'Kyiv'],
  ['GMT+3', 'Moscow'],
  ['GMT+4', 'Dubai'],
  ['GMT+5', 'Tashkent'],
  ['GMT+6', 'Almaty'],
  ['GMT+7', 'Bangkok'],
  ['GMT+8', 'Beijing'],
  ['GMT+9', 'Tokyo'],
  ['GMT+10', 'Sydney'],
  ['GMT+11', 'Magadan'],
  ['GMT+12', 'Auckland'],
];

export function uiView(rig: Rig): unknown {
  const ui = rig.settings.ui;
  return {
    ...ui,
    consts: { cooling: coolingConsts(rig), overclock: overclockConsts(rig), timezones: TIMEZONES },
  };
}

export function factoryInfoView(rig: Rig): unknown {
  const m = rig.model;
  return {
    hr_stock: m.nominalMhs,
    has_pics: true,
    psu_model: m.code === 'L3+' ? 'APW3++' : 'APW12',
    psu_serial: `P${rig.serial.slice(-10)}`,
    chains: Array.from({ length: m.chains }, (_, i) => ({
      id: i + 1,
      board_model: `${m.apiModel.toUpperCase()}-HB${i}`,
      serial: `${rig.serial}B${i + 1}`,
      chip_bin: 1 + ((rig.index + i) % 3),
      freq: m.defaultFreq,
      volt: m.defaultVolt,
      hashrate: Math.round((m.nominalMhs / m.chains) * 100) / 100,
    })),
  };
}
