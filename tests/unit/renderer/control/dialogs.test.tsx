// @vitest-environment jsdom
// The fan dialog and the backups panel against a fake client: a value beyond the bounds is shown and nothing is
// sent; a sound one starts a job with the parameters the core takes; restore asks once more before it runs.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../../renderer/api';
import type { Client } from '../../../../renderer/api/types';
import { FanDialog } from '../../../../renderer/control/FanDialog';
import { RigBackups } from '../../../../renderer/pages/RigBackups';
import type { Backup } from '../../../../shared/backups';

const backup: Backup = {
  id: 'b1',
  rigId: 'r1',
  takenAtMs: Date.UTC(2026, 11, 2, 10),
  reason: 'preset',
  firmwareVersion: '1.3.4',
  summary: 'preset 3425, fans auto 70 °C, 3 pools',
};

function fakeClient(calls: Array<[string, unknown]>): Client {
  return {
    call: vi.fn(async (method: string, req?: unknown) => {
      calls.push([method, req]);
      if (method === 'control.run') return { jobId: 'job-1' };
      if (method === 'backups.list') return { backups: [backup] };
      throw new Error(method);
    }) as unknown as Client['call'],
    on: () => () => undefined,
    onStatus: () => () => undefined,
    login: async () => undefined,
    logout: () => undefined,
  };
}

afterEach(cleanup);

describe('FanDialog', () => {
  it('shows an out-of-range target and sends nothing; a sound one starts the job', async () => {
    const calls: Array<[string, unknown]> = [];
    setClient(fakeClient(calls));
    const onStarted = vi.fn();
    const onClose = vi.fn();
    render(<FanDialog rigIds={['r1', 'r2']} onClose={onClose} onStarted={onStarted} />);
    const target = screen.getByLabelText('Target chip temperature (°C)');
    fireEvent.change(target, { target: { value: '95' } });
    expect(screen.getByTestId('error-target').textContent).toBe('Target must be 20–90 °C.');
    const apply = screen.getByRole('button', { name: 'Apply to 2 rigs' });
    expect(apply).toHaveProperty('disabled', true);
    fireEvent.change(target, { target: { value: '65' } });
    fireEvent.click(apply);
    await waitFor(() => expect(onStarted).toHaveBeenCalledWith('job-1'));
    expect(calls).toEqual([
      [
        'control.run',
        {
          action: 'fan',
          rigIds: ['r1', 'r2'],
          params: { mode: 'auto', target: 65, duty: null },
          confirm: false,
        },
      ],
    ]);
    expect(onClose).toHaveBeenCalled();
  });
});

describe('RigBackups', () => {
  it('lists the rig’s backups and restores one only after confirming', async () => {
    const calls: Array<[string, unknown]> = [];
    setClient(fakeClient(calls));
    render(<RigBackups rigId="r1" />);
    await screen.findByText('preset 3425, fans auto 70 °C, 3 pools');
    expect(screen.getByText('before preset')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Restore…' }));
    expect(calls.filter(([m]) => m === 'control.run')).toEqual([]);
    expect(screen.getByRole('alertdialog', { name: 'Confirm restore' }).textContent).toContain(
      'never the network',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await waitFor(() =>
      expect(calls.filter(([m]) => m === 'control.run')).toEqual([
        ['control.run', { action: 'restore', rigIds: ['r1'], params: { backupId: 'b1' }, confirm: true }],
      ]),
    );
  });
});
