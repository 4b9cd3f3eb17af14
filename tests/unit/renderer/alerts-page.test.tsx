// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../renderer/api';
import type { Client } from '../../../renderer/api/types';
import { showNotices } from '../../../renderer/alerts/browser-notifier';
import { Nav } from '../../../renderer/components/Nav';
import { AlertsPage } from '../../../renderer/pages/alerts/AlertsPage';
import { useAlertsStore } from '../../../renderer/stores/alerts';
import { useSettingsStore } from '../../../renderer/stores/settings';
import type { Alert, AlertCounts } from '../../../shared/alerts';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { alert } from './health-fixtures';

type Call = [string, unknown];

/** The core's side of the contract for alerts, kept in memory: enough to see the page drive it. */
function fakeCore(initial: Alert[]) {
  const calls: Call[] = [];
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let alerts = initial;
  const counts = (): AlertCounts => ({
    open: alerts.filter((a) => a.state === 'open').length,
    acknowledged: alerts.filter((a) => a.state === 'acknowledged').length,
    critical: alerts.filter((a) => a.state !== 'cleared' && a.severity === 'critical').length,
    warning: alerts.filter((a) => a.state !== 'cleared' && a.severity === 'warning').length,
  });
  const change = (ids: string[], f: (a: Alert) => Alert) => {
    alerts = alerts.map((a) => (ids.includes(a.id) ? f(a) : a));
    return { alerts: alerts.filter((a) => ids.includes(a.id)) };
  };
  const client: Client = {
    call: (async (method: string, req?: { ids?: string[]; minutes?: number; scope?: string }) => {
      calls.push([method, req]);
      switch (method) {
        case 'alerts.list':
          return {
            alerts: alerts.filter((a) =>
              req?.scope === 'history' ? a.state === 'cleared' : a.state !== 'cleared',
            ),
            counts: counts(),
          };
        case 'alerts.acknowledge':
          return change(req?.ids ?? [], (a) => ({
            ...a,
            state: 'acknowledged',
            acknowledgedAtMs: Date.now(),
          }));
        case 'alerts.snooze':
          return change(req?.ids ?? [], (a) => ({
            ...a,
            snoozedUntilMs: Date.now() + (req?.minutes ?? 0) * 60_000,
          }));
        case 'maintenance.list':
          return { windows: [] };
        case 'maintenance.add':
          return { id: 'w1', note: '', ...(req as object) };
        case 'maintenance.remove':
          return { removed: true };
        case 'settings.get':
          return DEFAULT_SETTINGS;
        case 'settings.update':
          return DEFAULT_SETTINGS;
        default:
          throw new Error(`unexpected ${method}`);
      }
    }) as unknown as Client['call'],
    on: ((event: string, l: (p: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(l);
      return () => set.delete(l);
    }) as Client['on'],
    onStatus: () => () => undefined,
    login: async () => undefined,
    logout: () => undefined,
  };
  const emit = (event: string, payload: unknown) => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  return { client, calls, emit, counts };
}

const hot = alert('a1');
const fan = alert('a2', {
  rigId: 'r2',
  rigName: 'Rack B 4',
  code: 'fan-lost',
  severity: 'warning',
  subject: '2',
  text: 'fan 2 stopped (0 rpm)',
  sinceMs: 500,
});
const old = alert('a3', { state: 'cleared', clearedAtMs: 20_000, text: 'chip 88 °C, limit 85 °C' });

let stopWatch: () => void = () => undefined;

beforeEach(() => {
  useAlertsStore.setState({
    active: [],
    history: [],
    counts: { open: 0, acknowledged: 0, critical: 0, warning: 0 },
    windows: [],
    loaded: false,
    error: null,
  });
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
});
afterEach(() => {
  stopWatch();
  cleanup();
  setClient(null);
  vi.unstubAllGlobals();
});

describe('Alerts page', () => {
  it('lists open alerts worst first, acknowledges and snoozes through the API', async () => {
    const core = fakeCore([hot, fan, old]);
    setClient(core.client);
    await useAlertsStore.getState().load();
    render(<AlertsPage />);

    const rows = () => [...screen.getByTestId('alerts-table').querySelectorAll('tbody tr')];
    expect(rows().map((r) => r.getAttribute('data-alert'))).toEqual(['a1', 'a2']);
    expect(screen.getByText('chip 91 °C, limit 85 °C')).toBeTruthy();

    const first = within(rows()[0] as HTMLElement);
    await act(async () => {
      fireEvent.click(first.getByRole('button', { name: 'Acknowledge' }));
    });
    expect(core.calls).toContainEqual(['alerts.acknowledge', { ids: ['a1'] }]);
    expect(rows().map((r) => r.getAttribute('data-alert'))).toEqual(['a2']);

    await act(async () => {
      fireEvent.change(screen.getByLabelText('Snooze Rack B 4 fan-lost'), { target: { value: '60' } });
    });
    expect(core.calls).toContainEqual(['alerts.snooze', { ids: ['a2'], minutes: 60 }]);
    expect(screen.getByText(/snoozed until/)).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: /Acknowledged/ }));
    expect(rows().map((r) => r.getAttribute('data-alert'))).toEqual(['a1']);
    expect(screen.getByText(/acknowledged .* ago/)).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('tab', { name: /History/ }));
    });
    expect(core.calls).toContainEqual(['alerts.list', { scope: 'history', limit: 500 }]);
    expect(rows().map((r) => r.getAttribute('data-alert'))).toEqual(['a3']);
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
  });

  it('filters by severity, rule and rig text', async () => {
    setClient(fakeCore([hot, fan]).client);
    await useAlertsStore.getState().load();
    render(<AlertsPage />);
    const ids = () =>
      [...screen.getByTestId('alerts-table').querySelectorAll('tbody tr')].map((r) =>
        r.getAttribute('data-alert'),
      );
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'warning' } });
    expect(ids()).toEqual(['a2']);
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Rule'), { target: { value: 'overheat-chip' } });
    expect(ids()).toEqual(['a1']);
    fireEvent.change(screen.getByLabelText('Rule'), { target: { value: 'all' } });
    fireEvent.change(screen.getByLabelText('Filter alerts'), { target: { value: 'rack b' } });
    expect(ids()).toEqual(['a2']);
  });

  it('asks for notification permission only when the button is pressed', async () => {
    const requestPermission = vi.fn(async () => 'granted' as const);
    vi.stubGlobal(
      'Notification',
      Object.assign(function Notification() {}, { permission: 'default', requestPermission }),
    );
    setClient(fakeCore([hot]).client);
    await useAlertsStore.getState().load();
    render(<AlertsPage />);
    expect(requestPermission).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Enable browser notifications' }));
    });
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('notify-permission').textContent).toContain('notifications are on');
  });
});

describe('maintenance windows', () => {
  it('puts every rig with a label in maintenance for a time range, then ends it', async () => {
    const core = fakeCore([]);
    setClient(core.client);
    render(<AlertsPage />);
    fireEvent.change(screen.getByLabelText('Maintenance of'), { target: { value: 'label' } });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'rack-A' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-02T10:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-12-02T12:30' } });
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'fan swap' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add window' }));
    });
    expect(core.calls).toContainEqual([
      'maintenance.add',
      {
        target: { kind: 'label', label: 'rack-A' },
        fromMs: new Date('2026-12-02T10:00').getTime(),
        toMs: new Date('2026-12-02T12:30').getTime(),
        note: 'fan swap',
      },
    ]);
    const windows = screen.getByTestId('maintenance');
    expect(windows.textContent).toContain('label “rack-A”');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'End maintenance of label “rack-A”' }));
    });
    expect(core.calls).toContainEqual(['maintenance.remove', { id: 'w1' }]);
    expect(windows.textContent).toContain('No rig is in maintenance.');
  });

  it('refuses a window that ends before it starts, at the form, and sends nothing', async () => {
    const core = fakeCore([]);
    setClient(core.client);
    render(<AlertsPage />);
    fireEvent.change(screen.getByLabelText('Maintenance of'), { target: { value: 'label' } });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'rack-A' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-12-02T12:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-12-02T11:00' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Add window' }));
    });
    expect(screen.getByText('The window must end after it starts.')).toBeTruthy();
    expect(core.calls.some(([m]) => m === 'maintenance.add')).toBe(false);
  });
});

describe('alert settings', () => {
  it('saves per-rule switches, timing and temperature limits through settings.update', async () => {
    const core = fakeCore([]);
    setClient(core.client);
    render(<AlertsPage />);
    fireEvent.click(screen.getByLabelText('Notify: Fan lost'));
    fireEvent.click(screen.getByLabelText('Raise alerts: Pool hashrate mismatch'));
    fireEvent.change(screen.getByLabelText('Raise after (seconds)'), { target: { value: '45' } });
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'http://127.0.0.1:9/hook' } });
    fireEvent.click(screen.getByLabelText('Sound for critical alerts'));
    fireEvent.change(screen.getByLabelText('L7 chip limit (°C)'), { target: { value: '80' } });
    fireEvent.change(screen.getByLabelText('Hashrate low below (% of nominal)'), {
      target: { value: '70' },
    });
    fireEvent.change(screen.getByLabelText('Slowest fan (rpm)'), { target: { value: '1500' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save alert settings' }));
    });
    const update = core.calls.find(([m]) => m === 'settings.update')?.[1] as {
      alerts: typeof DEFAULT_SETTINGS.alerts;
      health: Partial<typeof DEFAULT_SETTINGS.health>;
    };
    expect(update.alerts.rules['fan-lost']).toEqual({ enabled: true, notify: false });
    expect(update.alerts.rules['pool-hashrate-mismatch']).toEqual({ enabled: false, notify: true });
    expect(update.alerts).toMatchObject({
      sustainSec: 45,
      webhookUrl: 'http://127.0.0.1:9/hook',
      sound: true,
    });
    expect(update.health.tempLimits?.L7).toEqual({ chipC: 80, boardC: 75 });
    expect(update.health).toMatchObject({ hashrateLowShare: 0.7, fanMinRpm: 1500 });
  });

  it('refuses a webhook that is not http(s) at its field and sends nothing', async () => {
    const core = fakeCore([]);
    setClient(core.client);
    render(<AlertsPage />);
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'ftp://x' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save alert settings' }));
    });
    expect(screen.getByText(/webhook must be an http or https URL/)).toBeTruthy();
    expect(core.calls.some(([m]) => m === 'settings.update')).toBe(false);
  });
});

describe('alerts badge and notifications', () => {
  it('shows the open count, critical highlighted, and follows alerts.changed', async () => {
    const core = fakeCore([fan]);
    setClient(core.client);
    stopWatch = useAlertsStore.getState().watch();
    await useAlertsStore.getState().load();
    render(<Nav current="fleet" />);
    const badge = screen.getByTestId('alerts-count');
    expect(badge.textContent).toBe('1');
    expect(badge.className).not.toContain('critical');

    act(() =>
      core.emit('alerts.changed', {
        alerts: [hot],
        counts: { open: 2, acknowledged: 0, critical: 1, warning: 1 },
      }),
    );
    expect(screen.getByTestId('alerts-count').textContent).toBe('2');
    expect(screen.getByTestId('alerts-count').className).toContain('critical');
    expect(screen.getByTestId('alerts-count').getAttribute('aria-label')).toBe('2 open alerts, 1 critical');

    act(() =>
      core.emit('alerts.changed', {
        alerts: [
          { ...hot, state: 'cleared', clearedAtMs: 50_000 },
          { ...fan, state: 'cleared', clearedAtMs: 50_000 },
        ],
        counts: { open: 0, acknowledged: 0, critical: 0, warning: 0 },
      }),
    );
    expect(screen.queryByTestId('alerts-count')).toBeNull();
    expect(useAlertsStore.getState().history.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('notifies a new open alert in the browser once permission is granted; a click opens the rig', async () => {
    const shown: { title: string; body?: string; onclick: (() => void) | null; close(): void }[] = [];
    vi.stubGlobal(
      'Notification',
      Object.assign(
        function Notification(this: (typeof shown)[number], title: string, o: { body?: string }) {
          Object.assign(this, { title, body: o.body, onclick: null, close: () => undefined });
          shown.push(this);
        },
        { permission: 'granted', requestPermission: vi.fn() },
      ),
    );
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    const core = fakeCore([fan]);
    setClient(core.client);
    await useAlertsStore.getState().load();
    const openRig = vi.fn();
    const openAlerts = vi.fn();
    stopWatch = useAlertsStore
      .getState()
      .watch((n) => showNotices(n, { openRig, openAlerts, settings: () => DEFAULT_SETTINGS.alerts }));

    // Without a `notify` list from the core: a notice for the alert that is new, none for the one already known.
    core.emit('alerts.changed', { alerts: [hot, { ...fan, updatedAtMs: 40_000 }], counts: core.counts() });
    expect(shown.map((n) => [n.title, n.body])).toEqual([['Critical: Rack A 1', 'chip 91 °C, limit 85 °C']]);
    shown[0]?.onclick?.();
    expect(openRig).toHaveBeenCalledWith('r1');
    expect(focus).toHaveBeenCalled();

    // With the core's grouped list: exactly that, and a click on a group opens the Alerts page.
    core.emit('alerts.changed', {
      alerts: [],
      counts: core.counts(),
      notify: [
        {
          title: '2 rigs overheating',
          body: 'Rack A 1, Rack A 2',
          rigIds: ['r1', 'r3'],
          severity: 'critical',
        },
      ],
    });
    expect(shown.map((n) => n.title)).toEqual(['Critical: Rack A 1', '2 rigs overheating']);
    shown[1]?.onclick?.();
    expect(openAlerts).toHaveBeenCalledTimes(1);
  });
});
