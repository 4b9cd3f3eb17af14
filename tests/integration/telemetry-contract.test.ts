// @vitest-environment node
/** Live state, history, CSV and /metrics through the contract and the headless server, against virtual miners. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core';
import { createNodeCore } from '../../electron/headless-core';
import { type RunningServer, startServer } from '../../electron/server';
import { hashPassword, writePasswordRecord } from '../../electron/server/password';
import type { EventName } from '../../shared/contract';
import type { FleetChange } from '../../shared/fleet';
import type { HistoryResult, RigLive } from '../../shared/telemetry';
import { type Farm, parseScenario, startFarm } from '../../sim/index';
import { quietLog, tempDir } from '../helpers/core';

const ctx = { face: 'headless' as const, peer: 'test' };
let farm: Farm;
let core: Core;
let server: RunningServer;
const changes: FleetChange[] = [];

async function call<T>(method: string, params?: unknown): Promise<T> {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(
      {
        name: 'telemetry',
        rigs: [
          { count: 2, model: 'L7', firmware: '1.3.4' },
          { count: 1, model: 'L9', firmware: '1.2.7' },
        ],
      },
      'test',
    ),
    basePort: 23_400,
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 9,
  });
  await farm.advance(900); // boot, tune and settle into mining
  const dataDir = tempDir();
  core = createNodeCore({
    dataDir,
    log: quietLog,
    collector: { overrides: { cadence: { intervalMs: 400 }, initialSpreadRatio: 0, notifyCoalesceMs: 20 } },
  });
  core.events.subscribe((name: EventName, payload) => {
    if (name === 'fleet.changed') changes.push(payload as FleetChange);
  });
  await call('fleet.add', {
    addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
  });
  writePasswordRecord(dataDir, await hashPassword('metrics-secret-1'));
  const staticDir = join(dataDir, 'www');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  await core.start();
  server = await startServer({ core, host: '127.0.0.1', port: 0, staticDir, log: quietLog, metrics: true });
});

afterAll(async () => {
  await server.close();
  await core.stop();
  await farm.stop();
});

const allOnline = async () => {
  const { rigs } = await call<{ rigs: RigLive[] }>('fleet.live');
  return rigs.length === 3 && rigs.every((r) => r.liveness === 'online');
};

describe('telemetry through the contract', () => {
  it('brings every reachable rig online with the figures the miner reports', async () => {
    await expect.poll(allOnline, { timeout: 15_000, interval: 200 }).toBe(true);
    const { rigs, summary } = await call<{
      rigs: RigLive[];
      summary: { rigs: { online: number }; hashrateMhs: number };
    }>('fleet.live');
    expect(summary.rigs.online).toBe(3);
    for (const l of rigs) {
      expect(l.takenAtMs).not.toBeNull();
      expect(l.hashrateMhs ?? 0).toBeGreaterThan(0);
      expect(l.chipTempMaxC).not.toBeNull();
    }
    expect(summary.hashrateMhs).toBeCloseTo(
      rigs.reduce((s, l) => s + (l.hashrateMhs ?? 0), 0),
      0,
    );
  });

  it('announces changes as fleet.changed with only the rigs that changed', () => {
    const withLive = changes.filter((c) => c.live.length > 0);
    expect(withLive.length).toBeGreaterThan(0);
    expect(withLive.every((c) => c.live.length <= 3 && c.added.length === 0)).toBe(true);
    expect(withLive.some((c) => c.summary !== null)).toBe(true);
  });

  it('gives a rig detail with the full snapshot and a history of what was polled', async () => {
    const { rigs } = await call<{ rigs: RigLive[] }>('fleet.live');
    const id = rigs[0]?.rigId ?? '';
    const detail = await call<{ snapshot: { chains: unknown[] } | null; rig: { id: string } }>('rig.detail', {
      id,
    });
    expect(detail.rig.id).toBe(id);
    expect(detail.snapshot?.chains.length).toBeGreaterThan(0);

    const now = Date.now();
    await expect
      .poll(
        async () => {
          const h = await call<HistoryResult>('history.query', {
            rigId: id,
            metrics: ['hashrate_mhs'],
            fromMs: now - 3_600_000,
            toMs: now + 60_000,
          });
          return h.series[0]?.points.length ?? 0;
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    const fleet = await call<HistoryResult>('history.query', {
      rigId: null,
      metrics: ['hashrate_mhs', 'power_w'],
      fromMs: now - 3_600_000,
      toMs: now + 60_000,
    });
    expect(fleet.resolution).toBe('raw');
    expect(fleet.series.map((s) => s.metric)).toEqual(['hashrate_mhs', 'power_w']);

    const csv = await call<{ csv: string; rows: number }>('history.exportCsv', {
      rigId: id,
      metrics: ['hashrate_mhs'],
      fromMs: now - 3_600_000,
      toMs: now + 60_000,
    });
    expect(csv.rows).toBeGreaterThan(0);
    expect(csv.csv.split('\n')[0]).toMatch(/hashrate_mhs/);

    // The same range in one page (an hour of a rig's seconds is within a page): the same text and rows.
    const query = { rigId: id, metrics: ['hashrate_mhs'], fromMs: now - 3_600_000, toMs: now + 60_000 };
    const page = await call<{ csv: string; rows: number; nextCursor: unknown }>('history.exportPage', {
      query,
      cursor: null,
    });
    expect(page).toEqual({ csv: csv.csv, rows: csv.rows, nextCursor: null });
    expect(
      await core.dispatch(
        'history.exportPage',
        { query, cursor: { fromMs: query.toMs + 1, resolution: 'raw' } },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('refuses a detail for a rig that is not in the fleet, and a range that ends before it starts', async () => {
    expect(await core.dispatch('rig.detail', { id: 'nope' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await core.dispatch('history.query', { rigId: null, metrics: ['power_w'], fromMs: 10, toMs: 5 }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', issues: [{ path: 'toMs' }] },
    });
  });
});

describe('/metrics', () => {
  it('wants the password when one is set, then serves every online rig', async () => {
    const url = `http://127.0.0.1:${server.port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect(
      (await fetch(url, { headers: { Authorization: `Basic ${Buffer.from('x:wrong').toString('base64')}` } }))
        .status,
    ).toBe(401);
    const ok = await fetch(url, {
      headers: { Authorization: `Basic ${Buffer.from('prometheus:metrics-secret-1').toString('base64')}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const text = await ok.text();
    expect(text.match(/^rigdeck_rig_up\{.*\} 1$/gm)).toHaveLength(3);
    expect(text).toContain('rigdeck_fleet_rigs{liveness="online"} 3');
  });
});
