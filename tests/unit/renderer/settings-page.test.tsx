// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../renderer/api';
import type { Client } from '../../../renderer/api/types';
import { SettingsPage } from '../../../renderer/pages/SettingsPage';
import { useSettingsStore } from '../../../renderer/stores/settings';
import { RpcError } from '../../../shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';

function fakeClient(update: (patch: unknown) => Promise<Settings>): Client {
  return {
    call: vi.fn(async (method: string, req?: unknown) => {
      if (method === 'settings.get') return DEFAULT_SETTINGS;
      if (method === 'settings.update') return update(req);
      if (method === 'app.info')
        return {
          name: 'RigDeck',
          version: '9',
          face: 'headless',
          dataDir: '/d',
          platform: 'linux',
          startedAt: 0,
        };
      throw new Error(method);
    }) as unknown as Client['call'],
    on: () => () => undefined,
    onStatus: () => () => undefined,
    login: async () => undefined,
    logout: () => undefined,
  };
}

beforeEach(async () => {
  useSettingsStore.setState({
    settings: null,
    fieldErrors: {},
    saveError: null,
    savedAt: null,
    loadError: null,
  });
});
afterEach(() => {
  cleanup();
  setClient(null);
});

describe('SettingsPage', () => {
  it('shows a validation error at the field and sends nothing', async () => {
    const update = vi.fn(async () => DEFAULT_SETTINGS);
    setClient(fakeClient(update));
    await useSettingsStore.getState().load();
    render(<SettingsPage />);
    fireEvent.change(screen.getByLabelText('Poll interval (seconds)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('error-pollIntervalSec')).textContent).toMatch(/number/);
    expect(update).not.toHaveBeenCalled();
  });

  it("shows the core's field issues where they belong", async () => {
    setClient(
      fakeClient(async () => {
        throw new RpcError({
          code: 'invalid_argument',
          message: 'electricity.currency: nope',
          issues: [{ path: 'electricity.currency', message: 'Unknown currency.' }],
        });
      }),
    );
    await useSettingsStore.getState().load();
    render(<SettingsPage />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('error-currency')).textContent).toBe('Unknown currency.');
  });

  it('saves a change and shows the saved values', async () => {
    const update = vi.fn(async () => ({ ...DEFAULT_SETTINGS, pollIntervalSec: 45 }));
    setClient(fakeClient(update));
    await useSettingsStore.getState().load();
    render(<SettingsPage />);
    fireEvent.change(screen.getByLabelText('Poll interval (seconds)'), { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(update).toHaveBeenCalledWith(expect.objectContaining({ pollIntervalSec: 45 }));
    expect((screen.getByLabelText('Poll interval (seconds)') as HTMLInputElement).value).toBe('45');
  });

  it('checks history retention at its field', async () => {
    const update = vi.fn(async () => DEFAULT_SETTINGS);
    setClient(fakeClient(update));
    await useSettingsStore.getState().load();
    render(<SettingsPage />);
    fireEvent.change(screen.getByLabelText('Hourly averages (days)'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('error-hourlyDays')).textContent).toMatch(/at least 7 days/);
    expect(update).not.toHaveBeenCalled();
  });

  it('sends a ProHashing key once and never shows it back', async () => {
    const calls: [string, unknown][] = [];
    const client = fakeClient(async () => DEFAULT_SETTINGS);
    const base = client.call;
    client.call = (async (method: string, req?: unknown) => {
      calls.push([method, req]);
      if (method === 'pool.configure') return { configured: true };
      if (method === 'pool.state') throw new Error('not connected');
      return (base as (m: string, r?: unknown) => Promise<unknown>)(method, req);
    }) as unknown as Client['call'];
    setClient(client);
    await useSettingsStore.getState().load();
    render(<SettingsPage />);
    const key = screen.getByLabelText('API key') as HTMLInputElement;
    expect(key.type).toBe('password');
    fireEvent.change(key, { target: { value: '5f3c9a0e7b21d4c68e0f1a2b3c4d5e6f' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save key' }));
    expect(await screen.findByText(/API key saved/)).toBeTruthy();
    expect(calls).toContainEqual(['pool.configure', { apiKey: '5f3c9a0e7b21d4c68e0f1a2b3c4d5e6f' }]);
    expect(key.value).toBe('');
  });
});
