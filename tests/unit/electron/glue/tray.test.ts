// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { createEventBus } from '../../../../electron/contract/events';
import { createTray } from '../../../../electron/desktop/tray';
import { type Alert, countAlerts } from '../../../../shared/alerts';
import { type RigRecord, fleetChange } from '../../../../shared/fleet';
import { type FleetSummary } from '../../../../shared/telemetry';
import { type FakeImage, Tray, app, resetElectronFake } from '../../../mocks/electron';

vi.mock('electron', () => import('../../../mocks/electron'));

const rig = (id: string) => ({ id }) as RigRecord;

function summary(online: number, offline: number, critical: number, ok: number): FleetSummary {
  return {
    asOfMs: 0,
    rigs: {
      total: online + offline,
      online,
      stale: 0,
      offline,
      unknown: 0,
      byMinerState: {},
      byHealth: { ok, warning: 0, critical, unknown: 0 },
    },
    hashrateMhs: 0,
    nominalHashrateMhs: 0,
    poolHashrateMhs: null,
    powerW: 0,
    efficiencyJPerMh: null,
    missingHashrateMhs: 0,
    fleetProblems: [],
  };
}

/** The colour of the icon's lower-right corner, where the health dot is: [B, G, R, A]. */
function dot(image: unknown): number[] {
  const i = image as FakeImage;
  const at = ((i.height - 3) * i.width + (i.width - 3)) * 4;
  return Array.from(i.pixels.subarray(at, at + 4));
}
const RED = [0x49, 0x51, 0xf8, 0xff];
const GREEN = [0x50, 0xb9, 0x3f, 0xff];

const alert = (id: string, state: Alert['state'], severity: Alert['severity']) =>
  ({ id, state, severity }) as Alert;

beforeEach(async () => {
  resetElectronFake();
  await app.whenReady();
});

describe('tray', () => {
  it('shows the fleet health and the open critical alerts, follows both events, opens and quits', () => {
    const events = createEventBus();
    let rigs = [rig('a'), rig('b')];
    let active: Alert[] = [];
    const open = vi.fn();
    const quit = vi.fn();
    const core = {
      events,
      registry: { list: () => rigs } as never,
      collector: { summary: () => summary(2, 0, 0, 2) },
      alerts: { service: { list: () => ({ alerts: active, counts: countAlerts(active) }) } },
    };
    const handle = createTray('/icons/icon.png', core, open, quit);
    const tray = Tray.instances[0];
    expect(tray?.tooltip).toBe('RigDeck: 2 rigs: 2 online · No open critical alerts');
    expect(tray?.menu?.items.slice(0, 3).map((i) => [i.label, i.enabled])).toEqual([
      ['2 rigs: 2 online', false],
      ['Health: all OK', false],
      ['No open critical alerts', false],
    ]);
    expect((tray?.image as FakeImage).width).toBe(16);
    expect(dot(tray?.image)).toEqual(GREEN);

    // A rig goes offline: fleet.changed carries the summary.
    rigs = [rig('a'), rig('b'), rig('c')];
    events.emit('fleet.changed', { ...fleetChange({}), summary: summary(2, 1, 1, 2) });
    expect(tray?.menu?.items[0]?.label).toBe('3 rigs: 2 online · 1 offline');
    expect(tray?.menu?.items[1]?.label).toBe('Health: 1 critical');
    expect(dot(tray?.image)).toEqual(RED);

    // Two critical alerts open, one acknowledged: the tray counts the open ones.
    active = [
      alert('1', 'open', 'critical'),
      alert('2', 'open', 'critical'),
      alert('3', 'acknowledged', 'critical'),
    ];
    events.emit('alerts.changed', { alerts: [], counts: countAlerts(active), notify: [] });
    expect(tray?.tooltip).toBe('RigDeck: 3 rigs: 2 online · 1 offline · 2 open critical alerts');

    tray?.emit('click');
    tray?.menu?.items.find((i) => i.label === 'Open RigDeck')?.click?.();
    expect(open).toHaveBeenCalledTimes(2);
    tray?.menu?.items.find((i) => i.label === 'Quit')?.click?.();
    expect(quit).toHaveBeenCalledTimes(1);

    handle.destroy();
    expect(tray?.destroyed).toBe(true);
    rigs = [];
    events.emit('fleet.changed', fleetChange({ removed: ['a'] }));
    expect(tray?.tooltip).toBe('RigDeck: 3 rigs: 2 online · 1 offline · 2 open critical alerts');
  });
});
