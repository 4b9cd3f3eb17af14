// Plain data for one virtual rig. The farm's tick loop owns and mutates these records; every
// decision about how they change is made by pure functions in rig/*.ts.
import { type ModelSpec } from './models';

export type FwFamily = '1.2' | '1.3';

export type MinerState =
  | 'mining'
  | 'initializing'
  | 'starting'
  | 'auto-tuning'
  | 'restarting'
  | 'shutting-down'
  | 'stopped'
  | 'failure';

export type ChainState =
  'initializing' | 'mining' | 'stopped' | 'failure' | 'disconnected' | 'disabled' | 'unknown';

export type PoolSlot = { url: string; user: string; pass: string };

export type FanMode =
  { name: 'auto'; param: number } | { name: 'manual'; param: number } | { name: 'immers' };

export type Misc = Record<string, boolean | number | null>;

export type MinerSettings = {
  cooling: {
    fan_min_count: number;
    fan_min_duty: number;
    fan_max_duty: number;
    min_startup_water_temp?: number;
    mode: FanMode;
  };
  misc: Misc;
  overclock: {
    preset: string;
    globals: { freq: number; volt: number };
    chains: Array<{ freq: number; chips: number[]; disabled: boolean }>;
    modded_psu: boolean;
    preset_switcher: Record<string, boolean | number | string | null>;
  };
  pools: [PoolSlot, PoolSlot, PoolSlot];
};

export type Settings = {
  miner: MinerSettings;
  network: {
    hostname: string;
    dhcp: boolean;
    ipaddress: string;
    netmask: string;
    gateway: string;
    dnsservers: string[];
  };
  regional: { timezone: { current: string } };
  ui: {
    dark_side_pane: boolean;
    disable_animation: boolean;
    locale: string;
    theme: string;
    timezone: string;
  };
  layout: Record<string, unknown> | null;
};

export type Chain = {
  id: number;
  state: ChainState;
  description: string | null;
  /** Worn chips by grade (the rest are grey). Views show every chip red while a chain initializes or fails. */
  red: number;
  orange: number;
  /** Broken by a fault: stays failed until the fault is cleared. */
  fault: 'failure' | 'disconnected' | null;
  chipTemp: number;
  pcbTemp: number;
  hwErrors: number;
  hashrate: number;
  power: number;
};

export type Fan = { id: number; rpm: number; lost: boolean };

export type PoolRuntime = {
  status: 'offline' | 'working' | 'disabled' | 'active' | 'rejecting' | 'unknown';
  accepted: number;
  rejected: number;
  stale: number;
  diffAccepted: number;
  lastShareAt: number | null;
  /** Fractional share accumulator so slow rigs still accrue exact counts over time. */
  carry: number;
  getFailures: number;
};

export type Annotation = { time: number; type: string; board: number | null };

export type MetricPoint = {
  time: number;
  hashrate: number;
  pcbMax: number;
  chipMax: number;
  fanDuty: number;
  power: number;
};

/** Faults currently active on a rig, set by a scenario event or the control API. */
export type Faults = {
  clogged: number; // 0..1 airflow lost to dust
  ambientDelta: number; // °C added to farm ambient
  lostFans: number[]; // fan ids
  chainFailures: Record<number, 'failure' | 'disconnected'>;
  degrading: number; // chips per hour turning orange then red
  poolDown: number[]; // slot indexes (0-based) that are unreachable
  poolRejecting: number[];
  network: 'ok' | 'no-answer' | 'slow' | 'reset';
  slowMs: number;
  offline: boolean;
  rebootLoopSec: number; // 0 = off
  initFailure: { code: number; description: string } | null;
  weak: number; // 0..0.5 share of hashrate lost without any chip showing it (a tired board, a bad tune)
  dusting: number; // airflow lost to dust per hour (clogged grows by it)
};

export type Power = { kind: 'on' } | { kind: 'reboot-pending'; at: number } | { kind: 'down'; until: number };

export type Phase = {
  state: MinerState;
  since: number;
  /** When the current transient state ends (sim epoch ms), or null for steady states. */
  until: number | null;
  /** Mining was paused through /mining/pause: shown as stopped, resumes quickly. */
  paused: boolean;
  /** Init attempts since the last successful start, for max_restart_attempts. */
  attempts: number;
  failureCode: number | null;
  description: string | null;
  /** Cooling down after an overheat: restart once chips fall below this temperature. */
  coolTo: number | null;
};

export type Firmware = {
  version: string;
  family: FwFamily;
  buildTime: string;
  buildUuid: string;
  buildName: string;
  /** The firmware the rig boots into at the next reboot (after an upload). */
  pending: { version: string; keepSettings: boolean } | null;
};

export type ImpostorKind = 'stock-bitmain' | 'braiins' | 'whatsminer';

export type Rig = {
  index: number;
  name: string;
  model: ModelSpec;
  kind: 'vnish' | ImpostorKind;
  ip: string;
  mac: string;
  serial: string;
  fw: Firmware;
  settings: Settings;
  /** The miner settings the running cgminer was started with; /settings shows saved ones. */
  active: MinerSettings;
  password: string;
  apiKeys: Array<{ key: string; description: string }>;
  notes: Record<string, string>;
  tuned: Record<string, string | null>; // preset name -> tuned date (null = untuned)
  restartRequired: boolean;
  rebootRequired: boolean;
  throttle: number;
  findMiner: boolean;
  warranty: 'active' | 'inactive' | 'expired' | 'cancelled' | 'not_provided';
  power: Power;
  bootedAt: number;
  phase: Phase;
  chains: Chain[];
  fans: Fan[];
  fanDuty: number;
  hrRealtime: number;
  hrAverage: number;
  powerW: number;
  hwErrors: number;
  hwCarry: number;
  foundBlocks: number;
  bestShare: number;
  restartCount: number;
  activePool: number;
  pools: PoolRuntime[];
  devfeeAccepted: number;
  faults: Faults;
  logs: Record<string, string[]>;
  annotations: Annotation[];
  metrics: MetricPoint[];
  rpcQuirks: RpcQuirks;
  httpQuirks: HttpQuirks;
};

export type RpcQuirks = {
  /** `}{` between the two STATS objects, as in the real Vnish 3.8.6 S9 and stock L3+ captures. */
  concatenatedObjects: boolean;
  /** `,}` trailing commas (btminer; one of the repairs pyasic makes, docs/vnish-rpc-shapes.md). */
  trailingCommas: boolean;
  /** The keys the rig's firmware family is seen sending as strings (cgminer/string-numbers.ts), e.g. "GHS 5s": "9512.33". */
  numbersAsStrings: boolean;
  /** Reply to "summary+pools" style multi-commands; some Antminers reject them. */
  multiCommand: boolean;
};

export type HttpQuirks = {
  /** `/autotune/presets` as `{presets:[...]}` instead of the bare array (some builds). */
  presetsWrapped: boolean;
  /** Serve 1.2's `/chains` on 1.3 builds too (asic-rs still queries it; GAP whether it exists). */
  chainsOn13: boolean;
};

export function familyOf(version: string): FwFamily {
  return version.startsWith('1.2') ? '1.2' : '1.3';
}

/** Compare dotted versions numerically: "1.3.3" <= "1.3.4". */
export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const b = min.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < b.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
