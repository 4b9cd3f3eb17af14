// @vitest-environment node
/** discovery.scan / discovery.cancel through the contract, with events, against virtual miners on loopback. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core';
import type { EventName } from '../../shared/contract';
import { type Farm, parseScenario, startFarm } from '../../sim/index';
import { makeCore } from '../helpers/core';

const ctx = { face: 'headless' as const, peer: 'test' };
let farm: Farm;
let core: Core;
const seen: { name: EventName; payload: Record<string, unknown> }[] = [];

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(
      {
        name: 'scan-contract',
        rigs: [
          { count: 3, model: 'L7', firmware: '1.3.4' },
          { count: 1, model: 'L7', kind: 'whatsminer' },
        ],
      },
      'test',
    ),
    basePort: 23_200,
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 5,
  });
  core = makeCore();
  core.events.subscribe((name, payload) => seen.push({ name, payload: payload as Record<string, unknown> }));
});

afterAll(async () => {
  await core.stop();
  await farm.stop();
});

const targets = () => farm.rigs.map((r) => `${r.ip}:${r.httpPort}`);

async function scanToEnd(list: string[]) {
  seen.length = 0;
  const r = await core.dispatch('discovery.scan', { targets: list }, ctx);
  if (!r.ok) throw new Error(r.error.message);
  const { scanId } = r.value as { scanId: string };
  await expect
    .poll(() => seen.some((e) => e.name === 'discovery.done' && e.payload.scanId === scanId))
    .toBe(true);
  return { scanId, found: seen.filter((e) => e.name === 'discovery.found').map((e) => e.payload) };
}

describe('discovery through the contract', () => {
  it('streams every device with the scan id, then a summary, and remembers the targets', async () => {
    const { scanId, found } = await scanToEnd(targets());
    expect(found).toHaveLength(4);
    expect(found.every((f) => f.scanId === scanId)).toBe(true);
    const done = seen.find((e) => e.name === 'discovery.done')?.payload;
    expect(done).toMatchObject({
      total: 4,
      done: 4,
      found: 4,
      cancelled: false,
      error: null,
      byKind: { vnish: 3, unsupported: 1 },
    });
    expect(core.settings.get().scanTargets.slice(0, 4)).toEqual(targets());
  });

  it('marks devices already in the fleet with their rig id', async () => {
    const first = farm.rigs[0];
    if (!first) throw new Error('no rig');
    const added = await core.dispatch(
      'fleet.add',
      { addresses: [{ ip: first.ip, port: first.httpPort, rpcPort: first.rpcPort }] },
      ctx,
    );
    expect(added.ok).toBe(true);
    const { found } = await scanToEnd(targets());
    const devices = found.map((f) => f.device as { ip: string; port: number; rigId: string | null });
    const known = devices.filter((d) => d.rigId !== null);
    expect(known).toHaveLength(1);
    expect(known[0]?.port).toBe(first.httpPort);
  });

  it('refuses a bad target with the token named, before sending anything', async () => {
    const r = await core.dispatch('discovery.scan', { targets: ['127.0.0.1', '300.1.1.1/24'] }, ctx);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'targets' }] },
    });
    if (!r.ok) expect(r.error.message).toContain('300.1.1.1/24');
  });

  it('cancels a running scan and says so in its summary', async () => {
    seen.length = 0;
    // A /20 of mostly closed loopback addresses with a small concurrency keeps the scan running long enough.
    const r = await core.dispatch('discovery.scan', { targets: ['127.0.64.0/20'], concurrency: 4 }, ctx);
    if (!r.ok) throw new Error(r.error.message);
    const { scanId } = r.value as { scanId: string };
    expect(await core.dispatch('discovery.cancel', { scanId }, ctx)).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    await expect
      .poll(() => seen.find((e) => e.name === 'discovery.done')?.payload)
      .toMatchObject({ scanId, cancelled: true });
    expect(await core.dispatch('discovery.cancel', { scanId }, ctx)).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });
});
