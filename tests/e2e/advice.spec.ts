import { expect, test } from '@playwright/test';

import { TestSocket } from '../helpers/ws';
import { type E2eFarm, startE2eFarm } from './farm';
import { type Served, serve } from './server';
import { snap } from './snap';

let farm: E2eFarm;
let server: Served;

/**
 * Four L7s on preset 3425 and a dear power price with a revenue figure entered by hand: the engine tells every
 * rig to take a cheaper preset, the Fleet page counts the recommendations, and one click on the Advice page
 * applies one through a control job, after which the virtual miner runs the new preset.
 */
function startFarm(): Promise<E2eFarm> {
  return startE2eFarm(
    { name: 'e2e-advice', seed: 2027, ambient: 25, rigs: [{ count: 4, model: 'L7', firmware: '1.3.4' }] },
    { from: 41, speed: 6 },
  );
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

/**
 * The preset in the virtual miner's settings, as its own API says (a preset change is saved at once and runs
 * from the next mining restart, docs/vnish.md §3.7): logged in with the factory password.
 */
async function presetOf(ip: string): Promise<string> {
  const headers = { connection: 'close', 'content-type': 'application/json' };
  const unlock = await fetch(`http://${ip}/api/v1/unlock`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ pw: 'admin' }),
  });
  const { token } = (await unlock.json()) as { token?: string };
  const r = await fetch(`http://${ip}/api/v1/settings`, {
    headers: { ...headers, authorization: `Bearer ${token ?? ''}` },
  });
  const body = (await r.json()) as { miner?: { overclock?: { preset?: string } } };
  return body.miner?.overclock?.preset ?? '';
}

test.beforeEach(async () => {
  farm = await startFarm();
  server = await serve();
});
test.afterEach(async () => {
  await server.stop();
  farm.child.kill('SIGTERM');
});

test('a recommendation is applied in one click and the virtual miner changes preset', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await coreCall('settings.update', {
    pollIntervalSec: 5,
    electricity: { pricePerKwh: 0.3 },
    advice: { revenuePerMhDay: 0.0005, evaluateEverySec: 15 },
  });
  await coreCall('fleet.add', { addresses: farm.rigs.map((r) => ({ ip: r.ip, port: 80 })) });

  await page.goto(server.url);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(4, { timeout: 60_000 });
  const strip = page.getByTestId('advice-strip');
  await expect(strip).toContainText('4 recommendations', { timeout: 90_000 });
  await snap(page, testInfo, 'fleet-with-advice');

  await strip.getByRole('link').click();
  const advicePage = page.getByTestId('advice-page');
  const target = farm.rigs[0];
  if (!target) throw new Error('empty farm');
  const before = await presetOf(target.ip);
  expect(before).toBe('3425');
  const items = advicePage.locator('.advice-item[data-kind="best-preset"]');
  await expect(items).toHaveCount(4);
  const item = items.filter({ has: page.getByRole('link', { name: /./ }) }).first();
  const apply = item.getByRole('button', { name: /^Apply: preset/ });
  const label = (await apply.textContent()) ?? '';
  const wanted = /name (\d+)/.exec(label)?.[1];
  expect(wanted).toBeDefined();
  const rigId = await item.getAttribute('data-rig');
  await snap(page, testInfo, 'advice-page');
  await apply.click();
  // Applied: it leaves the open list (until an evaluation finds it again) and enters the applied history.
  await expect(advicePage.getByTestId('advice-applied')).toContainText('Switch to preset');
  await expect(
    advicePage.locator(`.advice-item[data-rig="${rigId ?? ''}"][data-kind="best-preset"]`),
  ).toHaveCount(0);

  // The rig that item was about: its IP from its page, then the virtual miner itself is asked.
  await page.goto(`${server.url}#/rig/${rigId ?? ''}`);
  const rigPage = page.getByTestId('rig-page');
  await expect(rigPage).toBeVisible();
  await snap(page, testInfo, 'rig-page-after-apply');
  const text = (await rigPage.textContent()) ?? '';
  const rigIp = farm.rigs.find((r) => new RegExp(`${r.ip.replace(/\./g, '\\.')}(?!\\d)`).test(text))?.ip;
  if (!rigIp) throw new Error('no IP on the rig page');
  await expect.poll(() => presetOf(rigIp), { timeout: 60_000 }).toBe(wanted);
  // Only that rig: the other three keep the preset they started with.
  const others = farm.rigs.filter((r) => r.ip !== rigIp);
  expect(await Promise.all(others.map((r) => presetOf(r.ip)))).toEqual(others.map(() => '3425'));

  await page.getByRole('link', { name: 'Advice' }).click();
  await expect(advicePage.getByTestId('advice-applied')).toContainText('Switch to preset');
  await snap(page, testInfo, 'advice-applied');
  expect(errors).toEqual([]);
});
