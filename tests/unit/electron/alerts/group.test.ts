// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { type Due, emptyState, step } from '../../../../electron/alerts/engine';
import { type GroupState, emptyGroupState, offer } from '../../../../electron/alerts/group';
import type { Problem } from '../../../../shared/health';
import { SEC, T0, observation, problem, rigName, settings } from './fixtures';

/** What the engine hands on when `rigs` all cross their sustain time in one poll. */
function burst(byRig: Record<string, Problem[]>): Due[] {
  return step(emptyState, observation(byRig), settings({ sustainSec: 0 }), T0).notifications;
}
const tenHot = () => Object.fromEntries(Array.from({ length: 10 }, (_, i) => [rigName(i + 1), [problem()]]));

describe('notification grouping and throttling', () => {
  it('turns a burst across ten rigs into one grouped notification', () => {
    const out = offer(emptyGroupState, burst(tenHot()), settings({ sound: true }), T0);
    expect(out.send).toEqual([
      {
        title: '10 rigs overheating (chips)',
        body: '10 rigs overheating (chips): rig-01, rig-02, rig-03, rig-04, rig-05, …',
        rigIds: Array.from({ length: 10 }, (_, i) => rigName(i + 1)),
        severity: 'critical',
        sound: true,
      },
    ]);
  });

  it('sends a lone alert at once with its evidence, silent unless critical with sound on', () => {
    const due = burst({ 'rig-07': [problem('fan-slow', 'warning', 'fan 1,900 rpm')] });
    const out = offer(emptyGroupState, due, settings({ sound: true }), T0);
    expect(out.send).toEqual([
      {
        title: 'rig-07 with a slow fan',
        body: 'fan 1,900 rpm',
        rigIds: ['rig-07'],
        severity: 'warning',
        sound: false,
      },
    ]);
    const critical = offer(emptyGroupState, burst({ 'rig-07': [problem()] }), settings({ sound: false }), T0);
    expect(critical.send[0]?.sound).toBe(false);
  });

  it('holds what arrives within the group window and sends it as one when the window ends', () => {
    const s = settings({ groupWindowSec: 5 });
    let g: GroupState = offer(emptyGroupState, burst({ 'rig-01': [problem()] }), s, T0).state;
    const sent: string[] = [];
    for (let i = 2; i <= 6; i++) {
      const out = offer(g, burst({ [rigName(i)]: [problem()] }), s, T0 + (i - 1) * 500);
      expect(out.send).toEqual([]);
      expect(out.wakeAtMs).toBe(T0 + 5 * SEC);
      g = out.state;
    }
    const flushed = offer(g, [], s, T0 + 5 * SEC);
    sent.push(...flushed.send.map((n) => n.title));
    expect(sent).toEqual(['5 rigs overheating (chips)']);
  });

  it('never sends more than maxPerMinute: the overflow folds into one, then waits for the minute', () => {
    const s = settings({ maxPerMinute: 3, groupWindowSec: 0 });
    const codes = ['overheat-chip', 'fan-lost', 'chain-failed', 'hashrate-low', 'pool-down'] as const;
    const many = burst(Object.fromEntries(codes.map((c, i) => [rigName(i + 1), [problem(c, 'warning', c)]])));
    const first = offer(emptyGroupState, many, s, T0);
    expect(first.send).toHaveLength(3);
    expect(first.send[2]).toMatchObject({ title: '3 more alerts' });

    const blocked = offer(first.state, burst({ 'rig-09': [problem()] }), s, T0 + 10 * SEC);
    expect(blocked.send).toEqual([]);
    expect(blocked.wakeAtMs).toBe(T0 + 60 * SEC);
    const later = offer(blocked.state, [], s, T0 + 60 * SEC);
    expect(later.send.map((n) => n.title)).toEqual(['rig-09 overheating (chips)']);
  });
});
