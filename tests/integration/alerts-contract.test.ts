// @vitest-environment node
/**
 * The alerts methods through the dispatcher of a real core on a real data directory, as every face calls them:
 * list, acknowledge, snooze, maintenance, argument checks, and alerts.changed on the core's event bus.
 */
import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core';
import { createNodeCore } from '../../electron/headless-core';
import type { AlertsChanged } from '../../shared/alerts';
import type { Problem } from '../../shared/health';
import { quietLog, tempDir } from '../helpers/core';

const cores: Core[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((c) => c.stop()));
});

const ctx = { face: 'headless', peer: '127.0.0.1' } as const;
const hot: Problem = {
  code: 'overheat-chip',
  severity: 'critical',
  text: 'chip 90 °C',
  sinceMs: 0,
  subject: '',
};

async function call(core: Core, method: string, params: unknown) {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

describe('alerts over the contract', () => {
  it('lists, acknowledges, snoozes and puts rigs in maintenance', async () => {
    let now = Date.UTC(2026, 2, 1);
    const core = createNodeCore({ dataDir: tempDir(), log: quietLog, now: () => now });
    cores.push(core);
    const changed: AlertsChanged[] = [];
    core.events.subscribe((name, p) => {
      if (name === 'alerts.changed') changed.push(p as AlertsChanged);
    });
    for (let i = 0; i <= 6; i++, now += 5000)
      core.alerts.service.observe({
        live: [
          { rigId: 'r1', problems: [hot] },
          { rigId: 'r2', problems: [hot] },
        ],
        removed: [],
      });

    const listed = await call(core, 'alerts.list', {});
    const alerts = listed.alerts as { id: string; rigId: string }[];
    expect(alerts.map((a) => a.rigId)).toEqual(['r1', 'r2']);
    expect(listed.counts).toEqual({ open: 2, acknowledged: 0, critical: 2, warning: 0 });
    expect(changed.flatMap((c) => c.notify).map((n) => n.title)).toEqual(['2 rigs overheating (chips)']);

    const [a1, a2] = alerts;
    const acked = await call(core, 'alerts.acknowledge', { ids: [a1?.id] });
    expect(acked.alerts).toEqual([expect.objectContaining({ id: a1?.id, state: 'acknowledged' })]);
    const snoozed = await call(core, 'alerts.snooze', { ids: [a2?.id], minutes: 10 });
    expect(snoozed.alerts).toEqual([expect.objectContaining({ snoozedUntilMs: now + 600_000 })]);
    expect(changed.at(-1)?.counts).toEqual({ open: 1, acknowledged: 1, critical: 2, warning: 0 });
    expect((await call(core, 'alerts.list', { scope: 'history' })).alerts).toEqual([]);

    const w = await call(core, 'maintenance.add', {
      target: { kind: 'rig', rigId: 'r2' },
      fromMs: now,
      toMs: now + 3_600_000,
      note: 'swapping fans',
    });
    expect((await call(core, 'maintenance.list', {})).windows).toEqual([w]);
    expect((await call(core, 'alerts.list', { rigId: 'r2' })).alerts).toEqual([
      expect.objectContaining({ rigId: 'r2', inMaintenance: true }),
    ]);
    expect(await call(core, 'maintenance.remove', { id: w.id })).toEqual({ removed: true });
    expect((await call(core, 'maintenance.list', {})).windows).toEqual([]);
  });

  it('a restarted core keeps its alerts and neither raises nor notifies them again', async () => {
    const dataDir = tempDir();
    let now = Date.UTC(2026, 2, 1);
    const first = createNodeCore({ dataDir, log: quietLog, now: () => now });
    const notified: string[] = [];
    first.events.subscribe((name, p) => {
      if (name === 'alerts.changed') notified.push(...(p as AlertsChanged).notify.map((n) => n.title));
    });
    for (let i = 0; i <= 6; i++, now += 5000)
      first.alerts.service.observe({ live: [{ rigId: 'r1', problems: [hot] }], removed: [] });
    const before = await call(first, 'alerts.list', {});
    await first.stop();
    expect(notified).toEqual(['r1 overheating (chips)']);

    now += 120_000;
    const second = createNodeCore({ dataDir, log: quietLog, now: () => now });
    cores.push(second);
    const events: AlertsChanged[] = [];
    second.events.subscribe((name, p) => {
      if (name === 'alerts.changed') events.push(p as AlertsChanged);
    });
    expect(await call(second, 'alerts.list', {})).toEqual(before);
    for (let i = 0; i <= 20; i++, now += 5000)
      second.alerts.service.observe({ live: [{ rigId: 'r1', problems: [hot] }], removed: [] });
    expect(events).toEqual([]);
    expect(await call(second, 'alerts.list', {})).toEqual(before);
  });

  it('refuses bad arguments before the engine sees them', async () => {
    const core = createNodeCore({ dataDir: tempDir(), log: quietLog });
    cores.push(core);
    const bad = await core.dispatch(
      'maintenance.add',
      { target: { kind: 'label', label: 'row-a' }, fromMs: 2000, toMs: 1000 },
      ctx,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    const none = await core.dispatch('alerts.acknowledge', { ids: [] }, ctx);
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});
