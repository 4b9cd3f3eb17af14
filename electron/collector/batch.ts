/**
 * What one poll cycle hands to the history store, pure: snapshot → sample rows (per rig and per chain), and
 * changes of liveness, miner state and restarts → event rows with a short text a technician can read.
 */
import { type MinerState, type RigSnapshot } from '../../shared/rig';
import { type Liveness } from '../../shared/telemetry';
import {
  type ChainSampleRow,
  type CycleBatch,
  type RigEventRow,
  type RigSampleRow,
} from '../store/history-types';
import { boardTempMax, chipTempMax, fanRpmMin } from './live';

export function sampleRow(rigId: string, s: RigSnapshot, poolHashrateMhs: number | null): RigSampleRow {
  return {
    rigId,
    takenAtMs: s.takenAtMs,
    hashrateMhs: s.hashrateMhs,
    powerW: s.powerW,
    efficiencyJPerMh: s.efficiencyJPerMh,
    chipTempMaxC: chipTempMax(s),
    boardTempMaxC: boardTempMax(s),
    fanRpmMin: fanRpmMin(s),
    poolHashrateMhs,
    minerState: s.minerState,
  };
}

export function chainRows(rigId: string, s: RigSnapshot): ChainSampleRow[] {
  return s.chains.map((c) => ({
    rigId,
    takenAtMs: s.takenAtMs,
    chainId: c.id,
    state: c.state,
    hashrateMhs: c.hashrateMhs,
    chipTempMaxC: c.chipTemp.maxC,
    boardTempMaxC: c.boardTemp.maxC,
    frequencyMhz: c.frequencyMhz,
    voltageMv: c.voltageMv,
    chipsRed: c.chipGrades?.red ?? null,
    chipsOrange: c.chipGrades?.orange ?? null,
  }));
}

/** The part of a rig's state whose changes are logged. */
export type HealthView = {
  liveness: Liveness;
  restarting: boolean;
  minerState: MinerState;
  failureCode: number | null;
  failureDescription: string | null;
};

export type TransitionContext = {
  /** How long the rig had been silent when it changed (for "offline after 62 s"), or was silent before answering. */
  silentMs: number;
  misses: number;
  lastError: string | null;
};

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 120) return `${m} min`;
  return `${Math.round(m / 60)} h`;
}

function livenessText(before: Liveness, after: Liveness, c: TransitionContext): string {
  const why = c.lastError === null ? '' : ` (${c.lastError})`;
  switch (after) {
    case 'offline':
      return `offline after ${formatDuration(c.silentMs)} without an answer${why}`;
    case 'stale':
      return c.misses > 0 ? `stale: ${c.misses} polls missed${why}` : 'stale: no recent poll';
    case 'online':
      return before === 'offline' || before === 'stale'
        ? `online again after ${formatDuration(c.silentMs)} without an answer`
        : 'online';
    case 'unknown':
      return 'not polled yet';
  }
}

/** Events for one rig between two views; first contact (unknown → online) is not news and is not logged. */
export function transitionEvents(
  rigId: string,
  before: HealthView,
  after: HealthView,
  atMs: number,
  c: TransitionContext,
): RigEventRow[] {
  const out: RigEventRow[] = [];
  if (before.liveness !== after.liveness && !(before.liveness === 'unknown' && after.liveness === 'online')) {
    out.push({
      rigId,
      atMs,
      kind: 'liveness',
      text: livenessText(before.liveness, after.liveness, c),
      liveness: after.liveness,
    });
  }
  if (before.restarting !== after.restarting) {
    out.push({
      rigId,
      atMs,
      kind: 'reboot',
      text: after.restarting
        ? 'restarting'
        : after.liveness === 'online'
          ? `back from restart, ${after.minerState}`
          : 'not back by the restart deadline',
    });
  }
  if (before.minerState !== after.minerState && before.minerState !== 'unknown') {
    if (after.minerState === 'failure') {
      const code = after.failureCode === null ? '' : ` ${after.failureCode}`;
      const text = after.failureDescription === null ? '' : `: ${after.failureDescription}`;
      out.push({ rigId, atMs, kind: 'failure', text: `failure${code}${text}` });
    } else {
      out.push({ rigId, atMs, kind: 'miner-state', text: `${before.minerState} → ${after.minerState}` });
    }
  }
  return out;
}

/**
 * A reboot nobody asked for shows as the control board's uptime going backwards between two reads of it (the
 * uptime as read, not as advanced in between, so a clock that disagrees with the miner's cannot fake one).
 */
export function rebootEvent(
  rigId: string,
  before: number | null,
  after: number | null,
  atMs: number,
): RigEventRow | null {
  if (before === null || after === null || after >= before) return null;
  return { rigId, atMs, kind: 'reboot', text: `rebooted (up ${formatDuration(after * 1000)})` };
}

export type UnsavedSample = { rigId: string; snapshot: RigSnapshot; poolHashrateMhs: number | null };

/** One cycle's batch: a sample (and its chains) per rig polled since the last cycle, and the events. */
export function cycleBatch(unsaved: Iterable<UnsavedSample>, events: RigEventRow[]): CycleBatch {
  const samples: RigSampleRow[] = [];
  const chains: ChainSampleRow[] = [];
  for (const u of unsaved) {
    samples.push(sampleRow(u.rigId, u.snapshot, u.poolHashrateMhs));
    chains.push(...chainRows(u.rigId, u.snapshot));
  }
  return { samples, chains, events };
}
