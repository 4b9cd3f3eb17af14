import { expect, test } from '@playwright/test';

import { TestSocket } from '../helpers/ws';
import { type E2eFarm, startE2eFarm } from './farm';
import { type Served, serve } from './server';
import { snap } from './snap';

let farm: E2eFarm;
let server: Served;

/**
 * The demo's planted faults on a six-rig farm of its own: rig-06 mines under a worker name that matches no rig
 * in the fleet; rig-01 to rig-04 get their faults from the control API once RigDeck has seen them healthy.
 * Simulated minutes pass in real seconds, so a clogged rig heats up within the test.
 */
function startFarm(): Promise<E2eFarm> {
  return startE2eFarm(
    {
      name: 'e2e-health',
      seed: 2026,
      ambient: 26,
      account: {
        name: 'rigdeck-e2e',
        apiKey: '5f3c9a0e7b21d4c68e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f',
        coin: 'litecoin',
      },
      pool: { url: 'stratum+tcp://prohashing.com:3333', diff: 524288 },
      rigs: [
        { count: 4, model: 'L7', firmware: '1.3.4' },
        { count: 1, model: 'L9', firmware: '1.3.4' },
        // Not registered in RigDeck (left out of the scan), yet mining to the account: a worker with no rig.
        { count: 1, model: 'L7', firmware: '1.3.4', worker: 'old-spare-7' },
      ],
    },
    { from: 21, speed: 6 },
  );
}

async function fault(name: string, body: object): Promise<void> {
  const r = await fetch(`${farm.control}/rigs/${name}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify(body),
  });
  expect(r.ok, `fault ${JSON.stringify(body)} on ${name}`).toBe(true);
}

/** One contract call over the headless face's WebSocket (no password on a fresh data directory). */
async function coreCall(method: string, params: unknown): Promise<void> {
  const origin = new URL(server.url).origin;
  const socket = new TestSocket(`${origin.replace(/^http/, 'ws')}/ws`, { origin });
  try {
    await socket.opened();
    await socket.next('hello');
    const reply = await socket.call(method, params);
    if (reply.type === 'error') throw new Error(`${method}: ${reply.error.message}`);
  } finally {
    socket.close();
  }
}

const ipRe = (ip: string) => new RegExp(`${ip.replace(/\./g, '\\.')}(?!\\d)`);

test.beforeEach(async () => {
  farm = await startFarm();
  server = await serve();
});
test.afterEach(async () => {
  await server.stop();
  farm.child.kill('SIGTERM');
});

test('planted faults all show on the Fleet page without opening a rig, and an alert is acknowledged', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`${server.url}#/settings`);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await page.getByLabel('Poll interval (seconds)').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // The pool, pointed at the farm's ProHashing fake as a technician would point it at the real account.
  const ph = farm.info.prohashing;
  expect(ph).not.toBeNull();
  if (ph) {
    await coreCall('settings.update', {
      pool: { accountName: ph.account, restUrl: `${ph.url}/api/v1`, wsUrl: ph.wsUrl },
    });
    await coreCall('pool.configure', { apiKey: ph.apiKey });
  }

  // Alerts open after 5 s of a problem instead of 30, and the L7 chip limit is 78 °C instead of 85, so the
  // clogged rig below is over its limit yet under the firmware's own 90 °C restart: set where a technician would.
  await page.getByRole('link', { name: 'Alerts' }).click();
  await page.getByLabel('Raise after (seconds)').fill('5');
  await page.getByLabel('L7 chip limit (°C)').fill('78');
  await page.getByRole('button', { name: 'Save alert settings' }).click();
  await expect(page.getByTestId('alerts-page').getByText('Saved.')).toBeVisible();

  const first = farm.rigs[0]?.ip as string;
  const last = farm.rigs[4]?.ip as string;
  await page.getByRole('link', { name: 'Discovery' }).click();
  await page.getByLabel('Addresses to scan').fill(`${first}-${last.split('.').pop()}`);
  await page.getByRole('button', { name: 'Scan' }).click();
  await page.getByRole('button', { name: 'Add all new Vnish miners (5)' }).click();
  await expect(page.getByTestId('add-result')).toContainText('Added 5');

  await page.getByRole('link', { name: 'Fleet' }).click();
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(5, { timeout: 30_000 });

  const [hot, chain, fan, gone] = farm.rigs;
  if (!hot || !chain || !fan || !gone) throw new Error('the farm has fewer rigs than planned');
  // Fans at full duty through 60 % dust settle the chips near 84 °C (sim/rig/physics.ts chipTargetTemp).
  await fault(hot.name, { kind: 'overheat', clogged: 0.6, ambientRise: 0 });
  await fault(chain.name, { kind: 'chain-failure', chain: 2, state: 'failure' });
  await fault(fan.name, { kind: 'fan-lost', fan: 1 });
  await fault(gone.name, { kind: 'offline' });

  const row = (ip: string) => page.locator('[data-rig]').filter({ hasText: ipRe(ip) });
  const health = (ip: string) => row(ip).locator('[data-health]');
  const wait = { timeout: 150_000 };
  // Each faulted rig shows its worst problem in words; every problem's evidence is in the cell's tooltip.
  for (const [r, evidence] of [
    [chain, /chain/i],
    [fan, /fan/i],
    [hot, /chip [\d.]+ °C, limit 78 °C/],
  ] as const) {
    await expect(health(r.ip)).toHaveAttribute('data-health', /warning|critical/, wait);
    await expect(health(r.ip)).toHaveAttribute('title', evidence, wait);
    await expect(health(r.ip).locator('.worst-text')).not.toBeEmpty();
  }
  await expect(row(gone.ip)).toContainText('Offline', wait);
  await expect(row(gone.ip)).toContainText(/seen .* ago/);
  await expect(page.getByTestId('fleet-problems')).toContainText('old-spare-7', wait);
  await expect(page.getByTestId('fleet-health')).toContainText(/[1-9]\d* critical|[1-9]\d* warning/);
  await expect(page.getByTestId('fleet-missing')).not.toContainText(/^Missing hashrate0/);

  // Problems first: the four faulted rigs lead the table, the healthy one comes last.
  const order = await page.locator('[data-rig]').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
  const healthy = farm.rigs[4]?.ip as string;
  expect(order.findIndex((t) => ipRe(healthy).test(t))).toBe(order.length - 1);
  // The hot chip's figure is coloured against the model's limit, beside the number.
  await expect(row(hot.ip).locator('.num.tone-bad', { hasText: '°C' })).toBeVisible();
  await snap(page, testInfo, 'fleet');

  // The badge counts open alerts; the Alerts page acknowledges one.
  await expect(page.getByTestId('alerts-count')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('link', { name: /Alerts/ }).click();
  const openRows = page.getByTestId('alerts-table').locator('tbody tr[data-state="open"]');
  await expect(openRows.first()).toBeVisible();
  const id = await openRows.first().getAttribute('data-alert');
  await snap(page, testInfo, 'alerts-open');
  await openRows.first().getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.locator(`tr[data-alert="${id}"][data-state="open"]`)).toHaveCount(0);
  await page.getByRole('tab', { name: /Acknowledged/ }).click();
  await expect(page.locator(`tr[data-alert="${id}"][data-state="acknowledged"]`)).toBeVisible();
  await snap(page, testInfo, 'alerts-acknowledged');

  // The rig page lists the failed chain's evidence and since when, and the rig's alerts.
  await page.getByRole('link', { name: 'Fleet' }).click();
  await row(chain.ip).click();
  await expect(page.getByTestId('rig-problems').locator('li').first()).toContainText(/chain/i);
  await expect(page.getByTestId('rig-problems')).toContainText(/for \d+ (s|min)/);
  await expect(page.getByTestId('rig-alerts').locator('tbody tr').first()).toBeVisible();
  await snap(page, testInfo, 'rig-chain');

  expect(errors).toEqual([]);
});
