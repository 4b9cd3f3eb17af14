import { expect, test } from '@playwright/test';

import { startAbacus } from '../../sim/abacus/server';
import { createRng } from '../../sim/util/random';
import { TestSocket } from '../helpers/ws';
import { freePortRange } from '../helpers/loopback';
import { type E2eFarm, startE2eFarm } from './farm';
import { type Served, serve } from './server';
import { snap } from './snap';

/**
 * The Abacus.AI section of the Settings page against the fake, as a technician would set it up: ids and server
 * saved, the two tokens written (and shown only as "set"), telemetry streamed from a small farm, then an outage
 * shown as the last error in red. The fake runs in this process so the test can cause the outage.
 */
let farm: E2eFarm;
let server: Served;
let fake: Awaited<ReturnType<typeof startAbacus>>;

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

test.beforeEach(async () => {
  farm = await startE2eFarm(
    { name: 'e2e-abacus', seed: 7, rigs: [{ count: 3, model: 'L7', firmware: '1.3.4' }] },
    { from: 61 },
  );
  fake = await startAbacus({
    port: await freePortRange(1, 25_300 + Math.floor(Math.random() * 2_000)),
    rng: createRng('e2e-abacus'),
    ratePerSec: 100,
    now: Date.now,
  });
  server = await serve();
});
test.afterEach(async () => {
  await server.stop();
  await fake.service.close();
  farm.child.kill('SIGTERM');
});

test('Abacus.AI: configured on the Settings page, streams, and shows an outage in red', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await coreCall('fleet.add', { addresses: farm.rigs.map((r) => ({ ip: r.ip })) });
  await coreCall('fleet.pollNow', {});

  await page.goto(`${server.url}#/settings`);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  const status = page.getByTestId('abacus-status');
  await expect(status).toContainText('Off: recommendations come from the built-in engine only.');

  await page.getByRole('checkbox', { name: 'Use Abacus.AI' }).check();
  await page.getByLabel('Server').fill(fake.info.url);
  await page.getByLabel('Deployment id').fill(fake.info.deploymentId);
  await page.getByLabel('Feature group id').fill(fake.info.featureGroupId);
  await page.getByRole('button', { name: 'Save Abacus.AI settings' }).click();
  await expect(status).toContainText('not configured');

  await page.getByLabel('Deployment token').fill(fake.info.deploymentToken);
  await page.getByLabel('Streaming token').fill(fake.info.streamingToken);
  await page.getByRole('button', { name: 'Save tokens' }).click();
  await expect(page.getByTestId('abacus-deploymentToken-set')).toHaveText('set');
  await expect(page.getByTestId('abacus-streamingToken-set')).toHaveText('set');
  await expect(page.getByLabel('Deployment token')).toHaveValue('');
  await expect(status).toContainText('Connected.');
  await expect(status).toContainText('3 rows, last', { timeout: 20_000 });
  await snap(page, testInfo, 'abacus-connected');

  fake.faults.outage(503);
  await coreCall('fleet.pollNow', {});
  await page.getByLabel('Streaming token').fill(fake.info.streamingToken);
  await page.getByRole('button', { name: 'Save tokens' }).click();
  const last = page.getByTestId('abacus-last-error');
  await expect(last).toContainText('HTTP 503', { timeout: 20_000 });
  await expect(last).toHaveClass('error');
  await snap(page, testInfo, 'abacus-outage');
  const html = await page.content();
  expect(html).not.toContain(fake.info.deploymentToken);
  expect(html).not.toContain(fake.info.streamingToken);
  expect(errors).toEqual([]);
});
