// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { FleetPage } from '../../../renderer/pages/FleetPage';
import { useFleetStore } from '../../../renderer/stores/fleet';
import { useSettingsStore } from '../../../renderer/stores/settings';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { live, problem, rig, summary } from './health-fixtures';

const rigs = [rig('a', 'rig-01'), rig('b', 'rig-02'), rig('c', 'rig-03'), rig('d', 'rig-04')];
const lives = [
  live('a'),
  live('b', {
    health: 'warning',
    fanRpmMin: 0,
    fansLost: 1,
    problems: [
      problem({ code: 'fan-lost', severity: 'warning', subject: '2', text: 'fan 2 stopped (0 rpm)' }),
    ],
  }),
  live('c', {
    health: 'critical',
    chipTempMaxC: 91,
    hashrateMhs: 6_000,
    problems: [
      problem({ code: 'hashrate-low', severity: 'warning', text: '63 % of nominal for 12 min' }),
      problem({
        code: 'overheat-chip',
        severity: 'critical',
        text: 'chip 91 °C, limit 85 °C',
        sinceMs: 4_000,
      }),
    ].sort((x, y) => (x.severity === 'critical' ? -1 : y.severity === 'critical' ? 1 : 0)),
  }),
  live('d', {
    liveness: 'offline',
    takenAtMs: Date.now() - 5 * 60_000,
    health: 'critical',
    problems: [problem({ code: 'offline', severity: 'critical', text: 'no answer for 5 min' })],
  }),
];

beforeEach(() => {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  useFleetStore.setState({
    rigs: new Map(rigs.map((r) => [r.id, r])),
    live: new Map(lives.map((l) => [l.rigId, l])),
    summary: summary({
      rigs: {
        total: 4,
        online: 3,
        stale: 0,
        offline: 1,
        unknown: 0,
        byMinerState: {},
        byHealth: { ok: 1, warning: 1, critical: 2, unknown: 0 },
      },
      missingHashrateMhs: 13_000,
      nominalHashrateMhs: 38_000,
      fleetProblems: [
        problem({
          code: 'pool-worker-unmatched',
          severity: 'warning',
          subject: 'old-spare-7',
          text: 'pool worker old-spare-7 (9.2 GH/s) matches no rig',
        }),
      ],
    }),
    loaded: true,
    error: null,
  });
});
afterEach(cleanup);

const rowIds = () =>
  [...screen.getByTestId('fleet-table').querySelectorAll('[data-rig]')].map((r) =>
    r.getAttribute('data-rig'),
  );

describe('Fleet page health', () => {
  it('sorts problems first and shows each rig’s worst problem in words', () => {
    render(<FleetPage />);
    // Critical first (the older problem leads), then the warning, then the healthy rig.
    expect(rowIds()).toEqual(['d', 'c', 'b', 'a']);
    const hot = within(screen.getByTestId('fleet-table').querySelector('[data-rig="c"]') as HTMLElement);
    expect(hot.getByText('Critical')).toBeTruthy();
    expect(hot.getByText(/chip 91 °C, limit 85 °C/)).toBeTruthy();
    expect(hot.getByText('+1 more')).toBeTruthy();
    const fan = within(screen.getByTestId('fleet-table').querySelector('[data-rig="b"]') as HTMLElement);
    expect(fan.getByText(/fan 2 stopped/)).toBeTruthy();
    expect(fan.getByText('Warning')).toBeTruthy();
  });

  it('colours cells beyond their threshold, with the number still shown', () => {
    render(<FleetPage />);
    const hot = screen.getByTestId('fleet-table').querySelector('[data-rig="c"]') as HTMLElement;
    expect(within(hot).getByText('91 °C').className).toContain('tone-bad');
    expect(within(hot).getByText('63 %').className).toContain('tone-bad');
    const fan = screen.getByTestId('fleet-table').querySelector('[data-rig="b"]') as HTMLElement;
    const fanCell = [...fan.querySelectorAll('[role="cell"]')].find((c) =>
      c.textContent?.startsWith('0 rpm'),
    );
    expect(fanCell?.className).toContain('tone-bad');
    const ok = screen.getByTestId('fleet-table').querySelector('[data-rig="a"]') as HTMLElement;
    expect(within(ok).getByText('70 °C').className).not.toContain('tone');
  });

  it('says an offline rig is offline and when it was last seen', () => {
    render(<FleetPage />);
    const off = within(screen.getByTestId('fleet-table').querySelector('[data-rig="d"]') as HTMLElement);
    expect(off.getByText('Offline')).toBeTruthy();
    expect(off.getByText(/seen 5 min ago/)).toBeTruthy();
  });

  it('counts rigs by health, states the missing hashrate, and lists fleet problems', () => {
    render(<FleetPage />);
    const health = screen.getByTestId('fleet-health').textContent ?? '';
    expect(health).toContain('2 critical');
    expect(health).toContain('1 warning');
    expect(health).toContain('1 OK');
    const missing = screen.getByTestId('fleet-missing').textContent ?? '';
    expect(missing).toContain('13.00 GH/s');
    expect(missing).toContain('34 % of nominal');
    expect(screen.getByTestId('fleet-problems').textContent).toContain(
      'pool worker old-spare-7 (9.2 GH/s) matches no rig',
    );
  });

  it('keeps other orders a click away', () => {
    render(<FleetPage />);
    fireEvent.change(screen.getByLabelText('Sort rigs'), { target: { value: 'name' } });
    expect(rowIds()).toEqual(['a', 'b', 'c', 'd']);
  });
});
