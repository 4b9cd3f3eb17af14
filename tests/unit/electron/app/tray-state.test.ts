// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { openCriticalCount, trayState } from '../../../../electron/app/tray-state';

const rigs = (online: number, stale: number, offline: number) => ({
  total: online + stale + offline,
  online,
  stale,
  offline,
  unknown: 0,
  byMinerState: {},
  byHealth: { ok: 0, warning: 0, critical: 0, unknown: 0 },
});

describe('trayState', () => {
  it('says when there is nothing to watch', () => {
    expect(trayState({ rigs: 0, summary: null, openCritical: 0 })).toEqual({
      tooltip: 'RigDeck: No rigs registered',
      lines: ['No rigs registered'],
      health: 'unknown',
    });
  });

  it('is critical with any open critical alert or critical rig, warning below, ok when all are', () => {
    const all = (h: Partial<ReturnType<typeof rigs>['byHealth']>, openCritical = 0) =>
      trayState({
        rigs: 10,
        summary: { rigs: { ...rigs(10, 0, 0), byHealth: { ...rigs(0, 0, 0).byHealth, ...h } } },
        openCritical,
      });
    expect(all({ ok: 10 }).health).toBe('ok');
    expect(all({ ok: 9, warning: 1 }).health).toBe('warning');
    expect(all({ ok: 9, critical: 1 }).health).toBe('critical');
    expect(all({ ok: 10 }, 1).health).toBe('critical');
    expect(all({ ok: 8, warning: 1, critical: 1 }).lines[1]).toBe('Health: 1 critical, 1 warning');
    expect(all({ unknown: 10 }).lines[1]).toBe('Health not read yet');
  });

  it('counts rigs up and down, and the open critical alerts in words', () => {
    const s = trayState({ rigs: 12, summary: { rigs: rigs(9, 1, 2) }, openCritical: 1 });
    expect(s.lines[0]).toBe('12 rigs: 9 online · 1 stale · 2 offline');
    expect(s.lines[2]).toBe('1 open critical alert');
    expect(s.tooltip).toBe('RigDeck: 12 rigs: 9 online · 1 stale · 2 offline · 1 open critical alert');
  });
});

describe('openCriticalCount', () => {
  it('counts only open critical alerts, not acknowledged ones or warnings', () => {
    expect(
      openCriticalCount([
        { state: 'open', severity: 'critical' },
        { state: 'acknowledged', severity: 'critical' },
        { state: 'open', severity: 'warning' },
        { state: 'open', severity: 'critical' },
      ]),
    ).toBe(2);
  });
});
