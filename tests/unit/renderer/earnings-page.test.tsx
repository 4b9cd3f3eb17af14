// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../renderer/api';
import type { Client } from '../../../renderer/api/types';
import { EarningsPage } from '../../../renderer/pages/earnings/EarningsPage';
import { textToTariff } from '../../../renderer/pages/earnings/tariff-text';
import { useEarningsStore } from '../../../renderer/stores/earnings';
import { useSettingsStore } from '../../../renderer/stores/settings';
import { DEFAULT_SETTINGS, type Settings, applySettingsPatch } from '../../../shared/settings';
import { summary } from './earnings-fixture';

function fakeClient(update: (patch: unknown) => Settings): Client {
  return {
    call: vi.fn(async (method: string, req?: unknown) => {
      if (method === 'earnings.summary') return summary;
      if (method === 'earnings.history')
        return { fromMs: summary.atMs - 86_400_000, toMs: summary.atMs, balances: [], poolHashrateMhs: [] };
      if (method === 'settings.get') return DEFAULT_SETTINGS;
      if (method === 'settings.update') return update(req);
      throw new Error(method);
    }) as unknown as Client['call'],
    on: () => () => undefined,
    onStatus: () => () => undefined,
    login: async () => undefined,
    logout: () => undefined,
  };
}

beforeEach(() => {
  useEarningsStore.setState({ summary: null, error: null });
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

describe('EarningsPage', () => {
  it('shows balances, each rig’s money with its currency per day, the fleet line and the mismatches', async () => {
    setClient(fakeClient(() => DEFAULT_SETTINGS));
    await useSettingsStore.getState().load();
    render(<EarningsPage />);
    const balances = await screen.findByTestId('balances');
    expect(within(balances).getByText('0.250000 LTC')).toBeTruthy();
    expect(within(balances).getByText('0.210000 LTC')).toBeTruthy();
    expect(within(balances).getByText('25.0 %')).toBeTruthy();
    const rows = screen.getAllByRole('row').filter((r) => r.hasAttribute('data-rig-earnings'));
    expect(rows.map((r) => r.querySelector('[data-profit]')?.textContent)).toEqual([
      '9.84 USD/day',
      `${(1000 * 0.002 - 0.36).toFixed(2)} USD/day`,
      '-8.11 USD/day',
      '—',
    ]);
    expect(screen.getByTestId('fleet-earnings-row').textContent).toMatch(/4 rigs.*USD\/day/);
    const mismatches = screen.getByTestId('worker-mismatches').textContent ?? '';
    expect(mismatches).toMatch(/Worker stray mines for the account/);
    expect(mismatches).toMatch(/rig-c sends worker name “w-typo”/);
    expect(mismatches).toMatch(/rig-d mines on ProHashing without a worker name/);
    // The charts are a lazy chunk: loading chart.js takes a moment under jsdom.
    expect(
      await screen.findByText('Account hashrate at the pool (MH/s)', {}, { timeout: 15_000 }),
    ).toBeTruthy();
  });

  it('saves tariff bands typed one a line, and refuses a line it cannot read without sending anything', async () => {
    const update = vi.fn((patch: unknown) => applySettingsPatch(DEFAULT_SETTINGS, patch as never));
    setClient(fakeClient(update));
    await useSettingsStore.getState().load();
    render(<EarningsPage />);
    const bands = await screen.findByLabelText(/Tariff bands/);
    fireEvent.change(bands, { target: { value: 'night 0.05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save pricing' }));
    expect((await screen.findByText(/Line 1: write a band as/)).textContent).toBeTruthy();
    expect(update).not.toHaveBeenCalled();
    fireEvent.change(bands, { target: { value: '22:00-6:00 0.05\n17:00 - 20:00 0.3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save pricing' }));
    await screen.findByText('Saved.');
    expect(update).toHaveBeenCalledWith({
      earnings: {
        tariff: [
          { from: '22:00', to: '06:00', pricePerKwh: 0.05 },
          { from: '17:00', to: '20:00', pricePerKwh: 0.3 },
        ],
        usdRate: null,
      },
    });
  });

  it('reads tariff text back into bands', () => {
    expect(textToTariff('')).toEqual({ bands: [] });
    expect(textToTariff('07:00–09:30 0.2')).toEqual({
      bands: [{ from: '07:00', to: '09:30', pricePerKwh: 0.2 }],
    });
    expect(textToTariff('07:00-09:30 cheap')).toHaveProperty('error');
  });
});
