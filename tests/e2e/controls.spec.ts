import { expect, test } from '@playwright/test';

import { TestSocket } from '../helpers/ws';
import { type E2eFarm, startE2eFarm } from './farm';
import { type Served, serve } from './server';
import { snap } from './snap';

let farm: E2eFarm;
let server: Served;

/** Four L7s of a farm of this spec's own; simulated time runs 6× so a reboot is over in half a minute. */
function startFarm(): Promise<E2eFarm> {
  return startE2eFarm(
    {
      name: 'e2e-controls',
      seed: 4242,
      ambient: 24,
      pool: { url: 'stratum+tcp://prohashing.com:3333', diff: 524288 },
      rigs: [{ count: 4, model: 'L7', firmware: '1.3.4' }],
    },
    { from: 41, speed: 6 },
  );
}

/** One contract call over the headless face's WebSocket (no password on a fresh data directory). */
async function coreCall(method: string, params: unknown): Promise<unknown> {
  const origin = new URL(server.url).origin;
  const socket = new TestSocket(`${origin.replace(/^http/, 'ws')}/ws`, { origin });
  try {
    await socket.opened();
    await socket.next('hello');
    const reply = await socket.call(method, params);
    if (reply.type !== 'result') throw new Error(`${method}: ${JSON.stringify(reply)}`);
    return reply.result;
  } finally {
    socket.close();
  }
}

/** What the virtual miner itself says its preset is: its own /api/v1/settings, logged in as RigDeck would. */
async function minerPreset(ip: string): Promise<string | null> {
  const base = `http://${ip}/api/v1`;
  const headers = { 'content-type': 'application/json', connection: 'close' };
  const unlock = await fetch(`${base}/unlock`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ pw: 'admin' }),
  });
  const { token } = (await unlock.json()) as { token: string };
  const r = await fetch(`${base}/settings`, {
    headers: { authorization: `Bearer ${token}`, connection: 'close' },
  });
  const s = (await r.json()) as { miner?: { overclock?: { preset?: string } } };
  return s.miner?.overclock?.preset ?? null;
}

/** The preset the miner runs on now (anonymous /perf-summary, docs/vnish.md §3.5). */
async function activePreset(ip: string): Promise<string | null> {
  const r = await fetch(`http://${ip}/api/v1/perf-summary`, { headers: { connection: 'close' } });
  const s = (await r.json()) as { current_preset?: { name?: string } };
  return s.current_preset?.name ?? null;
}

test.beforeEach(async () => {
  farm = await startFarm();
  server = await serve();
});
test.afterEach(async () => {
  await server.stop();
  farm.child.kill('SIGTERM');
});

test('three rigs ticked in the Fleet table take a preset the miners then report; one rig reboots after its confirmation', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await coreCall('settings.update', { pollIntervalSec: 5 });
  await coreCall('fleet.add', { addresses: farm.rigs.map((r) => ({ ip: r.ip })) });
  await page.goto(`${server.url}#/fleet`);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  const rows = page.locator('[data-rig]');
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(4, { timeout: 60_000 });

  // Tick the first shown rig, then shift-click the third: the three in between are the selection.
  await rows.nth(0).getByRole('checkbox').click();
  await rows
    .nth(2)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText(/3 rigs selected/);
  const texts = await rows.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  const ipOf = (text: string) =>
    farm.rigs.find((r) => new RegExp(`${r.ip.replace(/\./g, '\\.')}(?!\\d)`).test(text));
  const chosen = texts.slice(0, 3).map((t) => ipOf(t)?.ip as string);
  const other = ipOf(texts[3] ?? '')?.ip as string;
  expect(chosen.every(Boolean) && other).toBeTruthy();
  const before = await Promise.all(chosen.map(minerPreset));
  const otherBefore = await minerPreset(other);

  // The preset dialog lists the presets all three share, with tuning, hashrate and watts.
  await page.getByRole('button', { name: 'Preset…' }).click();
  const dialog = page.getByTestId('preset-dialog');
  await expect(dialog.getByTestId('dialog-rigs')).toHaveText('3 rigs');
  await expect(dialog.locator('tr[data-preset]').first()).toBeVisible({ timeout: 60_000 });
  await expect(dialog.locator('tr[data-preset]').first()).toContainText(/MH\/s|GH\/s/);
  await expect(dialog.locator('tr[data-preset]').first()).toContainText(/\d+ W/);
  const names = await dialog
    .locator('tr[data-preset]')
    .evaluateAll((trs) => trs.map((t) => t.getAttribute('data-preset') ?? ''));
  const target = names.find((n) => n !== 'disabled' && !before.includes(n));
  if (target === undefined)
    throw new Error(`no preset other than ${before.join(', ')} among ${names.join(', ')}`);
  await dialog.locator(`tr[data-preset="${target}"]`).getByRole('radio').check();
  await snap(page, testInfo, 'preset-dialog');
  await dialog.getByRole('button', { name: 'Apply preset' }).click();

  // The jobs panel opens on the new job and follows each rig to done.
  const panel = page.getByTestId('jobs-panel');
  await expect(panel).toBeVisible();
  const jobTitled = (title: string) =>
    panel
      .locator('li.job')
      .filter({ has: page.locator('.job-head strong', { hasText: new RegExp(`^${title}$`) }) });
  const job = jobTitled(`Preset ${target}`);
  await expect(job).toHaveCount(1);
  await expect(job.locator('tr[data-rig]')).toHaveCount(3);
  await expect(page.getByTestId('jobs-indicator')).toContainText(/running/);
  await snap(page, testInfo, 'preset-running');
  await expect(job).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
  await expect(job.locator('tr[data-rig][data-state="done"]')).toHaveCount(3);
  await expect(job.getByTestId('job-count')).toHaveText('3 of 3 finished');
  await snap(page, testInfo, 'preset-done');

  // The miners themselves report it; the rig left out is untouched.
  expect(await Promise.all(chosen.map(minerPreset))).toEqual([target, target, target]);
  expect(await minerPreset(other)).toBe(otherBefore);

  // Vnish applies a preset at the next mining restart: the panel offers it, confirmed like any restart, and
  // then the miners run on the preset (their own /perf-summary).
  await job.getByRole('button', { name: 'Restart mining on 3 rigs…' }).click();
  const restartConfirm = page.getByTestId('confirm-dialog');
  await expect(restartConfirm).toContainText('Restart mining 3 rigs?');
  await restartConfirm.getByRole('button', { name: 'Restart mining 3 rigs' }).click();
  const restart = jobTitled('Restart');
  await expect(restart).toHaveCount(1);
  await expect(restart).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await expect(restart.locator('tr[data-rig][data-state="done"]')).toHaveCount(3);
  expect(await Promise.all(chosen.map(activePreset))).toEqual([target, target, target]);
  await snap(page, testInfo, 'restart-done');

  // One rig rebooted from its own page, after a confirmation that says what happens.
  await panel.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Clear' }).click();
  await rows.filter({ hasText: new RegExp(`${other.replace(/\./g, '\\.')}(?!\\d)`) }).click();
  await expect(page.getByTestId('rig-page')).toBeVisible();
  await page.getByTestId('actions-bar').getByRole('button', { name: 'Reboot', exact: true }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('Reboot 1 rig?');
  await expect(confirm).toContainText(/goes offline/);
  await snap(page, testInfo, 'reboot-confirm');
  await confirm.getByRole('button', { name: 'Reboot the rig' }).click();
  const reboot = jobTitled('Reboot');
  await expect(reboot).toHaveCount(1);
  await expect(reboot).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await expect(reboot.locator('tr[data-rig]')).toHaveAttribute('data-state', 'done');
  await panel.getByRole('button', { name: 'Close' }).click();

  // The rig page lists its commands; the Activity page has all seven, by rig.
  const commands = page.getByTestId('rig-commands');
  await expect(commands.locator('tr[data-outcome="done"]').first()).toContainText('Reboot', {
    timeout: 30_000,
  });
  await snap(page, testInfo, 'rig-commands');
  await page.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.getByTestId('audit-table').locator('tbody tr')).toHaveCount(7);
  await expect(page.getByTestId('audit-table').locator('tbody tr[data-outcome="done"]')).toHaveCount(7);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await (await download).path();
  expect(csv).toBeTruthy();
  await snap(page, testInfo, 'activity');

  expect(errors).toEqual([]);
});
