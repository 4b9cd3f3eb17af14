// @vitest-environment jsdom
// The firmware dialog: the picked file goes to the core in base64 chunks, a refused file shows the reason in red
// and cannot be sent, a sound one asks for confirmation in words, then control.run, then per-rig upload progress.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../renderer/api';
import type { Client } from '../../../renderer/api/types';
import { FirmwareDialog } from '../../../renderer/control/FirmwareDialog';
import { toBase64 } from '../../../renderer/control/firmware-upload';
import { type FirmwareFile, type FirmwareProgress } from '../../../shared/firmware';

const sound: FirmwareFile = {
  fileId: 'f1',
  name: 'l7.tar.gz',
  size: 5,
  sha256: 'ab'.repeat(32),
  ok: true,
  reason: null,
  models: ['l7'],
  version: '1.3.5',
  stagedAtMs: 0,
};

function fakeClient(verdict: FirmwareFile) {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Map<string, (p: unknown) => void>();
  const client: Client = {
    call: vi.fn(async (method: string, req?: unknown) => {
      calls.push([method, req]);
      if (method === 'firmware.begin') return { uploadId: 'u1' };
      if (method === 'firmware.chunk') return { received: 5 };
      if (method === 'firmware.finish') return verdict;
      if (method === 'control.run') return { jobId: 'job-1' };
      throw new Error(method);
    }) as unknown as Client['call'],
    on: ((event: string, listener: (p: unknown) => void) => {
      listeners.set(event, listener);
      return () => undefined;
    }) as Client['on'],
    onStatus: () => () => undefined,
    login: async () => undefined,
    logout: () => undefined,
  };
  const emit = (event: string, p: unknown) => listeners.get(event)?.(p);
  return { client, calls, emit };
}

const pick = (bytes: number[]) =>
  fireEvent.change(screen.getByLabelText('Firmware image'), {
    target: { files: [new File([new Uint8Array(bytes)], 'l7.tar.gz')] },
  });

afterEach(() => {
  cleanup();
  setClient(null);
});

describe('FirmwareDialog', () => {
  it('shows a refused file in red and offers nothing to send', async () => {
    const fake = fakeClient({ ...sound, ok: false, reason: 'truncated (the archive has no end)' });
    setClient(fake.client);
    render(<FirmwareDialog rigIds={['r1']} onClose={() => undefined} onStarted={() => undefined} />);
    pick([1, 2, 3, 4, 5]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Refused: truncated (the archive has no end). Nothing was sent to any rig.',
    );
    expect(alert.className).toBe('error');
    expect(screen.getByRole('button', { name: 'Upgrade…' })).toHaveProperty('disabled', true);
    expect(fake.calls.map(([m]) => m)).toEqual(['firmware.begin', 'firmware.chunk', 'firmware.finish']);
    expect(fake.calls[1]?.[1]).toEqual({
      uploadId: 'u1',
      offset: 0,
      data: toBase64(new Uint8Array([1, 2, 3, 4, 5])),
    });
  });

  it('confirms in words, runs the rollout on several rigs, and shows each rig’s upload', async () => {
    const fake = fakeClient(sound);
    setClient(fake.client);
    const started = vi.fn();
    render(<FirmwareDialog rigIds={['r1', 'r2', 'r3']} onClose={() => undefined} onStarted={started} />);
    pick([1, 2, 3, 4, 5]);
    await screen.findByText(/Vnish 1.3.5 for L7/);
    fireEvent.click(screen.getByLabelText(/Keep the/));
    fireEvent.click(screen.getByRole('button', { name: 'Upgrade…' }));
    expect(screen.getByText(/^Upgrade 3 rigs to Vnish 1.3.5/).textContent).toContain(
      'its settings are reset to defaults. 1 canary rig first; the rest in waves of 5',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Upgrade 3 rigs' }));
    await vi.waitFor(() => expect(started).toHaveBeenCalledWith('job-1'));
    await act(async () => undefined); // the dialog subscribes to the job's events once it has its id
    expect(fake.calls.at(-1)).toEqual([
      'control.run',
      {
        action: 'firmware',
        rigIds: ['r1', 'r2', 'r3'],
        params: {
          fileId: 'f1',
          keepSettings: false,
          rollout: { canary: 1, waveSize: 5, gateMinutes: 15, minSharePct: 80 },
        },
        confirm: true,
      },
    ]);
    const upload: FirmwareProgress = {
      jobId: 'job-1',
      rigId: 'r1',
      sentBytes: 2_500_000,
      totalBytes: 10_000_000,
    };
    act(() => fake.emit('firmware.progress', upload));
    expect(screen.getByLabelText('Upload to r1')).toHaveProperty('value', 2_500_000);
    expect(screen.getByText('2.5 MB of 10.0 MB')).toBeTruthy();
    const halted = {
      rigId: 'r2',
      state: 'cancelled',
      message: 'The canary gate failed (r1: not hashing): halted, not sent to this rig.',
      restartRequired: null,
      startedAtMs: null,
      finishedAtMs: 1,
    };
    act(() => fake.emit('job.progress', { jobId: 'job-1', state: 'halted', totals: {}, changed: [halted] }));
    const r2 = screen.getByText(/The canary gate failed/);
    expect(r2.className).toBe('error');
  });
});
