/**
 * Grouping and throttling notifications, pure. The first alerts of a burst go out at once, grouped per problem
 * ("5 rigs overheating (chips): rig-03, rig-07, …"); what arrives in the next groupWindowSec is held and sent as
 * one group when the window ends. At most maxPerMinute go out in any minute: past that, the rest is folded into
 * one "N more alerts" or held until the minute allows. Never a storm.
 */
import type { AlertSettings } from '../../shared/alert-settings';
import type { AlertNotification } from '../../shared/alerts';
import { type Severity, severityRank } from '../../shared/health';
import type { Due } from './engine';
import { problemWords } from './wording';

export type GroupState = {
  readonly held: readonly Due[];
  /** Until then, new alerts are held for one grouped notification; null: send the next one at once. */
  readonly windowEndsMs: number | null;
  /** When notifications went out in the last minute (the throttle). */
  readonly sentAtMs: readonly number[];
};

export const emptyGroupState: GroupState = { held: [], windowEndsMs: null, sentAtMs: [] };

export type Offered = {
  state: GroupState;
  send: AlertNotification[];
  /** Call `offer(state, [], …)` again at this time (a window ends, or the throttle lets more out). */
  wakeAtMs: number | null;
};

const MINUTE = 60_000;
const NAMES_SHOWN = 5;

export function offer(
  state: GroupState,
  due: readonly Due[],
  settings: Pick<AlertSettings, 'groupWindowSec' | 'maxPerMinute' | 'sound'>,
  nowMs: number,
): Offered {
  const held = [...state.held, ...due];
  const sentAtMs = state.sentAtMs.filter((t) => t > nowMs - MINUTE);
  if (held.length === 0) return { state: { held, windowEndsMs: null, sentAtMs }, send: [], wakeAtMs: null };
  if (state.windowEndsMs !== null && nowMs < state.windowEndsMs) {
    return { state: { ...state, held, sentAtMs }, send: [], wakeAtMs: state.windowEndsMs };
  }
  const budget = settings.maxPerMinute - sentAtMs.length;
  if (budget <= 0) {
    const wakeAtMs = (sentAtMs[0] ?? nowMs) + MINUTE;
    return { state: { held, windowEndsMs: null, sentAtMs }, send: [], wakeAtMs };
  }
  const groups = groupByProblem(held);
  const kept = groups.length <= budget ? groups : groups.slice(0, budget - 1);
  const send = kept.map((g) => describe(g, settings.sound));
  if (kept.length < groups.length)
    send.push(describeFolded(groups.slice(kept.length).flat(), settings.sound));
  const windowEndsMs = settings.groupWindowSec > 0 ? nowMs + settings.groupWindowSec * 1000 : null;
  return {
    state: { held: [], windowEndsMs, sentAtMs: [...sentAtMs, ...send.map(() => nowMs)] },
    send,
    wakeAtMs: null,
  };
}

function groupByProblem(due: readonly Due[]): Due[][] {
  const groups = new Map<string, Due[]>();
  for (const d of due) {
    const key = `${d.alert.code}\u0000${d.reminder ? 'r' : 'n'}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  // Worst problems first, so a throttled burst folds the mildest.
  return [...groups.values()].sort((a, b) => severityRank(worst(b)) - severityRank(worst(a)));
}

function worst(group: readonly Due[]): Severity {
  let w: Severity = 'info';
  for (const d of group) if (severityRank(d.alert.severity) > severityRank(w)) w = d.alert.severity;
  return w;
}

const nameOf = (d: Due) => d.alert.rigName ?? d.alert.rigId ?? (d.alert.subject || 'fleet');

function names(group: readonly Due[]): string {
  const all = [...new Set(group.map(nameOf))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return all.slice(0, NAMES_SHOWN).join(', ') + (all.length > NAMES_SHOWN ? ', …' : '');
}

function rigIds(group: readonly Due[]): string[] {
  return [...new Set(group.flatMap((d) => (d.alert.rigId === null ? [] : [d.alert.rigId])))];
}

function describe(group: readonly Due[], sound: boolean): AlertNotification {
  const first = group[0] as Due;
  const severity = worst(group);
  const words = problemWords[first.alert.code];
  const still = first.reminder ? 'Still: ' : '';
  const count = new Set(group.map((d) => d.alert.rigId ?? d.alert.subject)).size;
  // Fleet-level problems name pool workers, not rigs.
  const things = `${count} ${first.alert.rigId === null ? 'workers' : 'rigs'} ${words}`;
  const single = group.length === 1;
  return {
    title: single ? `${still}${nameOf(first)} ${words}` : `${still}${things}`,
    body: single ? first.alert.text : `${things}: ${names(group)}`,
    rigIds: rigIds(group),
    severity,
    sound: sound && severity === 'critical',
  };
}

function describeFolded(rest: readonly Due[], sound: boolean): AlertNotification {
  const severity = worst(rest);
  return {
    title: `${rest.length} more alerts`,
    body: names(rest),
    rigIds: rigIds(rest),
    severity,
    sound: sound && severity === 'critical',
  };
}
