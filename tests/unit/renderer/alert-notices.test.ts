import { describe, expect, it } from 'vitest';

import { noticeTarget, noticesFrom, wantsSound } from '../../../renderer/alerts/notices';
import { DEFAULT_ALERT_SETTINGS } from '../../../shared/alert-settings';
import { alert } from './health-fixtures';

describe('alert notices', () => {
  it('without the core’s list, notifies only new open alerts that are not muted and whose rule notifies', () => {
    const now = 100_000;
    const alerts = [
      alert('new'),
      alert('known'),
      alert('acked', { state: 'acknowledged' }),
      alert('snoozed', { snoozedUntilMs: now + 1 }),
      alert('maint', { inMaintenance: true }),
      alert('quiet', { code: 'fan-slow' }),
      alert('fleet', {
        rigId: null,
        rigName: null,
        ip: null,
        code: 'pool-worker-unmatched',
        severity: 'warning',
      }),
    ];
    const settings = { ...DEFAULT_ALERT_SETTINGS, rules: { 'fan-slow': { enabled: true, notify: false } } };
    const notices = noticesFrom({ alerts }, new Set(['known']), settings, now);
    expect(notices.map((n) => n.title)).toEqual(['Critical: Rack A 1', 'Warning: Fleet']);
    expect(noticeTarget(notices[0] as (typeof notices)[number])).toEqual({ rigId: 'r1' });
    expect(noticeTarget(notices[1] as (typeof notices)[number])).toEqual({ page: 'alerts' });
  });

  it('takes the core’s grouped list as is, even when it is empty', () => {
    const payload = { alerts: [alert('new')], notify: [] };
    expect(noticesFrom(payload, new Set(), null, 0)).toEqual([]);
  });

  it('sounds for what the core marks, else for critical alerts with sound on', () => {
    const n = { title: 't', body: 'b', rigIds: [], severity: 'critical' as const };
    expect(wantsSound(n, DEFAULT_ALERT_SETTINGS)).toBe(false);
    expect(wantsSound(n, { ...DEFAULT_ALERT_SETTINGS, sound: true })).toBe(true);
    expect(wantsSound({ ...n, severity: 'warning' }, { ...DEFAULT_ALERT_SETTINGS, sound: true })).toBe(false);
    expect(wantsSound({ ...n, sound: false }, { ...DEFAULT_ALERT_SETTINGS, sound: true })).toBe(false);
  });
});
