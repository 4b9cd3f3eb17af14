import { type Page, expect, test } from '@playwright/test';

import { TestSocket } from '../helpers/ws';
import { type E2eFarm, startE2eFarm } from './farm';
import { type Served, serve } from './server';
import { snap } from './snap';

let farm: E2eFarm;
let server: Served;

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

// Page-side expressions as strings: this file is compiled without the DOM library.
/** The rig id of the row that has the focus, or null. */
const focusedRig = (page: Page) =>
  page.evaluate<string | null>("document.activeElement?.closest('[data-rig]')?.dataset.rig ?? null");
/** The computed colour of every element matching `selector`. */
const colours = (page: Page, selector: string) =>
  page.evaluate<string[]>(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => getComputedStyle(e).color)`,
  );
/** The theme's muted colour as the browser computes it (rgb). */
const mutedColour = (page: Page) =>
  page.evaluate<string>(`(() => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--muted)';
    document.body.append(probe);
    const rgb = getComputedStyle(probe).color;
    probe.remove();
    return rgb;
  })()`);

test.beforeEach(async () => {
  farm = await startE2eFarm(
    {
      name: 'e2e-truth',
      seed: 12,
      ambient: 25,
      rigs: [
        { count: 3, model: 'L7', firmware: '1.3.4' },
        { count: 1, model: 'L9', firmware: '1.3.4' },
      ],
    },
    { from: 41 },
  );
  server = await serve();
  await coreCall('settings.update', { pollIntervalSec: 5 });
  await coreCall('fleet.add', { addresses: farm.rigs.map((r) => ({ ip: r.ip })) });
});
test.afterEach(async () => {
  await server.stop();
  farm.child.kill('SIGTERM');
});

test('everything a technician does on the fleet is reachable by keyboard, focus always visible', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(4, { timeout: 30_000 });

  // `/` focuses the search; typing there fires no shortcut ("g a" stays text, the page stays Fleet).
  const search = page.getByLabel('Filter rigs');
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type('ga');
  await expect(search).toHaveValue('ga');
  await expect(page.getByTestId('fleet-table')).toBeVisible();
  await search.fill(farm.rigs[1]?.ip ?? '');
  await expect(page.locator('[data-rig]')).toHaveCount(1);

  // Down from the search lands on the row; Enter opens the rig; Esc comes back to the row.
  await page.keyboard.press('ArrowDown');
  const picked = await focusedRig(page);
  expect(picked).not.toBeNull();
  await expect(page.locator(':focus')).not.toHaveCSS('outline-style', 'none');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rig-page')).toBeVisible();
  await expect(page.getByTestId('rig-page')).toContainText(farm.rigs[1]?.ip ?? '');
  // A rig added a moment ago opens its history on 1 h.
  await expect(page.getByRole('button', { name: '1 h', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await snap(page, testInfo, 'rig-page');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('fleet-table')).toBeVisible();
  await expect.poll(() => focusedRig(page)).toBe(picked);

  // Arrows move row by row through the whole table.
  await page.keyboard.press('Home');
  const first = await focusedRig(page);
  await page.keyboard.press('ArrowDown');
  const second = await focusedRig(page);
  expect(second).not.toBe(first);
  await page.keyboard.press('ArrowUp');
  expect(await focusedRig(page)).toBe(first);
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowDown');
  const rows = await page.locator('[data-rig]').evaluateAll((r) => r.map((e) => e.getAttribute('data-rig')));
  expect(await focusedRig(page)).toBe(rows.at(-1));
  await snap(page, testInfo, 'fleet-keyboard');

  // g a / g f go to Alerts and back; the sheet lists the keys and Esc closes it.
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page.getByTestId('alerts-page')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/alerts');
  await page.keyboard.press('?');
  const sheet = page.getByTestId('key-sheet');
  await expect(sheet).toBeVisible();
  for (const what of ['Search the fleet', 'Open the rig', 'Go to Fleet', 'Go to Map', 'Go to Alerts'])
    await expect(sheet).toContainText(what);
  await snap(page, testInfo, 'key-sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await page.keyboard.press('g');
  await page.keyboard.press('f');
  await expect(page.getByTestId('fleet-table')).toBeVisible();

  // Tab reaches the navigation, with a visible focus ring.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveCount(1);
  await expect(page.locator(':focus')).not.toHaveCSS('outline-style', 'none');

  expect(errors).toEqual([]);
});

test('with the server stopped every figure greys with its age and a banner says so', async ({
  page,
}, testInfo) => {
  await page.goto(server.url);
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(4, { timeout: 30_000 });
  await expect(page.getByTestId('link-banner')).toHaveCount(0);
  const mutedRgb = await mutedColour(page);
  // Live, the badges are coloured (green for mining).
  const badgeColours = () => colours(page, '[data-rig] .badge');
  expect((await badgeColours()).some((c) => c !== mutedRgb)).toBe(true);

  const { dataDir, url } = server;
  await server.stop();
  const banner = page.getByTestId('link-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/Connection to RigDeck lost/);
  // Every badge, figure and summary card is grey; every row says how old its figures are.
  await expect.poll(badgeColours).toEqual(Array(8).fill(mutedRgb));
  const figures = await colours(page, '[data-rig] .num, [data-testid="fleet-summary"] strong');
  expect(figures.length).toBeGreaterThan(20);
  expect(new Set(figures)).toEqual(new Set([mutedRgb]));
  const ages = await page.locator('[data-rig] .age').allInnerTexts();
  expect(ages).toHaveLength(4);
  for (const age of ages) expect(age).toMatch(/^seen \d+ s ago$/);
  await expect(banner).toContainText(/lost [1-9]\d* s ago/);
  await snap(page, testInfo, 'link-lost');

  // Back: the banner goes, the figures are live again.
  server = await serve(dataDir, Number(new URL(url).port));
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await expect(page.locator('[data-rig][data-liveness="online"]')).toHaveCount(4, { timeout: 30_000 });
  await snap(page, testInfo, 'link-back');
});
