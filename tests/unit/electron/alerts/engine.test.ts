// @vitest-environment node
import { describe, expect, it } from 'vitest';

import {
  type EngineState,
  type Observation,
  acknowledge,
  activeAlerts,
  countAlerts,
  emptyState,
  snooze,
  step,
} from '../../../../electron/alerts/engine';
import type { AlertSettings } from '../../../../shared/alert-settings';
import type { Alert } from '../../../../shared/alerts';
import { SEC, T0, observation, problem, settings } from './fixtures';

/** Drives the engine poll by poll with a manual clock, collecting every change and notification. */
function driver(s: AlertSettings = settings(), start: EngineState = emptyState) {
  let state = start;
  let now = T0;
  let ids = 0;
  const changes: Alert[] = [];
  const notified: { alert: Alert; reminder: boolean }[] = [];
  const poll = (obs: Observation, advanceMs = 5 * SEC) => {
    now += advanceMs;
    const out = step(state, { ...obs, newId: () => `a${++ids}` }, s, now);
    state = out.state;
    changes.push(...out.changes);
    notified.push(...out.notifications);
    return out;
  };
  return {
    poll,
    changes,
    notified,
    get state() {
      return state;
    },
    set state(next: EngineState) {
      state = next;
    },
    get now() {
      return now;
    },
    active: () => activeAlerts(state, now),
  };
}

const hot = observation({ 'rig-01': [problem()] });
const cool = observation({});

describe('alerts engine', () => {
  it('does not flap for a temperature oscillating around the limit: one alert, one notification, one clear', () => {
    const d = driver();
    // 10 minutes of hot/cool alternating every poll (5 s): never present 30 s in a row, so nothing opens.
    for (let i = 0; i < 120; i++) d.poll(i % 2 === 0 ? hot : cool);
    expect(d.changes).toEqual([]);
    expect(d.notified).toEqual([]);

    // Hot for 30 s: opens once and notifies once.
    for (let i = 0; i < 7; i++) d.poll(hot);
    expect(d.active()).toHaveLength(1);
    expect(d.notified).toHaveLength(1);
    const opened = d.active()[0];
    expect(opened).toMatchObject({ rigId: 'rig-01', rigName: 'rig-01', ip: '10.0.0.1', state: 'open' });

    // Oscillating again: gone for 5 s at a time never reaches the 60 s clear time; the alert just stays.
    for (let i = 0; i < 120; i++) d.poll(i % 2 === 0 ? cool : hot);
    expect(d.active()).toHaveLength(1);
    expect(d.notified).toHaveLength(1);
    expect(d.changes.filter((c) => c.state === 'cleared')).toEqual([]);

    // Gone for 60 s: cleared, once.
    for (let i = 0; i < 13; i++) d.poll(cool);
    expect(d.active()).toEqual([]);
    const cleared = d.changes.filter((c) => c.state === 'cleared');
    expect(cleared).toHaveLength(1);
    expect(cleared[0]?.id).toBe(opened?.id);
  });

  it('re-opens the same alert, without notifying again, when the problem returns within the clear time', () => {
    const d = driver();
    for (let i = 0; i < 7; i++) d.poll(hot);
    for (let i = 0; i < 13; i++) d.poll(cool);
    expect(d.active()).toEqual([]);
    const id = d.changes[0]?.id;
    // Back 20 s after clearing, for 30 s: the same alert is open again, not a new one.
    for (let i = 0; i < 3; i++) d.poll(cool);
    for (let i = 0; i < 7; i++) d.poll(hot);
    expect(d.active().map((a) => [a.id, a.state])).toEqual([[id, 'open']]);
    expect(d.notified).toHaveLength(1);

    // Cleared again, and back long after: a new alert, notified.
    for (let i = 0; i < 13; i++) d.poll(cool);
    for (let i = 0; i < 30; i++) d.poll(cool);
    for (let i = 0; i < 7; i++) d.poll(hot);
    expect(d.active().map((a) => a.id)).not.toContain(id);
    expect(d.notified).toHaveLength(2);
  });

  it('raises one alert per problem (code and subject) per rig, and fleet problems with no rig', () => {
    const d = driver(settings({ sustainSec: 0 }));
    d.poll(
      observation(
        {
          'rig-01': [
            problem('fan-lost', 'warning', 'fan 1', '1'),
            problem('fan-lost', 'warning', 'fan 2', '2'),
          ],
          'rig-02': [problem('fan-lost', 'warning', 'fan 1', '1')],
        },
        [problem('pool-worker-unmatched', 'info', 'worker x credited, no rig', 'x')],
      ),
    );
    const active = d.active();
    expect(active).toHaveLength(4);
    expect(active.find((a) => a.rigId === null)).toMatchObject({
      code: 'pool-worker-unmatched',
      rigName: null,
    });
    expect(countAlerts(active)).toEqual({ open: 4, acknowledged: 0, critical: 0, warning: 3 });
  });

  it('sorts worst first and updates the evidence; getting worse notifies again', () => {
    const d = driver(settings({ sustainSec: 0 }));
    d.poll(
      observation({ 'rig-01': [problem('fan-slow', 'warning', 'fan 2000 rpm')], 'rig-02': [problem()] }),
    );
    expect(d.active().map((a) => a.code)).toEqual(['overheat-chip', 'fan-slow']);
    expect(d.notified).toHaveLength(2);
    d.poll(
      observation({ 'rig-01': [problem('fan-slow', 'critical', 'fan 300 rpm')], 'rig-02': [problem()] }),
    );
    expect(d.active().find((a) => a.rigId === 'rig-01')).toMatchObject({
      severity: 'critical',
      text: 'fan 300 rpm',
    });
    expect(d.notified).toHaveLength(3);
  });

  it('refreshes evidence that changes every poll at most once a minute', () => {
    const d = driver(settings({ sustainSec: 0 }));
    for (let i = 0; i < 60; i++) {
      d.poll(observation({ 'rig-01': [problem('offline', 'critical', `no answer for ${i * 5} s`)] }));
    }
    // Five minutes of polls (at 5 s … 300 s): the opening at 5 s, then refreshes at 65, 125, 185 and 245 s.
    expect(d.changes.map((c) => c.text)).toEqual([0, 60, 120, 180, 240].map((s) => `no answer for ${s} s`));
  });

  it('a severity oscillating between warning and critical notifies the rise once and drops only after the clear time', () => {
    const d = driver(settings({ sustainSec: 0 }));
    const at = (severity: 'warning' | 'critical') =>
      observation({ 'rig-01': [problem('overheat-chip', severity, severity)] });
    d.poll(at('warning'));
    for (let i = 0; i < 100; i++) d.poll(at(i % 2 === 0 ? 'critical' : 'warning'));
    expect(d.notified.map((n) => n.alert.severity)).toEqual(['warning', 'critical']);
    expect(d.active()[0]?.severity).toBe('critical');
    for (let i = 0; i < 12; i++) d.poll(at('warning'));
    expect(d.active()[0]?.severity).toBe('warning');
    expect(d.notified).toHaveLength(2);
  });

  it('reminds about a chronic fault on the slow cadence when asked, never by default', () => {
    const quiet = driver(settings({ sustainSec: 0 }));
    for (let i = 0; i < 2000; i++) quiet.poll(hot);
    expect(quiet.notified).toHaveLength(1);

    const d = driver(settings({ sustainSec: 0, remindEverySec: 3600 }));
    for (let i = 0; i < 2 * 720 + 1; i++) d.poll(hot); // two hours at 5 s
    expect(d.notified.map((n) => n.reminder)).toEqual([false, true, true]);
    expect(d.active()).toHaveLength(1);
  });

  it('acknowledged alerts stay until the problem ends but stop reminding', () => {
    const d = driver(settings({ sustainSec: 0, remindEverySec: 60 }));
    d.poll(hot);
    const id = d.active()[0]?.id ?? '';
    const ack = acknowledge(d.state, [id, 'no-such-alert'], d.now);
    d.state = ack.state;
    expect(ack.changes).toEqual([expect.objectContaining({ id, state: 'acknowledged' })]);
    for (let i = 0; i < 100; i++) d.poll(hot);
    expect(d.notified).toHaveLength(1);
    expect(d.active()[0]?.state).toBe('acknowledged');
    for (let i = 0; i < 13; i++) d.poll(cool);
    expect(d.active()).toEqual([]);
  });

  it('snoozed alerts stay open, sort last, and do not notify until unmuted', () => {
    const d = driver(settings({ sustainSec: 0, remindEverySec: 60 }));
    d.poll(observation({ 'rig-01': [problem()], 'rig-02': [problem('fan-slow', 'warning', 'slow')] }));
    expect(d.notified).toHaveLength(2);
    const rig1 = d.active().find((a) => a.rigId === 'rig-01');
    d.state = snooze(d.state, [rig1?.id ?? ''], 30, d.now).state;
    expect(d.active().map((a) => a.rigId)).toEqual(['rig-02', 'rig-01']);
    const both = observation({ 'rig-01': [problem()], 'rig-02': [problem('fan-slow', 'warning', 'slow')] });
    for (let i = 0; i < 24; i++) d.poll(both); // two minutes
    expect(d.notified.filter((n) => n.alert.rigId === 'rig-01')).toHaveLength(1);
    expect(d.notified.filter((n) => n.alert.rigId === 'rig-02').length).toBeGreaterThan(1);

    d.state = snooze(d.state, [rig1?.id ?? ''], 0, d.now).state;
    d.poll(both);
    expect(d.notified.filter((n) => n.alert.rigId === 'rig-01')).toHaveLength(2);
  });

  it('keeps alerts of rigs in maintenance (by rig or by label) but notifies them only after the window', () => {
    const d = driver(settings({ sustainSec: 0 }));
    d.state = {
      ...d.state,
      windows: [
        { id: 'w1', target: { kind: 'rig', rigId: 'rig-01' }, fromMs: T0, toMs: T0 + 60 * SEC, note: '' },
        { id: 'w2', target: { kind: 'label', label: 'even' }, fromMs: T0, toMs: T0 + 3600 * SEC, note: '' },
      ],
    };
    const three = observation({ 'rig-01': [problem()], 'rig-02': [problem()], 'rig-03': [problem()] });
    d.poll(three);
    expect(d.active().map((a) => [a.rigId, a.inMaintenance])).toEqual([
      ['rig-03', false],
      ['rig-01', true],
      ['rig-02', true],
    ]);
    expect(d.notified.map((n) => n.alert.rigId)).toEqual(['rig-03']);
    for (let i = 0; i < 12; i++) d.poll(three); // past rig-01's window
    expect(d.notified.map((n) => n.alert.rigId)).toEqual(['rig-03', 'rig-01']);
    expect(d.active().find((a) => a.rigId === 'rig-01')?.inMaintenance).toBe(false);
  });

  it('a disabled rule raises nothing; notify off keeps the alert but hands nothing on', () => {
    const d = driver(
      settings({
        sustainSec: 0,
        rules: {
          'overheat-chip': { enabled: false, notify: true },
          'fan-slow': { enabled: true, notify: false },
        },
      }),
    );
    d.poll(observation({ 'rig-01': [problem(), problem('fan-slow', 'warning', 'slow')] }));
    expect(d.active().map((a) => a.code)).toEqual(['fan-slow']);
    expect(d.notified).toEqual([]);
  });
});
