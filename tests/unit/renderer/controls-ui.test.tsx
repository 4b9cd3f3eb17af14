// @vitest-environment jsdom
// The controls as the technician meets them: ticking rigs in the Fleet table brings the actions bar with the
// count; a disruptive action asks first and only then sends confirm; the preset dialog offers what every rig
// lists; frequency and voltage beyond the model's limits are refused at the field with nothing sent; throttle
// shows only where a firmware has it.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { setClient } from '../../../renderer/api';
import type { Client } from '../../../renderer/api/types';
import { ActionsBar } from '../../../renderer/control/ActionsBar';
import { FleetPage } from '../../../renderer/pages/FleetPage';
import { useFleetStore } from '../../../renderer/stores/fleet';
import { useJobsStore } from '../../../renderer/stores/jobs';
import { useSelectionStore } from '../../../renderer/stores/selection';
import { useSettingsStore } from '../../../renderer/stores/settings';
import { type RigOptions, rigOptionsSchema } from '../../../shared/control';
import { totalsOf } from '../../../shared/jobs';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { live, rig } from './health-fixtures';

const rigs = [rig('a', 'rig-01'), rig('b', 'rig-02'), rig('c', 'rig-03'), rig('d', 'rig-04')];

function optionsOf(rigId: string, over: Partial<RigOptions> = {}): RigOptions {
  const p = (name: string, status: string, watts: number, mhs: number) => ({
    name,
    pretty: `${watts} watt ~ ${mhs} MH`,
    status,
    watts,
    hashrateMhs: mhs,
    moddedPsuRequired: false,
  });
  return rigOptionsSchema.parse({
    rigId,
    known: true,
    firmwareVersion: '1.3.4',
    readAtMs: 1,
    presets: [
      p('3000', 'tuned', 3000, 8800),
      p('3425', 'tuned', 3425, 9500),
      p('3700', 'untuned', 3700, 10100),
    ],
    currentPreset: '3425',
    overclock: {
      minFreq: 200,
      maxFreq: 800,
      defaultFreq: 500,
      minVolt: 1200,
      maxVolt: 1450,
      defaultVolt: 1360,
    },
    cooling: null,
    throttle: { supported: true, min: 20, max: 100 },
    ...over,
  });
}

let options: Map<string, RigOptions>;
const runs: unknown[] = [];

beforeEach(() => {
  runs.length = 0;
  options = new Map(rigs.map((r) => [r.id, optionsOf(r.id)]));
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS });
  useFleetStore.setState({
    rigs: new Map(rigs.map((r) => [r.id, r])),
    live: new Map(rigs.map((r) => [r.id, live(r.id)])),
    summary: null,
    loaded: true,
    error: null,
  });
  useSelectionStore.getState().clear();
  useJobsStore.setState({ jobs: new Map(), open: false, error: null });
  setClient({
    call: vi.fn(async (method: string, req?: unknown) => {
      if (method === 'control.options') {
        const ids = (req as { rigIds: string[] }).rigIds;
        return { rigs: ids.map((id) => options.get(id)) };
      }
      if (method === 'control.run') {
        runs.push(req);
        return { jobId: 'j1' };
      }
      if (method === 'jobs.get') {
        const ids = (runs.at(-1) as { rigIds: string[] }).rigIds;
        return {
          id: 'j1',
          action: 'reboot',
          params: {},
          face: 'headless',
          state: 'running',
          createdAtMs: 1,
          finishedAtMs: null,
          concurrency: 5,
          staggerMs: 10_000,
          totals: totalsOf(ids.map(() => 'queued')),
          rigs: ids.map((rigId) => ({
            rigId,
            state: 'queued',
            message: null,
            restartRequired: null,
            startedAtMs: null,
            finishedAtMs: null,
          })),
        };
      }
      throw new Error(method);
    }) as unknown as Client['call'],
    on: () => () => undefined,
    onStatus: () => () => undefined,
    login: async () => undefined,
    logout: () => undefined,
  });
});
afterEach(() => {
  cleanup();
  setClient(null);
});

describe('Fleet selection and the actions bar', () => {
  it('ticks a range with shift-click, says how many, and reboots them only after the confirmation', async () => {
    render(<FleetPage />);
    expect(screen.queryByTestId('actions-bar')).toBeNull();
    const rows = screen.getAllByRole('row').slice(1);
    fireEvent.click(within(rows[0] as HTMLElement).getByRole('checkbox'));
    fireEvent.click(within(rows[2] as HTMLElement).getByRole('checkbox'), { shiftKey: true });
    // The actions bar is a chunk fetched with the first selection.
    expect((await screen.findByTestId('selected-count')).textContent).toMatch(/3 rigs selected/);
    const ticked = rows
      .filter((r) => r.getAttribute('aria-selected') === 'true')
      .map((r) => r.dataset['rig']);
    expect(ticked).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Reboot' }));
    const dialog = await screen.findByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('Reboot 3 rigs?');
    expect(dialog.textContent).toContain('at most 5 at a time, 10 s apart');
    expect(runs).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reboot 3 rigs' }));
    await waitFor(() => expect(runs).toHaveLength(1));
    expect(runs[0]).toEqual({ action: 'reboot', rigIds: ticked, params: {}, confirm: true });
    await waitFor(() => expect(useJobsStore.getState().open).toBe(true));
    await waitFor(() => expect(useJobsStore.getState().jobs.get('j1')?.rigs).toHaveLength(3));
  });

  it('the header box selects every shown rig and clears them again', async () => {
    render(<FleetPage />);
    const all = screen.getByRole('checkbox', { name: 'Select all shown rigs' });
    fireEvent.click(all);
    expect((await screen.findByTestId('selected-count')).textContent).toMatch(/4 rigs selected/);
    fireEvent.click(all);
    expect(screen.queryByTestId('actions-bar')).toBeNull();
  });

  it('runs a harmless action at once, without confirm', async () => {
    render(<ActionsBar rigIds={['a']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Locate on' }));
    await waitFor(() =>
      expect(runs).toEqual([{ action: 'locate', rigIds: ['a'], params: { on: true }, confirm: false }]),
    );
  });
});

describe('dialogs', () => {
  it('offers only the presets every rig lists, with tuning, hashrate and watts, and applies the chosen one', async () => {
    // Rig b lists only 3425 (say, another model): that is the one preset the two share.
    const only = optionsOf('b').presets?.filter((p) => p.name === '3425') ?? null;
    options.set('b', optionsOf('b', { presets: only }));
    render(<ActionsBar rigIds={['a', 'b']} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Preset…' }));
    const dialog = await screen.findByTestId('preset-dialog');
    const rows = await within(dialog).findAllByRole('row');
    const body = rows.slice(1);
    expect(body).toHaveLength(1);
    expect(body[0]?.textContent).toContain('3425');
    expect(body[0]?.textContent).toContain('tuned on all');
    expect(body[0]?.textContent).toContain('9.50 GH/s');
    expect(body[0]?.textContent).toContain('3425 W');
    const apply = within(dialog).getByRole('button', { name: 'Apply preset' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(body[0] as HTMLElement).getByRole('radio'));
    fireEvent.click(apply);
    await waitFor(() =>
      expect(runs).toEqual([
        { action: 'preset', rigIds: ['a', 'b'], params: { name: '3425' }, confirm: false },
      ]),
    );
  });

  it('refuses a frequency or voltage beyond the limits at the field and sends nothing; sends one within', async () => {
    render(<ActionsBar rigIds={['a']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Frequency/voltage…' }));
    const dialog = await screen.findByTestId('overclock-dialog');
    await within(dialog).findByText('200–800 MHz');
    expect(within(dialog).getByText('12.00 V–14.50 V (stock PSU)')).toBeTruthy();
    const freq = within(dialog).getByLabelText('Frequency (MHz)');
    const volt = within(dialog).getByLabelText('Voltage (V)');
    const apply = within(dialog).getByRole('button', { name: 'Apply' }) as HTMLButtonElement;
    fireEvent.change(freq, { target: { value: '850' } });
    expect(within(dialog).getByTestId('error-freq').textContent).toBe(
      'Frequency must be between 200 and 800 MHz.',
    );
    expect(apply.disabled).toBe(true);
    fireEvent.submit(apply.closest('form') as HTMLFormElement);
    fireEvent.change(freq, { target: { value: '600' } });
    fireEvent.change(volt, { target: { value: '15' } });
    expect(within(dialog).getByTestId('error-volt').textContent).toBe(
      'Voltage must be between 12 and 14.50 V.',
    );
    fireEvent.change(volt, { target: { value: '13.8' } });
    expect(apply.disabled).toBe(false);
    fireEvent.click(apply);
    await waitFor(() =>
      expect(runs).toEqual([
        { action: 'overclock', rigIds: ['a'], params: { freq: 600, volt: 1380 }, confirm: false },
      ]),
    );
  });

  it('shows throttle only where a firmware has it, and sends it only to those rigs', async () => {
    options.set(
      'a',
      optionsOf('a', { firmwareVersion: '1.2.7', throttle: { supported: false, min: 20, max: 100 } }),
    );
    const { unmount } = render(<ActionsBar rigIds={['a']} />);
    await screen.findByRole('button', { name: 'Preset…' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Throttle…' })).toBeNull());
    unmount();
    render(<ActionsBar rigIds={['a', 'b']} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Throttle…' }));
    const dialog = await screen.findByTestId('throttle-dialog');
    // The dialog reads the rigs' options itself once its chunk has loaded.
    await waitFor(() => expect(dialog.textContent).toContain('1 rig left out'));
    fireEvent.change(within(dialog).getByLabelText('Throttle (%)'), { target: { value: '80' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply throttle' }));
    await waitFor(() =>
      expect(runs).toEqual([{ action: 'throttle', rigIds: ['b'], params: { percent: 80 }, confirm: false }]),
    );
  });
});
