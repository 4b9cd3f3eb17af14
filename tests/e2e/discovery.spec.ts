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
  await page.goto(`${server.url}#/discovery`);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);

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
  const fleet = page.getByTestId('fleet-table').locator('tbody tr');
  await expect(fleet).toHaveCount(4);
  await expect(page.getByTestId('fleet-table')).toContainText('Antminer L9');

  const first = fleet.first();
  await first.getByRole('button', { name: 'Rename' }).click();
  await first.getByRole('textbox').fill('Rack A / 1');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('fleet-table')).toContainText('Rack A / 1');

  await page.reload();
  await expect(page.getByTestId('fleet-table')).toContainText('Rack A / 1');
  const renamed = page.locator('tr', { hasText: 'Rack A / 1' });
  await renamed.getByRole('button', { name: 'Remove' }).click();
  await renamed.getByRole('button', { name: 'Remove Rack A / 1' }).click();
  await expect(page.getByTestId('fleet-table').locator('tbody tr')).toHaveCount(3);
});

test('an invalid range is refused with the reason, and nothing is scanned', async ({ page }) => {
  await page.goto(`${server.url}#/discovery`);
  await page.getByLabel('Addresses to scan').fill('10.0.0.0/33');
  await page.getByRole('button', { name: 'Scan' }).click();
  await expect(page.getByTestId('scan-error')).toContainText('10.0.0.0/33');
  await expect(page.getByTestId('scan-progress')).toHaveCount(0);
});
