/**
 * The Map page with 1,000 rigs placed, in Chromium against the headless face: from navigation to the first paint
 * of every placed slot (`ui_map_first_paint_ms`, target ≤ 500). The core is not started (nothing is polled), so
 * the figure is the page's own cost: load, connect, fetch the fleet and the layout, lay out 1,000 slots.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { createNodeCore } from '../electron/headless-core';
import { startServer } from '../electron/server';
import type { DiscoveredDevice } from '../shared/discovery';
import { median } from './lib/stats';

const quiet = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};
const RIGS = 1000;
const RUNS = 7;
const CHROMIUM = process.env.RIGDECK_CHROMIUM ?? '/usr/bin/chromium';
const UI = join(import.meta.dirname, '..', 'dist', 'renderer');

const device = (i: number): DiscoveredDevice => ({
  ip: `127.0.${10 + Math.floor(i / 250)}.${(i % 250) + 1}`,
  port: 80,
  rpcPort: 4028,
  kind: 'vnish',
  firmware: 'Vnish',
  version: '1.3.4',
  model: 'Antminer L7',
  mac: `02:00:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`,
  serial: `BENCH${String(i).padStart(5, '0')}`,
  hostname: `rig-${String(i + 1).padStart(4, '0')}`,
  reason: null,
  source: 'manual',
  rigId: null,
});

/**
 * Set in the page before it loads: the time (from navigation start) of the first frame after every placed slot is
 * in the page showing its rig's own name (`rig-0001`…, the hostname each bench rig is registered with), so a
 * slot drawn before the fleet is read, with a placeholder for its name, does not count as painted. The core does
 * not poll, so each slot's state is truly "no data". Name changes are text edits, hence `characterData`.
 */
const PAINT_PROBE = `
  new MutationObserver((_, observer) => {
    const slots = document.querySelectorAll('.map-slot[data-rig]');
    if (slots.length < ${RIGS}) return;
    for (const slot of slots) if (!/^rig-\\d{4}\\n/.test(slot.textContent)) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__mapPaintMs = performance.now(); }, 0));
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

/** A headless face on a fresh data directory with 1,000 rigs, every one placed; for this bench and profiling. */
export async function serveMapOf1000(staticDir = UI): Promise<{ url: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rigdeck-bench-map-'));
  const core = createNodeCore({ dataDir, log: quiet });
  const ctx = { face: 'headless' as const, peer: 'bench' };
  const call = async (method: string, params?: unknown) => {
    const r = await core.dispatch(method, params, ctx);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const ids = Array.from({ length: RIGS }, (_, i) => core.registry.upsert(device(i), 1).rig.id);
  // Two rooms of ten racks, 5 rows × 10 slots each: every slot filled.
  for (const room of ['Hall A', 'Hall B']) await call('map.saveRoom', { name: room });
  const { rooms } = (await call('map.get')) as { rooms: { id: string }[] };
  for (let r = 0; r < 20; r++)
    await call('map.saveRack', { roomId: rooms[r < 10 ? 0 : 1]?.id, name: `R${r + 1}`, rows: 5, slots: 10 });
  const { racks } = (await call('map.get')) as { racks: { id: string }[] };
  for (let i = 0; i < RIGS; i++) {
    const rack = racks[Math.floor(i / 50)]?.id;
    const k = i % 50;
    await call('map.place', { rigId: ids[i], rackId: rack, row: Math.floor(k / 10) + 1, slot: (k % 10) + 1 });
  }

  const server = await startServer({ core, host: '127.0.0.1', port: 0, staticDir, log: quiet });
  return {
    url: `http://127.0.0.1:${server.port}/`,
    async close() {
      await server.close();
      await core.stop();
    },
  };
}

export async function runUiMapBench(): Promise<Record<string, number>> {
  const served = await serveMapOf1000();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      await page.addInitScript(PAINT_PROBE);
      await page.goto(`${served.url}#/map`);
      const painted = () => (globalThis as { __mapPaintMs?: number }).__mapPaintMs;
      const handle = await page.waitForFunction(painted, null, { timeout: 60_000 });
      times.push(Number(await handle.jsonValue()));
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  // The first run pays Chromium's own warm-up (a new renderer process, the bundle compiled once): reported apart.
  return {
    ui_map_first_paint_ms: Math.round(median(times.slice(1))),
    ui_map_first_paint_cold_ms: Math.round(times[0] ?? 0),
  };
}
