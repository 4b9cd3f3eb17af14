import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { type Served, passwd, serve } from './server';

let server: Served;
test.beforeEach(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rigdeck-e2e-'));
  await passwd(dataDir, 'farm-password-1');
  server = await serve(dataDir);
});
test.afterEach(async () => {
  await server.stop();
});

test('with a password set, a wrong password is refused and the right one gets in', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: 'Log in to RigDeck' })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText(/Login required/);

  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong password.');
  await expect(page.getByRole('heading', { name: 'Log in to RigDeck' })).toBeVisible();

  await page.getByLabel('Password').fill('farm-password-1');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await expect(page.getByRole('heading', { name: 'Fleet' })).toBeVisible();

  // The session survives a reload without asking again.
  await page.reload();
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('Poll interval (seconds)')).toHaveValue('15');
});
