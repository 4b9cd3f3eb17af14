// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../renderer/api';
import type { Client } from '../../../renderer/api/types';
import { RigAlertHistory } from '../../../renderer/pages/RigAlertHistory';
import { RigProblems } from '../../../renderer/pages/RigProblems';
import { alert, problem } from './health-fixtures';

afterEach(() => {
  cleanup();
  setClient(null);
});

describe('a rig’s health on its page', () => {
  it('lists each problem with its evidence and how long it has lasted', () => {
    const now = 1_000_000;
    render(
      <RigProblems
        now={now}
        problems={[
          problem({
            code: 'chain-failed',
            severity: 'critical',
            subject: '2',
            text: 'chain 2 failure: 0 of 120 chips hashing',
            sinceMs: now - 12 * 60_000,
          }),
          problem({ code: 'fan-slow', severity: 'warning', text: 'fan 3 at 606 rpm', sinceMs: now - 30_000 }),
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toMatch(/Critical.*Chain failed.*chain 2 failure: 0 of 120 chips hashing.*for 12 min/);
    expect(items[1]).toMatch(/Warning.*Fan slow.*fan 3 at 606 rpm.*for 30 s/);
  });

  it('says so when nothing is wrong', () => {
    render(<RigProblems now={0} problems={[]} />);
    expect(screen.getByText('None right now.')).toBeTruthy();
  });

  it('shows the rig’s past alerts from alerts.list for that rig', async () => {
    const call = vi.fn(async () => ({
      alerts: [
        alert('old', {
          state: 'cleared',
          clearedAtMs: 5_000,
          updatedAtMs: 5_000,
          text: 'chip 88 °C, limit 85 °C',
        }),
        alert('new', {
          state: 'cleared',
          clearedAtMs: 9_000,
          updatedAtMs: 9_000,
          text: 'chip 90 °C, limit 85 °C',
        }),
      ],
      counts: { open: 0, acknowledged: 0, critical: 0, warning: 0 },
    }));
    setClient({
      call: call as unknown as Client['call'],
      on: () => () => undefined,
      onStatus: () => () => undefined,
      login: async () => undefined,
      logout: () => undefined,
    });
    render(<RigAlertHistory rigId="r1" now={10_000} />);
    expect(await screen.findByText('chip 90 °C, limit 85 °C')).toBeTruthy();
    expect(call).toHaveBeenCalledWith('alerts.list', { scope: 'all', rigId: 'r1', limit: 50 });
    const rows = [...screen.getByTestId('alerts-table').querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-alert'))).toEqual(['new', 'old']);
  });
});
