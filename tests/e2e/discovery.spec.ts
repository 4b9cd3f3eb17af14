import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { type Served, serve } from './server';

const ROOT = join(import.meta.dirname, '..', '..');
let farm: ChildProcess;
let server: Served;

/** A small virtual farm of its own on 127.0.9.x (ports 80/4028 per miner, as on a real LAN). */
async function startFarm(): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'rigdeck-e2e-farm-'));
  const scenario = join(dir, 'farm.json');
  writeFileSync(
    scenario,
    JSON.stringify({
      name: 'e2e-discovery',
      rigs: [
        { count: 3, model: 'L7', firmware: '1.3.4' },
        { count: 1, model: 'L9', firmware: '1.2.7' },
        { count: 1, model: 'L7', kind: 'stock-bitmain' },
      ],
    }),
  );
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'sim/cli.ts',
      '--scenario',
      scenario,
      '--base-ip',
      '127.0.9.1',
      '--service-port',
      '27080',
      '--quiet',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`farm did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('control API')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`farm exited with ${code}:\n${out}`)));
  });
  return child;
}

test.beforeEach(async () => {
  farm = await startFarm();
  server = await serve();
});
test.afterEach(async () => {
  await server.stop();
  farm.kill('SIGTERM');
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
  await page.getByLabel('Addresses to scan').fill('127.0.9.0-20');
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
  await expect(page.getByLabel('Addresses to scan')).toHaveValue('127.0.9.0-20');

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
  await page.getByLabel('Addresses to scan').fill('127.0.9.1-4');
  await page.getByRole('button', { name: 'Scan' }).click();
  await page.getByRole('button', { name: 'Add all new Vnish miners (4)' }).click();
  await expect(page.getByTestId('add-result')).toContainText('Added 4');
  await page.getByRole('link', { name: 'Fleet' }).click();
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(4, { timeout: 20_000 });

  // The farm's control API (service port + 2) cuts rig-01 off the network.
  const control = 'http://127.0.0.1:27082';
  const offline = await fetch(`${control}/rigs/rig-01/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify({ kind: 'offline' }),
  });
  expect(offline.ok).toBe(true);
  const row = page
    .locator('[data-rig]', { hasText: '127.0.9.1 ' })
    .or(page.locator('[data-rig]').filter({ hasText: /127\.0\.9\.1$/ }));
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
