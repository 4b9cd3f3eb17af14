import { expect, test } from '@playwright/test';

import { type E2eFarm, startE2eFarm } from './farm';
import { type Served, serve } from './server';
import { snap } from './snap';

let farm: E2eFarm;
let server: Served;

/**
 * A farm of its own: four rigs RigDeck registers, and a fifth mining to the same ProHashing account under a
 * worker name no registered rig has. Simulated time runs 30× so the fake pool finds blocks (and credits the
 * account) within the test.
 */
function startFarm(): Promise<E2eFarm> {
  return startE2eFarm(
    {
      name: 'e2e-earnings',
      seed: 4242,
      account: {
        name: 'rigdeck-e2e-earn',
        apiKey: '9a1c0e7b5f3d2a4c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f',
        coin: 'litecoin',
      },
      pool: { url: 'stratum+tcp://prohashing.com:3333', diff: 524288 },
      rigs: [
        { count: 3, model: 'L7', firmware: '1.3.4' },
        { count: 1, model: 'L9', firmware: '1.3.4' },
        { count: 1, model: 'L7', firmware: '1.3.4', worker: 'borrowed-l7' },
      ],
    },
    { from: 41, speed: 30 },
  );
}

test.beforeEach(async () => {
  farm = await startFarm();
  server = await serve();
});
test.afterEach(async () => {
  await server.stop();
  farm.child.kill('SIGTERM');
});

test('the Earnings page shows the account’s balances and each rig’s profit, priced by the pool', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const ph = farm.info.prohashing;
  if (!ph) throw new Error('the farm has no ProHashing fake');

  // Point RigDeck at the farm's fake pool through the advanced endpoint fields, as a technician would a proxy.
  await page.goto(`${server.url}#/settings`);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await page.getByLabel('Poll interval (seconds)').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByText('Advanced: endpoints').click();
  await page.getByLabel('REST endpoint').fill(`${ph.url}/api/v1`);
  await page.getByLabel('Live (WebSocket) endpoint').fill(ph.wsUrl);
  await page.getByRole('button', { name: 'Save endpoints' }).click();
  await expect(page.getByLabel('REST endpoint')).toHaveValue(`${ph.url}/api/v1`);
  await page.getByLabel('Account name').fill(ph.account);
  await page.getByRole('button', { name: 'Save account' }).click();
  await page.getByLabel('API key').fill(ph.apiKey);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByTestId('pool-status')).toContainText('Live feed connected', { timeout: 30_000 });

  const first = farm.rigs[0]?.ip as string;
  const last = farm.rigs[3]?.ip as string;
  await page.getByRole('link', { name: 'Discovery' }).click();
  await page.getByLabel('Addresses to scan').fill(`${first}-${last.split('.').pop()}`);
  await page.getByRole('button', { name: 'Scan' }).click();
  await page.getByRole('button', { name: 'Add all new Vnish miners (4)' }).click();
  await expect(page.getByTestId('add-result')).toContainText('Added 4');

  await page.getByRole('link', { name: 'Earnings' }).click();
  const wait = { timeout: 120_000 };
  // Balances per coin, with the payout threshold and progress towards it.
  const balances = page.getByTestId('balances');
  await expect(balances.locator('tr[data-coin="Litecoin"]')).toContainText(/\d\.\d+ LTC/, wait);
  await expect(balances.locator('tr[data-coin="Dogecoin"]')).toContainText(/\d\.\d+ DOGE/, wait);
  await expect(balances.locator('tr[data-coin="Litecoin"] progress')).toBeVisible();
  await expect(page.getByTestId('pplns-note')).toContainText('PPLNS');

  // Every registered rig priced: pool hashrate beside its own, revenue, power cost and profit in USD per day.
  const rows = page.locator('[data-rig-earnings]');
  await expect(rows).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    await expect(rows.nth(i).locator('[data-profit]')).toHaveText(/^-?\d+\.\d+ USD\/day$/, wait);
    // The pool credits a worker once its shares arrive: the second figure may come a refresh later.
    await expect(rows.nth(i)).toContainText(/GH\/s.*GH\/s/, wait);
  }
  await expect(page.getByTestId('fleet-earnings-row')).toContainText(/4 rigs.*USD\/day/);
  await expect(page.getByTestId('fleet-profit')).toHaveText(/^\d+\.\d+ USD\/day$/);

  // The worker mining to the account without a rig in the fleet.
  await expect(page.getByTestId('worker-mismatches')).toContainText('borrowed-l7', wait);
  await expect(page.locator('[data-worker="borrowed-l7"]')).toContainText('no rig');

  // Charts come from stored history (the pool snapshot taken as the feed went live).
  await expect(page.getByTestId('earnings-charts').locator('canvas').first()).toBeVisible(wait);
  await page.getByRole('button', { name: '7d' }).click();
  await expect(page.getByRole('button', { name: '7d' })).toHaveAttribute('aria-pressed', 'true');

  await snap(page, testInfo, 'earnings');
  expect(errors).toEqual([]);
});
