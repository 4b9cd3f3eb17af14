// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';

import { type AlertService, createAlertService } from '../../../../electron/alerts/service';
import { createAlertStore } from '../../../../electron/alerts/store';
import { type Db, openDb } from '../../../../electron/store/db';
import type { AlertSettings } from '../../../../shared/alert-settings';
import type { AlertsChanged } from '../../../../shared/alerts';
import type { Problem } from '../../../../shared/health';
import { tempDir } from '../../../helpers/core';
import { type ManualClock, manualClock } from '../pool/manual-clock';
import { SEC, T0, problem, rigInfo, settings } from './fixtures';

const open: { db: Db; service: AlertService }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.service.stop();
    o.db.$client.close();
  }
});

/** The service over a real SQLite file in `dir`, as the core builds it; events are recorded. */
function start(dir: string, clock: ManualClock, s: AlertSettings = settings(), historyMs?: number) {
  const db = openDb(dir);
  const events: AlertsChanged[] = [];
  let n = 0;
  const service = createAlertService({
    store: createAlertStore(db),
    settings: () => s,
    rigs: () => rigInfo,
    clock,
    newId: () => `id-${clock.now()}-${++n}`,
    emit: (e) => events.push(e),
    ...(historyMs === undefined ? {} : { historyMs }),
  });
  open.push({ db, service });
  return { service, events, notified: () => events.flatMap((e) => e.notify) };
}

const update = (byRig: Record<string, Problem[]>, removed: string[] = []) => ({
  live: Object.entries(byRig).map(([rigId, problems]) => ({ rigId, problems })),
  removed,
});

describe('alert service', () => {
  it('keeps open and past alerts across a restart without raising or notifying them again', async () => {
    const dir = tempDir();
    const clock = manualClock(T0);
    const first = start(dir, clock);
    const both = update({
      'rig-01': [problem()],
      'rig-02': [problem('fan-lost', 'warning', 'fan 2 lost', '2')],
    });
    for (let i = 0; i <= 6; i++) {
      first.service.observe(both);
      await clock.advance(5 * SEC);
    }
    expect(first.notified().map((n) => n.title)).toEqual([
      'rig-01 overheating (chips)',
      'rig-02 with a lost fan',
    ]);
    // The collector sends only rigs that changed: rig-01 missing from an update still has its problem.
    for (let i = 0; i <= 12; i++) {
      first.service.observe(update({ 'rig-02': [] }));
      await clock.advance(5 * SEC);
    }
    const before = first.service.list({ scope: 'all', limit: 10 });
    expect(before.alerts.map((a) => [a.rigId, a.state])).toEqual([
      ['rig-01', 'open'],
      ['rig-02', 'cleared'],
    ]);
    expect(before.counts).toEqual({ open: 1, acknowledged: 0, critical: 1, warning: 0 });
    first.service.addWindow({
      target: { kind: 'label', label: 'odd' },
      fromMs: T0,
      toMs: T0 + 86_400_000,
      note: 'x',
    });
    first.service.stop();
    open.shift()?.db.$client.close();

    await clock.advance(600 * SEC);
    const second = start(dir, clock);
    expect(second.service.list({ scope: 'all', limit: 10 }).alerts).toEqual(
      before.alerts.map((a) =>
        a.rigId === 'rig-01' ? { ...a, inMaintenance: true, updatedAtMs: expect.any(Number) } : a,
      ),
    );
    expect(second.service.windows().map((w) => w.note)).toEqual(['x']);
    for (let i = 0; i < 20; i++) {
      second.service.observe(update({ 'rig-01': [problem()] }));
      await clock.advance(5 * SEC);
    }
    expect(second.notified()).toEqual([]);
    expect(second.service.list({ scope: 'active', limit: 10 }).alerts.map((a) => a.id)).toEqual([
      before.alerts[0]?.id,
    ]);
  });

  it('acknowledge, snooze and maintenance are written through and announced with the counts', async () => {
    const dir = tempDir();
    const clock = manualClock(T0);
    const s = start(dir, clock, settings({ sustainSec: 0, remindEverySec: 60 }));
    s.service.observe(update({ 'rig-01': [problem()], 'rig-02': [problem()] }));
    const [a, b] = s.service.list({ scope: 'active', limit: 10 }).alerts;
    expect(s.service.acknowledge([a?.id ?? ''])).toEqual([
      expect.objectContaining({ state: 'acknowledged' }),
    ]);
    expect(s.events.at(-1)?.counts).toEqual({ open: 1, acknowledged: 1, critical: 2, warning: 0 });
    expect(s.service.snooze([b?.id ?? ''], 15)[0]?.snoozedUntilMs).toBe(clock.now() + 15 * 60 * SEC);
    for (let i = 0; i < 24; i++) {
      s.service.observe(update({}));
      await clock.advance(5 * SEC);
    }
    expect(s.notified()).toHaveLength(1); // the first group; acknowledged and snoozed never remind

    const w = s.service.addWindow({
      target: { kind: 'rig', rigId: 'rig-03' },
      fromMs: 0,
      toMs: clock.now() + 3_600_000,
      note: '',
    });
    s.service.observe(update({ 'rig-03': [problem('offline', 'critical', 'no answer for 2 min')] }));
    expect(s.service.list({ scope: 'active', rigId: 'rig-03', limit: 10 }).alerts[0]?.inMaintenance).toBe(
      true,
    );
    expect(s.notified()).toHaveLength(1);
    expect(s.service.removeWindow(w.id)).toBe(true);
    expect(s.service.removeWindow(w.id)).toBe(false);
    expect(s.service.windows()).toEqual([]);
    expect(s.notified().at(-1)).toMatchObject({ title: 'rig-03 offline', rigIds: ['rig-03'] });

    s.service.stop();
    open.shift()?.db.$client.close();
    const again = start(dir, clock);
    const states = again.service.list({ scope: 'active', limit: 10 }).alerts.map((x) => [x.rigId, x.state]);
    expect(states).toEqual([
      ['rig-03', 'open'],
      ['rig-01', 'acknowledged'],
      ['rig-02', 'open'],
    ]);
  });

  it('forgets cleared alerts and ended windows older than the history it keeps', async () => {
    const dir = tempDir();
    const clock = manualClock(T0);
    const s = start(dir, clock, settings({ sustainSec: 0, clearSec: 0 }));
    s.service.observe(update({ 'rig-01': [problem()], 'rig-02': [problem()] }));
    s.service.addWindow({
      target: { kind: 'rig', rigId: 'rig-09' },
      fromMs: T0,
      toMs: T0 + 60 * SEC,
      note: '',
    });
    await clock.advance(5 * SEC);
    s.service.observe(update({ 'rig-01': [] }));
    s.service.stop();
    open.shift()?.db.$client.close();

    await clock.advance(10 * 86_400 * SEC);
    const kept = start(dir, clock, settings(), 30 * 86_400 * SEC);
    expect(kept.service.list({ scope: 'all', limit: 10 }).alerts.map((a) => [a.rigId, a.state])).toEqual([
      ['rig-02', 'open'],
      ['rig-01', 'cleared'],
    ]);
    kept.service.stop();
    open.shift()?.db.$client.close();

    const pruned = start(dir, clock, settings(), 5 * 86_400 * SEC);
    expect(pruned.service.list({ scope: 'all', limit: 10 }).alerts.map((a) => [a.rigId, a.state])).toEqual([
      ['rig-02', 'open'],
    ]);
    const db = open[0]?.db;
    expect(db?.$client.prepare('SELECT count(*) FROM maintenance_windows').pluck().get()).toBe(0);
  });
});
