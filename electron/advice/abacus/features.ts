/**
 * The row RigDeck streams to Abacus.AI for one rig (docs/abacus.md §10): what the model scores a rig on, named as
 * plain identifiers, numbers in RigDeck's units. No IP, no rig name, no worker name (it carries the pool
 * account): the rig is known by its RigDeck id only. Pure.
 */
import type { RigSnapshot } from '../../../shared/rig';
import type { RigLive } from '../../../shared/telemetry';

export type FeatureValue = string | number | null;
export type FeatureRow = Record<string, FeatureValue>;

const round = (v: number | null, places = 2): number | null => {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** places;
  return Math.round(v * f) / f;
};

const sum = (xs: readonly (number | null)[]): number | null =>
  xs.some((x) => x !== null) ? xs.reduce<number>((a, x) => a + (x ?? 0), 0) : null;

/** Rejected shares as a % of all answered on the rig's own pools (dev fee pools are the firmware's, not ours). */
export function rejectPct(snap: RigSnapshot | null): number | null {
  const pools = snap?.pools.filter((p) => p.kind === 'user' || p.kind === 'unknown') ?? [];
  const accepted = sum(pools.map((p) => p.accepted));
  const rejected = sum(pools.map((p) => p.rejected));
  if (accepted === null || rejected === null || accepted + rejected <= 0) return null;
  return round((rejected / (accepted + rejected)) * 100, 3);
}

export function featureRow(live: RigLive, snap: RigSnapshot | null): FeatureRow | null {
  if (live.takenAtMs === null) return null;
  const ratio =
    live.hashrateMhs !== null && live.nominalHashrateMhs !== null && live.nominalHashrateMhs > 0
      ? round(live.hashrateMhs / live.nominalHashrateMhs, 4)
      : null;
  return {
    rig_id: live.rigId,
    // Appends are not idempotent (docs/abacus.md §6): a retried batch may land twice, so each row carries its id.
    sample_id: `${live.rigId}:${live.takenAtMs}`,
    sample_ts: new Date(live.takenAtMs).toISOString(),
    model: snap?.identity.modelCode ?? null,
    firmware_version: snap?.identity.firmwareVersion ?? null,
    preset: live.preset,
    liveness: live.liveness,
    miner_state: live.minerState,
    health: live.health,
    problem_count: live.problems.length,
    hashrate_mhs: round(live.hashrateMhs),
    hashrate_nominal_mhs: round(live.nominalHashrateMhs),
    hashrate_ratio: ratio,
    pool_hashrate_mhs: round(live.poolHashrateMhs),
    power_w: round(live.powerW, 0),
    efficiency_j_per_mh: round(live.efficiencyJPerMh, 4),
    temp_max_c: round(live.chipTempMaxC, 1),
    board_temp_max_c: round(live.boardTempMaxC, 1),
    fan_rpm_min: round(live.fanRpmMin, 0),
    fan_duty_pct: round(snap?.fanDutyPercent ?? null, 0),
    fans_lost: live.fansLost,
    hw_errors: round(snap?.hwErrors ?? null, 0),
    hw_error_pct: round(snap?.hwErrorsPercent ?? null, 4),
    reject_pct: rejectPct(snap),
    chains: live.chains.length,
    chains_failed: live.chains.filter((c) => c.state === 'failure' || c.state === 'disconnected').length,
    chips_red: sum(live.chains.map((c) => c.chipsRed)),
    chips_orange: sum(live.chains.map((c) => c.chipsOrange)),
    throttle_pct: round(snap?.throttledPercent ?? null, 0),
    uptime_sec: round(live.uptimeSec, 0),
    failure_code: live.failureCode,
  };
}

/** Rows for the rigs measured since they were last streamed; `sent` is advanced by the caller once queued. */
export function newRows(
  lives: readonly RigLive[],
  snapshot: (rigId: string) => RigSnapshot | null,
  sent: ReadonlyMap<string, number>,
): FeatureRow[] {
  const rows: FeatureRow[] = [];
  for (const live of lives) {
    if (live.takenAtMs === null || (sent.get(live.rigId) ?? -1) >= live.takenAtMs) continue;
    const row = featureRow(live, snapshot(live.rigId));
    if (row) rows.push(row);
  }
  return rows;
}
