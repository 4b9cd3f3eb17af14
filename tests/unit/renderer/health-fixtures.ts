import type { Alert } from '../../../shared/alerts';
import type { RigRecord } from '../../../shared/fleet';
import type { Problem } from '../../../shared/health';
import {
  type FleetSummary,
  type RigLive,
  fleetSummarySchema,
  rigLiveSchema,
} from '../../../shared/telemetry';
import { alertSchema } from '../../../shared/alerts';

/** Data shaped by the contract's schemas (parsed, so a fixture that drifts from the contract fails loudly). */
export function rig(id: string, name = id, extra: Partial<RigRecord> = {}): RigRecord {
  return {
    id,
    name,
    labels: [],
    ip: `127.0.0.${id.length}`,
    httpPort: 80,
    rpcPort: 4028,
    serial: null,
    mac: null,
    model: 'L7',
    firmware: 'Vnish',
    firmwareVersion: '1.3.4',
    hostname: null,
    addedAt: 0,
    updatedAt: 0,
    hasOwnPassword: false,
    ...extra,
  };
}

export function problem(p: Partial<Problem> & Pick<Problem, 'code' | 'severity' | 'text'>): Problem {
  return { sinceMs: 1_000, subject: '', ...p };
}

export function live(rigId: string, extra: Partial<RigLive> = {}): RigLive {
  return rigLiveSchema.parse({
    rigId,
    liveness: 'online',
    takenAtMs: 10_000,
    lastPollMs: 10_000,
    lastError: null,
    minerState: 'mining',
    restarting: false,
    failureCode: null,
    failureDescription: null,
    hashrateMhs: 9_500,
    nominalHashrateMhs: 9_500,
    powerW: 3_400,
    efficiencyJPerMh: 0.36,
    chipTempMaxC: 70,
    boardTempMaxC: 60,
    fanRpmMin: 4_000,
    fansLost: 0,
    uptimeSec: 3_600,
    preset: null,
    chains: [],
    poolHashrateMhs: null,
    workerName: null,
    health: 'ok',
    problems: [],
    ...extra,
  });
}

export function summary(extra: Partial<FleetSummary> = {}): FleetSummary {
  return fleetSummarySchema.parse({
    asOfMs: 10_000,
    rigs: {
      total: 3,
      online: 2,
      stale: 0,
      offline: 1,
      unknown: 0,
      byMinerState: {},
      byHealth: { ok: 1, warning: 1, critical: 1, unknown: 0 },
    },
    hashrateMhs: 19_000,
    nominalHashrateMhs: 28_500,
    poolHashrateMhs: null,
    powerW: 6_800,
    efficiencyJPerMh: 0.36,
    missingHashrateMhs: 9_500,
    fleetProblems: [],
    ...extra,
  });
}

export function alert(id: string, extra: Partial<Alert> = {}): Alert {
  return alertSchema.parse({
    id,
    rigId: 'r1',
    rigName: 'Rack A 1',
    ip: '127.0.0.2',
    code: 'overheat-chip',
    subject: '',
    severity: 'critical',
    text: 'chip 91 °C, limit 85 °C',
    sinceMs: 1_000,
    raisedAtMs: 31_000,
    updatedAtMs: 31_000,
    clearedAtMs: null,
    state: 'open',
    acknowledgedAtMs: null,
    snoozedUntilMs: null,
    inMaintenance: false,
    ...extra,
  });
}
