/**
 * Who in a bulk job starts when: at most `cap` rigs in flight, starts at least `staggerMs` apart. Pure: the
 * job runner asks after every start, finish and wake-up, and does what it is told.
 */
import { type ActionKind } from '../../shared/control';

export type PaceInput = {
  now: number;
  queued: number;
  running: number;
  /** Null: not paced, every queued rig may start now. */
  cap: number | null;
  staggerMs: number;
  lastStartMs: number | null;
};

/** How many to start now, and when to ask again if nothing else (a finish) happens first. */
export type PaceDecision = { start: number; wakeAtMs: number | null };

/** Only the locate LED leaves the power draw as it is; everything else can surge PSUs. */
export function changesPower(kind: ActionKind): boolean {
  return kind !== 'locate';
}

export function pace(p: PaceInput): PaceDecision {
  if (p.queued <= 0) return { start: 0, wakeAtMs: null };
  if (p.cap === null) return { start: p.queued, wakeAtMs: null };
  const free = p.cap - p.running;
  // Full: the next finish asks again.
  if (free <= 0) return { start: 0, wakeAtMs: null };
  if (p.staggerMs <= 0) return { start: Math.min(free, p.queued), wakeAtMs: null };
  const due = p.lastStartMs === null ? p.now : p.lastStartMs + p.staggerMs;
  if (p.now < due) return { start: 0, wakeAtMs: due };
  const more = p.queued > 1 && free > 1;
  return { start: 1, wakeAtMs: more ? p.now + p.staggerMs : null };
}
