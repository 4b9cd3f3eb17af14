/**
 * How a poll result, the passing of time, or a restart request changes a rig's entry, pure: the new entry, the
 * events worth logging, and whether subscribers should hear about it before the cycle ends (liveness or
 * restarting changed).
 */
import { type RigEventRow } from '../store/history-types';
import { formatDuration, rebootEvent, transitionEvents } from './batch';
import { answered, elapse, type LivenessConfig, missed, requestRestart, silenceMs } from './liveness';
import { expectRestart } from '../health/restarts';
import { type PollOutcome } from './poll-rig';
import { healthView, type RigEntry } from './rig-entry';

export type Applied = { entry: RigEntry; events: readonly RigEventRow[]; urgent: boolean };

const NO_EVENTS: readonly RigEventRow[] = [];

function judged(id: string, before: RigEntry, after: RigEntry, at: number, silentMs: number): Applied {
  // The usual poll of a rig that keeps answering: nothing the events or the badge show changed.
  if (
    before.health.liveness === after.health.liveness &&
    before.health.minerState === after.health.minerState &&
    before.health.restart === null &&
    after.health.restart === null
  ) {
    return { entry: after, events: NO_EVENTS, urgent: false };
  }
  const a = healthView(before, at);
  const b = healthView(after, at);
  const ctx = { silentMs, misses: after.health.misses, lastError: after.poll.lastError };
  return {
    entry: after,
    events: transitionEvents(id, a, b, at, ctx),
    urgent: a.liveness !== b.liveness || a.restarting !== b.restarting,
  };
}

export function applyAnswer(
  id: string,
  e: RigEntry,
  out: PollOutcome,
  startedAt: number,
  cfg: LivenessConfig,
): Applied {
  const at = out.snapshot.takenAtMs;
  const silentMs = silenceMs(e.health, at);
  const changedState = e.health.minerState !== 'unknown' && e.health.minerState !== out.snapshot.minerState;
  // A restart we asked for explains an uptime reset; anything else is a reboot nobody asked for.
  const reboot =
    out.detailRead && !e.restartSinceDetail
      ? rebootEvent(id, e.detail?.uptimeSec ?? null, out.detail?.uptimeSec ?? null, at)
      : null;
  // After silence or a change of state, identity and uptime may have changed (a reboot): read them next poll.
  const suspicious = silentMs > 0 || changedState;
  const health = answered(e.health, at, out.snapshot.minerState, cfg);
  // A Vnish rig read over RPC since REST failed stays degraded until REST answers again.
  const degraded = out.source === 'vnish-rest' ? null : (out.degraded ?? e.check.degraded);
  const model = out.model ?? e.check.model;
  const c = e.check;
  // Every field written out, not spread: this runs for every rig at every poll, and a literal of known shape is
  // several times cheaper than a spread with overrides (the compiler still makes every field be named).
  const next: RigEntry = {
    gen: e.gen,
    record: e.record,
    client: out.client,
    password: out.password,
    source: out.source,
    detail: out.detail,
    slow: out.slow,
    detailDue: out.detailRead ? suspicious : e.detailDue || suspicious,
    slowDue: out.slowRead ? false : e.slowDue,
    chipsDue: out.chipsRead ? false : e.chipsDue,
    restartSinceDetail: out.detailRead ? health.restart !== null : e.restartSinceDetail,
    snapshot: out.snapshot,
    unsaved: out.snapshot,
    health,
    // The same health state when nothing in it moved, so its last verdict stays attached (rig-entry.ts).
    check:
      c.model === model &&
      c.implausible.length === 0 &&
      out.implausible.length === 0 &&
      c.degraded === degraded
        ? c
        : { memory: c.memory, step: c.step, model, implausible: out.implausible, degraded },
    poll: { lastPollMs: startedAt, lastError: degraded },
    pool: e.pool,
  };
  const applied = judged(id, e, next, at, silentMs);
  return reboot === null ? applied : { ...applied, events: [reboot, ...applied.events] };
}

export function applyMiss(
  id: string,
  e: RigEntry,
  error: string,
  at: number,
  startedAt: number,
  cfg: LivenessConfig,
): Applied {
  const health = missed(e.health, at, cfg);
  const next: RigEntry = { ...e, health, poll: { lastPollMs: startedAt, lastError: error } };
  return judged(id, e, next, at, silenceMs(health, at));
}

export function applyElapse(id: string, e: RigEntry, now: number, cfg: LivenessConfig): Applied {
  const health = elapse(e.health, now, cfg);
  if (health === e.health) return { entry: e, events: [], urgent: false };
  return judged(id, e, { ...e, health }, now, silenceMs(health, now));
}

export function applyRestart(id: string, e: RigEntry, untilMs: number, now: number): Applied {
  const next: RigEntry = {
    ...e,
    health: requestRestart(e.health, untilMs),
    check: { ...e.check, memory: expectRestart(e.check.memory, untilMs) },
    detailDue: true,
    restartSinceDetail: true,
  };
  const event: RigEventRow = {
    rigId: id,
    atMs: now,
    kind: 'reboot',
    text: `restart requested, expected back within ${formatDuration(Math.max(0, untilMs - now))}`,
  };
  return { entry: next, events: [event], urgent: true };
}

/**
 * The restart we announced did not happen (the miner refused it): the rig is no longer shown restarting, and a
 * restart it makes from now on is its own again, not one RigDeck asked for.
 */
export function applyCancelRestart(id: string, e: RigEntry, now: number): Applied {
  if (e.health.restart === null) return { entry: e, events: [], urgent: false };
  const next: RigEntry = {
    ...e,
    health: { ...e.health, restart: null },
    check: { ...e.check, memory: { ...e.check.memory, expectRestartUntilMs: 0 } },
    restartSinceDetail: false,
  };
  const event: RigEventRow = {
    rigId: id,
    atMs: now,
    kind: 'reboot',
    text: 'restart request refused by the miner',
  };
  return { entry: next, events: [event], urgent: true };
}
