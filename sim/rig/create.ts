// Builds a rig record from a scenario entry: identity, firmware, settings, and a fresh power-on.
import { type Rng, randomAlnum, randomHex } from '../util/random';
import { type ModelSpec } from './models';
import { type Timing, initialPhase } from './machine';
import { defaultSettings, threeSlots } from './settings';
import {
  type Chain,
  type Faults,
  type HttpQuirks,
  type ImpostorKind,
  type PoolRuntime,
  type PoolSlot,
  type Rig,
  type RpcQuirks,
  familyOf,
} from './types';

export type RigInit = {
  index: number;
  name: string;
  model: ModelSpec;
  kind: 'vnish' | ImpostorKind;
  ip: string;
  fwVersion: string;
  pools: PoolSlot[];
  preset: string;
  /** Presets already tuned on this rig; the others are untuned and start an autotune when chosen. */
  tunedPresets: string[];
  password: string;
  ambientRestartTemp?: number;
  rpcQuirks: RpcQuirks;
  httpQuirks: HttpQuirks;
  fanMinCount?: number;
  warranty?: Rig['warranty'];
};

export function noFaults(): Faults {
  return {
    clogged: 0,
    ambientDelta: 0,
    lostFans: [],
    chainFailures: {},
    degrading: 0,
    poolDown: [],
    poolRejecting: [],
    network: 'ok',
    slowMs: 0,
    offline: false,
    rebootLoopSec: 0,
    initFailure: null,
    weak: 0,
    dusting: 0,
  };
}

export function freshPoolRuntime(): PoolRuntime {
  return {
    status: 'unknown',
    accepted: 0,
    rejected: 0,
    stale: 0,
    diffAccepted: 0,
    lastShareAt: null,
    carry: 0,
    getFailures: 0,
  };
}

export function freshChains(model: ModelSpec, ambient: number): Chain[] {
  return Array.from({ length: model.chains }, (_, i) => ({
    id: i + 1, // REST chain ids are 1-based (docs/vnish.md §3.4)
    state: 'initializing' as const,
    description: null,
    red: 0,
    orange: 0,
    fault: null,
    chipTemp: ambient,
    pcbTemp: ambient,
    hwErrors: 0,
    hashrate: 0,
    power: model.idleWattsPerChain,
  }));
}

/** Locally administered MAC in the 02:C0:4B… range seen on real Vnish rigs (docs/vnish.md §6). */
function macFor(rng: Rng): string {
  const bytes = [0x02, 0xc0, 0x4b, rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  return bytes.map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

export function createRig(init: RigInit, rng: Rng, now: number, ambient: number, timing: Timing): Rig {
  const family = familyOf(init.fwVersion);
  const restartTemp = init.ambientRestartTemp ?? init.model.restartTemp;
  const settings = defaultSettings(init.model, family, { ip: init.ip, hostname: init.name }, restartTemp);
  settings.miner.pools = threeSlots(init.pools);
  settings.miner.overclock.preset = init.preset;
  if (init.fanMinCount !== undefined) settings.miner.cooling.fan_min_count = init.fanMinCount;
  const tuned: Record<string, string | null> = {};
  for (const p of init.model.presets)
    tuned[p.name] = init.tunedPresets.includes(p.name) ? '2025-11-02 10:14:03' : null;
  const serialPrefix = { L7: 'YNAHD7', L9: 'JYZZL9', 'L3+': 'SMTTB4' }[init.model.code];
  return {
    index: init.index,
    name: init.name,
    model: init.model,
    kind: init.kind,
    ip: init.ip,
    mac: macFor(rng),
    serial: `${serialPrefix}${randomAlnum(rng, 10).toUpperCase()}`,
    fw: {
      version: init.fwVersion,
      family,
      buildTime: family === '1.2' ? '2025-05-29 19:22:26+00:00' : '2025-10-08 11:40:12+00:00',
      buildUuid: `${randomHex(rng, 8)}-${randomHex(rng, 4)}-${randomHex(rng, 4)}-${randomHex(rng, 4)}-${randomHex(rng, 12)}`,
      buildName: 'vnishnet',
      pending: null,
    },
    settings,
    active: structuredClone(settings.miner),
    password: init.password,
    apiKeys: [],
    notes: {},
    tuned,
    restartRequired: false,
    rebootRequired: false,
    throttle: 100,
    findMiner: false,
    warranty: init.warranty ?? 'not_provided',
    power: { kind: 'on' },
    bootedAt: now,
    phase: initialPhase(now, timing),
    chains: freshChains(init.model, ambient),
    fans: Array.from({ length: init.model.fans }, (_, i) => ({ id: i, rpm: 0, lost: false })),
    fanDuty: 100,
    hrRealtime: 0,
    hrAverage: 0,
    powerW: init.model.idleWattsPerChain * init.model.chains,
    hwErrors: 0,
    hwCarry: 0,
    foundBlocks: 0,
    bestShare: 0,
    restartCount: 0,
    activePool: 0,
    pools: [freshPoolRuntime(), freshPoolRuntime(), freshPoolRuntime()],
    devfeeAccepted: 0,
    faults: noFaults(),
    logs: { status: [], miner: [], autotune: [], pool: [], hwscan: [], system: [], messages: [], api: [] },
    annotations: [],
    metrics: [],
    rpcQuirks: init.rpcQuirks,
    httpQuirks: init.httpQuirks,
  };
}
