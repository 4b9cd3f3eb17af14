import { expect, test } from '@playwright/test';

import { type E2eFarm, startE2eFarm } from './farm';
import { type Served, serve } from './server';

let farm: E2eFarm;
let server: Served;

/** A small virtual farm of its own (ports 80/4028 per miner, as on a real LAN), on a /24 found free. */
function startFarm(): Promise<E2eFarm> {
  return startE2eFarm(
    {
      name: 'e2e-discovery',
      rigs: [
        { count: 3, model: 'L7', firmware: '1.3.4' },
        { count: 1, model: 'L9', firmware: '1.2.7' },
        { count: 1, model: 'L7', kind: 'stock-bitmain' },
      ],
    },
    { from: 9 },
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

test('scan a range, see every miner identified, add the new ones, then manage them in the fleet', async ({
  page,
}) => {
  await page.goto(`${server.url}#/settings`);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await page.getByLabel('Poll interval (seconds)').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.getByRole('link', { name: 'Discovery' }).click();
  await page.getByLabel('Addresses to scan').fill(`${farm.net}.0-20`);
  await page.getByRole('button', { name: 'Scan' }).click();
  await expect(page.getByTestId('scan-progress')).toContainText('21 / 21 addresses · 5 answered');
  await expect(page.getByTestId('scan-progress')).toContainText('done in');

  const rows = page.getByTestId('discovery-results').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(page.locator('tr[data-kind="vnish"]')).toHaveCount(4);
  await expect(page.locator('tr[data-kind="unsupported"]')).toContainText('Stock Bitmain');

  await page.getByRole('button', { name: 'Add all new Vnish miners (4)' }).click();
  await expect(page.getByTestId('add-result')).toContainText('Added 4');
  await expect(page.locator('tr[data-kind="vnish"]').filter({ hasText: 'In fleet' })).toHaveCount(4);

  // The targets are remembered for next time.
  await page.reload();
  await expect(page.getByLabel('Addresses to scan')).toHaveValue(`${farm.net}.0-20`);

  await page.getByRole('link', { name: 'Fleet' }).click();
  const fleetRows = page.getByTestId('fleet-table').locator('[data-rig]');
  await expect(fleetRows).toHaveCount(4);
  // Polled at the 5 s interval set above: every rig comes online with live figures.
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(4, { timeout: 20_000 });
  await expect(page.getByTestId('fleet-summary')).toContainText('4 / 4 online');

  await fleetRows.first().click();
  await expect(page.getByTestId('rig-page')).toBeVisible();
  await expect(page.getByTestId('chains').locator('tbody tr').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill('Rack A / 1');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Rack A \/ 1/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: /Rack A \/ 1/ })).toBeVisible();
  await page.getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Remove Rack A / 1' }).click();
  await expect(page.getByTestId('fleet-table').locator('[data-rig]')).toHaveCount(3);
});

test('an invalid range is refused with the reason, and nothing is scanned', async ({ page }) => {
  await page.goto(`${server.url}#/discovery`);
  await page.getByLabel('Addresses to scan').fill('10.0.0.0/33');
  await page.getByRole('button', { name: 'Scan' }).click();
  await expect(page.getByTestId('scan-error')).toContainText('10.0.0.0/33');
  await expect(page.getByTestId('scan-progress')).toHaveCount(0);
});

test('a rig that stops answering is greyed with its age, never shown as live, and recovers', async ({
  page,
}) => {
  await page.goto(`${server.url}#/settings`);
  await page.getByLabel('Poll interval (seconds)').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await page.getByRole('link', { name: 'Discovery' }).click();
  await page.getByLabel('Addresses to scan').fill(`${farm.net}.1-4`);
  await page.getByRole('button', { name: 'Scan' }).click();
  await page.getByRole('button', { name: 'Add all new Vnish miners (4)' }).click();
  await expect(page.getByTestId('add-result')).toContainText('Added 4');
  await page.getByRole('link', { name: 'Fleet' }).click();
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(4, { timeout: 20_000 });

  // The farm's control API cuts rig-01 off the network.
  const control = farm.control;
  const offline = await fetch(`${control}/rigs/rig-01/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ kind: 'offline' }),
  });
  expect(offline.ok).toBe(true);
  const row = page
    .locator('[data-rig]', { hasText: `${farm.net}.1 ` })
    .or(
      page.locator('[data-rig]').filter({ hasText: new RegExp(`${farm.net.replaceAll('.', '\\.')}\\.1$`) }),
    );
  await expect(row).toHaveAttribute('data-liveness', /stale|offline/, { timeout: 30_000 });
  await expect(row).toHaveClass(/not-live/);
  await expect(page.getByTestId('fleet-summary')).toContainText('3 / 4 online');

  const back = await fetch(`${control}/rigs/rig-01/faults/offline`, {
    method: 'DELETE',
    headers: { connection: 'close' },
  });
  expect(back.ok).toBe(true);
  await expect(row).toHaveAttribute('data-liveness', 'online', { timeout: 40_000 });
});
