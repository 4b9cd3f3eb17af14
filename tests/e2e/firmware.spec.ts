import { expect, test } from '@playwright/test';

import { makeFirmwareImage } from '../../sim/vnish/firmware-image';
import { type E2eFarm, startE2eFarm } from './farm';
import { type Served, serve } from './server';
import { snap } from './snap';

let farm: E2eFarm;
let server: Served;

test.beforeEach(async () => {
  // Simulated minutes of flashing and booting pass in real seconds.
  farm = await startE2eFarm(
    { name: 'e2e-firmware', seed: 12, rigs: [{ count: 1, model: 'L7', firmware: '1.3.4' }] },
    { from: 41, speed: 20 },
  );
  server = await serve();
});
test.afterEach(async () => {
  await server.stop();
  farm.child.kill('SIGTERM');
});

test('upgrades firmware on one rig from its page and shows the new version there', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const rig = farm.rigs[0];
  if (!rig) throw new Error('the farm has no rig');

  await page.goto(`${server.url}#/settings`);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await page.getByLabel('Poll interval (seconds)').fill('5');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.getByRole('link', { name: 'Discovery' }).click();
  await page.getByLabel('Addresses to scan').fill(rig.ip);
  await page.getByRole('button', { name: 'Scan' }).click();
  await page.getByRole('button', { name: 'Add all new Vnish miners (1)' }).click();
  await expect(page.getByTestId('add-result')).toContainText('Added 1');
  await page.getByRole('link', { name: 'Fleet' }).click();
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(1, { timeout: 30_000 });
  await page.locator('[data-rig]').first().click();
  await expect(page.getByTestId('rig-firmware-version')).toHaveText('1.3.4');

  // A foreign image first: refused in red with the reason, nothing to send.
  await page.getByRole('button', { name: 'Upgrade firmware…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upgrade firmware' });
  await dialog.getByLabel('Firmware image').setInputFiles({
    name: 'vnish-l9-1.3.5.tar.gz',
    mimeType: 'application/gzip',
    buffer: makeFirmwareImage({ version: '1.3.5', model: 'L9' }).subarray(0, 120),
  });
  await expect(dialog.getByRole('alert')).toContainText(/Refused: truncated/);
  await expect(dialog.getByRole('button', { name: 'Upgrade…' })).toBeDisabled();
  await snap(page, testInfo, 'firmware-refused');

  // The virtual miner's own image format: a gzipped tar with a manifest naming the model and version.
  await dialog.getByLabel('Firmware image').setInputFiles({
    name: 'vnish-l7-1.3.5.tar.gz',
    mimeType: 'application/gzip',
    buffer: makeFirmwareImage({ version: '1.3.5', model: 'L7', payloadBytes: 2_000_000 }),
  });
  await expect(dialog.getByText(/Vnish 1\.3\.5 for L7/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Upgrade…' }).click();
  await expect(dialog.getByText(/^Upgrade 1 rig to Vnish 1\.3\.5\. Each rig reboots/)).toBeVisible();
  await snap(page, testInfo, 'firmware-confirm');
  await dialog.getByRole('button', { name: 'Upgrade 1 rig' }).click();
  await expect(dialog.getByRole('progressbar', { name: /Upload to/ })).toBeVisible({ timeout: 30_000 });
  await snap(page, testInfo, 'firmware-uploading');

  await expect(page.getByTestId('rig-firmware-version')).toHaveText('1.3.5', { timeout: 120_000 });
  // The dialog follows the job: the rig is done only once it runs the new version and hashes again.
  await expect(dialog.locator('[data-state="done"]')).toContainText(
    'Upgraded to 1.3.5 (settings kept); hashing again.',
    {
      timeout: 120_000,
    },
  );
  await snap(page, testInfo, 'firmware-upgraded');
  // The virtual miner itself runs the new version and is back to work.
  const state = async () =>
    (await (
      await fetch(`${farm.control}/rigs/${rig.name}`, { headers: { connection: 'close' } })
    ).json()) as {
      firmware: string;
      state: string;
    };
  await expect.poll(state, { timeout: 60_000 }).toMatchObject({ firmware: '1.3.5', state: 'mining' });
  expect(errors).toEqual([]);
});
