import { expect, test } from '@playwright/test';

import { TestSocket } from '../helpers/ws';
import { type E2eFarm, type FarmRig, startE2eFarm } from './farm';
import { type Served, serve } from './server';
import { snap } from './snap';

let farm: E2eFarm;
let server: Served;

/** Five rigs; rig-05 mines under the worker name R1-S05, which is where its label says it sits. */
function startFarm(): Promise<E2eFarm> {
  return startE2eFarm(
    {
      name: 'e2e-map',
      seed: 12,
      rigs: [
        { count: 4, model: 'L7', firmware: '1.3.4' },
        { count: 1, model: 'L9', firmware: '1.3.4', worker: 'R1-S05' },
      ],
    },
    { from: 41, speed: 4 },
  );
}

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

/** The virtual miner's own view of its locate LED (Vnish /api/v1/status find_miner, no login needed). */
async function ledOn(rig: FarmRig): Promise<boolean> {
  const r = await fetch(`http://${rig.ip}/api/v1/status`, { headers: { connection: 'close' } });
  return ((await r.json()) as { find_miner?: boolean }).find_miner === true;
}

test.beforeEach(async () => {
  farm = await startFarm();
  server = await serve();
});
test.afterEach(async () => {
  await server.stop();
  farm.child.kill('SIGTERM');
});

test('a rack is built, rigs placed by drag, pick, blink and label, overlays switched, a rig opened from its slot', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await coreCall('settings.update', { pollIntervalSec: 5 });
  await coreCall('fleet.add', { addresses: farm.rigs.map((r) => ({ ip: r.ip })) });

  await page.goto(`${server.url}#/fleet`);
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(5, { timeout: 60_000 });
  // rig-05's default name (its hostname) gives way to its pool worker name once its pool settings are read.
  await expect(page.locator('[data-rig]').filter({ hasText: 'R1-S05' })).toHaveCount(1, { timeout: 60_000 });

  await page.getByRole('link', { name: 'Map' }).click();
  await expect(page.getByText('No rooms yet')).toBeVisible();
  await page.getByLabel('New room name').fill('Hall A');
  await page.getByRole('button', { name: 'Add room' }).click();
  await page.getByRole('button', { name: 'Add rack' }).click();
  await page.getByLabel('Rack name').fill('R1');
  await page.getByLabel('Rows').fill('2');
  await page.getByLabel('Slots per row').fill('6');
  await page.getByRole('button', { name: 'Add rack' }).last().click();
  await expect(page.getByText('2 × 6 slots, 0 placed')).toBeVisible();

  const slot = (row: number, n: number) =>
    page.getByRole('button', { name: new RegExp(`^R1 row ${row} slot ${n}:`) });
  const unplaced = page.getByRole('complementary', { name: 'Unplaced rigs' });
  const item = (name: string) => unplaced.locator('li').filter({ hasText: name });
  const [r1, r2, , r4] = farm.rigs;
  if (!r1 || !r2 || !r4) throw new Error('the farm has fewer rigs than planned');

  // 1. Drag and drop.
  await item(r1.name).dragTo(slot(1, 1));
  await expect(slot(1, 1)).toHaveAttribute('aria-label', new RegExp(`${r1.name}, OK`));
  // 2. Pick, then click the slot (the keyboard's way too: both are buttons).
  await item(r2.name).getByRole('button', { name: 'Pick' }).click();
  await slot(1, 2).click();
  await expect(slot(1, 2)).toHaveAttribute('aria-label', new RegExp(r2.name));
  // 3. Blink to locate: the virtual miner's LED goes on, the technician clicks where it blinks, it goes off.
  expect(await ledOn(r4)).toBe(false);
  await item(r4.name).getByRole('button', { name: 'Blink to locate' }).click();
  await expect(page.locator('.map-banner')).toContainText(`The locate LED of ${r4.name} is on`);
  await expect.poll(() => ledOn(r4), { timeout: 30_000 }).toBe(true);
  await snap(page, testInfo, 'map-blinking');
  await slot(2, 1).click();
  await expect(slot(2, 1)).toHaveAttribute('aria-label', new RegExp(r4.name));
  await expect.poll(() => ledOn(r4), { timeout: 30_000 }).toBe(false);
  // The keyboard's move: M on a placed slot picks its rig, Enter on a free slot puts it there.
  await slot(2, 1).press('m');
  await slot(2, 2).press('Enter');
  await expect(slot(2, 2)).toHaveAttribute('aria-label', new RegExp(r4.name));
  await expect(slot(2, 1)).toHaveAttribute('aria-label', /: empty$/);
  // 4. From its worker name: R1-S05 is rack R1's fifth slot.
  await page.getByRole('button', { name: 'Place from labels' }).click();
  await expect(page.getByText('Placed 1 rig from labels and names.')).toBeVisible();
  await expect(slot(1, 5)).toHaveAttribute('aria-label', /R1-S05/);
  await expect(page.getByText('2 × 6 slots, 4 placed')).toBeVisible();
  await snap(page, testInfo, 'map-health');

  // Overlays: each slot shows its figure with its unit.
  await page.getByRole('radio', { name: 'Chip temperature' }).click();
  await expect(slot(1, 1)).toHaveAttribute('aria-label', /\d+ °C$/, { timeout: 30_000 });
  await snap(page, testInfo, 'map-temperature');
  await page.getByRole('radio', { name: 'Hashrate % of nominal' }).click();
  // The share needs the rig's nominal hashrate, read with its presets on the slow tier: it may take a poll.
  await expect(slot(1, 1)).toHaveAttribute('aria-label', /\d+ %$/, { timeout: 30_000 });
  await page.getByRole('radio', { name: 'Power' }).click();
  await expect(slot(1, 1)).toHaveAttribute('aria-label', /\d[\d.]* k?W$/, { timeout: 30_000 });
  await snap(page, testInfo, 'map-power');

  // A placed slot opens its rig; renaming it to another rig's name is refused with whose name it is.
  await slot(1, 1).click();
  await expect(page).toHaveURL(/#\/rig\//);
  await expect(page.getByRole('heading', { name: r1.name })).toBeVisible();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New name').fill(r2.name.toUpperCase());
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`${r2.name.toUpperCase()} is already the name of ${r2.ip}.`)).toBeVisible();
  await snap(page, testInfo, 'rename-refused');
  expect(errors).toEqual([]);
});
