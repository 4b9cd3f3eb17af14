// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { escapeLabel, renderMetrics } from '../../../../electron/server/metrics';
import type { RigRecord } from '../../../../shared/fleet';
import type { FleetSummary, RigLive } from '../../../../shared/telemetry';

const rig = (id: string, name: string): RigRecord => ({
  id,
  name,
  labels: [],
  ip: `127.0.1.${id}`,
  httpPort: 80,
  rpcPort: 4028,
  serial: null,
  mac: null,
  model: 'Antminer L7',
  firmware: 'Vnish',
  firmwareVersion: '1.3.4',
  hostname: null,
  addedAt: 0,
  updatedAt: 0,
  hasOwnPassword: false,
});

const live = (rigId: string, liveness: RigLive['liveness']): RigLive => ({
  rigId,
  liveness,
  takenAtMs: 1_700_000_000_000,
  lastPollMs: 1_700_000_000_000,
  lastError: null,
  minerState: 'mining',
  restarting: false,
  failureCode: null,
  failureDescription: null,
  hashrateMhs: 9500,
  nominalHashrateMhs: 9500,
  powerW: 3425,
  efficiencyJPerMh: 0.36,
  chipTempMaxC: 71,
  boardTempMaxC: 60,
  fanRpmMin: 4200,
  fansLost: 0,
  uptimeSec: 3600,
  preset: '3425',
  chains: [],
  poolHashrateMhs: null,
  workerName: null,
  health: 'ok',
  problems: [],
});

const summary: FleetSummary = {
  asOfMs: 0,
  rigs: {
    total: 2,
    online: 1,
    stale: 1,
    offline: 0,
    unknown: 0,
    byMinerState: { mining: 2 },
    byHealth: { ok: 1, warning: 0, critical: 0, unknown: 1 },
  },
  hashrateMhs: 9500,
  nominalHashrateMhs: 9500,
  poolHashrateMhs: null,
  powerW: 3425,
  efficiencyJPerMh: 0.36,
  missingHashrateMhs: 0,
  fleetProblems: [],
};

describe('Prometheus exposition', () => {
  const text = renderMetrics(
    [rig('1', 'A "quoted" rig'), rig('2', 'stale-rig')],
    new Map([
      ['1', live('1', 'online')],
      ['2', live('2', 'stale')],
    ]),
    summary,
  );

  it('is valid text format: HELP and TYPE per family, one sample per line, ends with a newline', () => {
    for (const l of text.trimEnd().split('\n')) {
      expect(l).toMatch(/^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[^}]*\})? (-?[0-9.e+]+|NaN))$/);
    }
    expect(text.endsWith('\n')).toBe(true);
  });

  it('exports live figures of online rigs only; a stale rig is down with its last-seen time and no frozen values', () => {
    expect(text).toContain(
      'rigdeck_rig_hashrate_mhs{rig="A \\"quoted\\" rig",rig_id="1",ip="127.0.1.1",model="Antminer L7"} 9500',
    );
    expect(text).toMatch(/rigdeck_rig_up\{rig="stale-rig"[^}]*\} 0/);
    expect(text).toMatch(/rigdeck_rig_last_seen_timestamp_seconds\{rig="stale-rig"[^}]*\} 1700000000/);
    expect(text).not.toMatch(/rigdeck_rig_hashrate_mhs\{rig="stale-rig"/);
    expect(text).toContain('rigdeck_fleet_rigs{liveness="stale"} 1');
    expect(text).toContain('rigdeck_fleet_hashrate_mhs 9500');
  });

  it('escapes label values', () => {
    expect(escapeLabel('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
  });
});
