// @vitest-environment node
// Snapshots and rig records for the collector's unit tests: a healthy L7 by default, any field overridable.
import { type RigRecord } from '../../../../shared/fleet';
import { type ChainSnapshot, type RigSnapshot } from '../../../../shared/rig';

export const T0 = Date.UTC(2026, 0, 1);

export function chainSnap(id: number, over: Partial<ChainSnapshot> = {}): ChainSnapshot {
  return {
    id,
    state: 'mining',
    stateRaw: 'mining',
    description: null,
    frequencyMhz: 500,
    voltageMv: 13500,
    powerW: 1140,
    hashrateMhs: 3166,
    idealHashrateMhs: 3166,
    hashratePercent: 100,
    hwErrors: 3,
    chipTemp: { minC: 60, maxC: 66 },
    boardTemp: { minC: 43, maxC: 48 },
    chipGrades: { grey: 118, orange: 2, red: 0 },
    chipCount: 120,
    inletWaterTempC: null,
    outletWaterTempC: null,
    ...over,
  };
}

export function snap(over: Partial<RigSnapshot> = {}): RigSnapshot {
  return {
    takenAtMs: T0,
    source: 'vnish-rest',
    identity: {
      firmware: 'Vnish',
      firmwareVersion: '1.3.4',
      model: 'Antminer L7',
      modelCode: 'l7',
      serial: 'S1',
      mac: 'AA:BB:CC:DD:EE:01',
      hostname: 'rig-01',
      ip: '127.0.0.1',
      algorithm: 'scrypt',
      reportedHashUnit: 'MH/s',
    },
    minerState: 'mining',
    minerStateRaw: 'mining',
    minerStateSec: 600,
    failureCode: null,
    failureDescription: null,
    throttledPercent: 100,
    restartRequired: false,
    rebootRequired: false,
    uptimeSec: 3600,
    minerUptimeSec: null,
    hashrateMhs: 9500,
    averageHashrateMhs: 9480,
    nominalHashrateMhs: 9500,
    stockHashrateMhs: 9500,
    errorHashrateMhs: 1,
    powerW: 3425,
    efficiencyJPerMh: 3425 / 9500,
    hwErrors: 9,
    hwErrorsPercent: 0.01,
    chipTemp: { minC: 60, maxC: 66 },
    boardTemp: { minC: 43, maxC: 48 },
    chains: [chainSnap(1), chainSnap(2), chainSnap(3)],
    fans: [0, 1, 2, 3].map((id) => ({ id, rpm: 4000 + id * 100, maxRpm: 6000, status: 'ok' as const })),
    fanDutyPercent: 60,
    fanMode: 'auto',
    pools: [],
    preset: {
      name: '3425',
      pretty: '3425 watt ~ 9500 MH',
      status: 'tuned',
      watts: 3425,
      hashrateMhs: 9500,
      globalsFreqMhz: null,
      globalsVolt10mV: null,
    },
    incomplete: [],
    ...over,
  };
}

export function rigRecord(id: string, over: Partial<RigRecord> = {}): RigRecord {
  return {
    id,
    name: id,
    labels: [],
    ip: '127.0.0.1',
    httpPort: 1,
    rpcPort: 2,
    serial: id,
    mac: null,
    model: 'Antminer L7',
    firmware: 'Vnish',
    firmwareVersion: '1.3.4',
    hostname: null,
    addedAt: T0,
    updatedAt: T0,
    hasOwnPassword: false,
    ...over,
  };
}
