import { expect, test } from '@playwright/test';

import { type Served, serve } from './server';

let server: Served;
test.beforeEach(async () => {
  server = await serve();
});
test.afterEach(async () => {
  await server.stop();
});

test('settings: an invalid value is shown at its field, a valid change survives reload and a server restart', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The old page's reconnect attempts after the restart below are expected noise, not app errors.
  page.on(
    'console',
    (m) => m.type() === 'error' && !m.text().includes('ERR_CONNECTION_REFUSED') && errors.push(m.text()),
  );

  await page.goto(server.url);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await expect(page.getByRole('heading', { name: 'Fleet' })).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/#\/settings$/);
  const interval = page.getByLabel('Poll interval (seconds)');
  await expect(interval).toHaveValue('15');

  await interval.fill('2');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('error-pollIntervalSec')).toContainText('at least 5');
  await expect(interval).toHaveAttribute('aria-invalid', 'true');

  await interval.fill('20');
  await page.getByLabel('Currency').fill('eur');
  await page.getByLabel('Theme').selectOption('light');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await page.reload();
  await expect(page.getByLabel('Poll interval (seconds)')).toHaveValue('20');
  await expect(page.getByLabel('Currency')).toHaveValue('EUR');

  server = await server.restart();
  await page.goto(`${server.url}#/settings`);
  await expect(page.getByLabel('Poll interval (seconds)')).toHaveValue('20');
  await expect(page.getByLabel('Theme')).toHaveValue('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.getByText('Headless server')).toBeVisible();

  expect(errors).toEqual([]);
});

test('connection indicator says reconnecting while the server is down and recovers by itself', async ({
  page,
}) => {
  await page.goto(server.url);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  const dataDir = server.dataDir;
  const url = server.url;
  await server.stop();
  await expect(page.getByTestId('connection')).toHaveText(/Reconnecting/);
  server = await serve(dataDir, Number(new URL(url).port));
  await expect(page.getByTestId('connection')).toHaveText(/Connected/, { timeout: 15_000 });
});
