// @vitest-environment node
// Earnings end to end on loopback: a real core follows the farm's ProHashing fake and polls its miners; each rig
// is priced on the hashrate the pool credits its worker at the pool's live rate, its power at the settings'
// price; the mismatches come out both ways; and `rigdeck earnings --json` prints the same, one line per rig and
// one for the fleet.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { Core } from '../../electron/core';
import { createNodeCore } from '../../electron/headless-core';
import type { EarningsHistory, EarningsSummary } from '../../shared/earnings';
import type { RigRecord } from '../../shared/fleet';
import { type Farm, parseScenario, startFarm } from '../../sim/index';
import { quietLog, tempDir } from '../helpers/core';
import { freePortRange } from '../helpers/loopback';

const ctx = { face: 'headless' as const, peer: 'test' };
// The fake's Scrypt profitability (US dollars per MH/s per day) and PPLNS fee (sim/prohashing/).
const FAKE_USD_PER_MH_DAY = 0.0025041;
const FAKE_PPLNS_FEE = 0.0199;

let farm: Farm;
let core: Core;
const dataDir = tempDir();

async function call<T>(method: string, params?: unknown): Promise<T> {
  const r = await core.dispatch(method, params, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(
      {
        name: 'earnings',
        account: { name: 'rigdeck-earn', coin: 'litecoin' },
        rigs: [
          { count: 2, model: 'L7', firmware: '1.3.4' },
          { count: 1, model: 'L9', firmware: '1.3.4' },
          // Mining to the account but not in RigDeck's fleet: a worker with no rig.
          { count: 1, model: 'L7', firmware: '1.3.4', worker: 'spare-in-the-corner' },
          // In the fleet, but its pool user is not the account: the pool never sees its worker.
          {
            count: 1,
            model: 'L7',
            firmware: '1.3.4',
            pools: [
              { url: 'stratum+tcp://prohashing.com:3333', user: 'rigdeck-eanr', pass: 'a=scrypt,n=typo-rig' },
            ],
          },
        ],
      },
      'test',
    ),
    basePort: await freePortRange(12, 24_100),
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: true, abacus: false, control: false },
    timing: { initSec: 10, startSec: 10 },
    seed: 11,
  });
  await farm.advance(1800); // the rigs hash, the fake has a session per worker, and blocks credit the account
  const ph = farm.prohashing;
  if (!ph) throw new Error('the farm has no ProHashing fake');
  core = createNodeCore({
    dataDir,
    log: quietLog,
    collector: { overrides: { cadence: { intervalMs: 500 }, initialSpreadRatio: 0, notifyCoalesceMs: 20 } },
  });
  const fleet = farm.rigs.filter((r) => r.name !== 'rig-04');
  await call('fleet.add', {
    addresses: fleet.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
  });
  await call('settings.update', {
    pool: { restUrl: `${ph.url}/api/v1`, wsUrl: ph.wsUrl },
    electricity: { pricePerKwh: 0.08, currency: 'USD' },
  });
  await call('pool.configure', { apiKey: ph.apiKey });
  await core.start();
});

afterAll(async () => {
  await core?.stop();
  await farm?.stop();
});

const ready = (s: EarningsSummary) =>
  s.rates.revenuePerMhDay !== null &&
  s.rigs.filter((r) => r.poolHashrateMhs !== null && r.powerW !== null).length === 3 &&
  s.balances.some((b) => b.payoutThreshold !== null) &&
  s.mismatches.workersWithoutRig.length > 0;

describe('earnings against the farm and the ProHashing fake', () => {
  it(
    'prices each rig on its pool hashrate at the pool’s rate and its power at the settings’ price',
    { timeout: 60_000 },
    async () => {
      const s = await vi.waitFor(
        async () => {
          const v = await call<EarningsSummary>('earnings.summary', {});
          if (!ready(v))
            throw new Error(
              `not yet: ${JSON.stringify({ rates: v.rates, pool: v.pool, balances: v.balances.length, m: v.mismatches, rigs: v.rigs.map((r) => [r.poolHashrateMhs, r.powerW]) })}`,
            );
          return v;
        },
        { timeout: 45_000, interval: 200 },
      );
      expect(s.currency).toBe('USD');
      expect(s.rates.fee).toBeCloseTo(FAKE_PPLNS_FEE, 12);
      expect(s.rates.revenuePerMhDay).toBeCloseTo(FAKE_USD_PER_MH_DAY * (1 - FAKE_PPLNS_FEE), 12);
      const priced = s.rigs.filter((r) => r.poolHashrateMhs !== null);
      expect(priced).toHaveLength(3);
      for (const r of priced) {
        const pool = r.poolHashrateMhs ?? 0;
        const power = r.powerW ?? 0;
        expect(pool).toBeGreaterThan(1000);
        expect(r.revenueBasis).toBe('pool');
        expect(r.revenuePerDay).toBeCloseTo(pool * FAKE_USD_PER_MH_DAY * (1 - FAKE_PPLNS_FEE), 6);
        expect(r.powerCostPerDay).toBeCloseTo((power / 1000) * 24 * 0.08, 6);
        expect(r.profitPerDay).toBeCloseTo((r.revenuePerDay ?? 0) - (r.powerCostPerDay ?? 0), 6);
        expect(r.jPerMh).toBeGreaterThan(0);
      }
      const sum = (k: 'revenuePerDay' | 'powerCostPerDay') => s.rigs.reduce((n, r) => n + (r[k] ?? 0), 0);
      expect(s.fleet.revenuePerDay).toBeCloseTo(sum('revenuePerDay'), 6);
      expect(s.fleet.powerCostPerDay).toBeCloseTo(sum('powerCostPerDay'), 6);
      expect(s.fleet.profitPerDay).toBeCloseTo(sum('revenuePerDay') - sum('powerCostPerDay'), 6);

      // Both ways: the spare mines to the account with no rig; the misconfigured rig's worker is unknown there.
      const farmTypo = farm.rigs.find((r) => r.name === 'rig-05');
      const { rigs: records } = await call<{ rigs: RigRecord[] }>('fleet.list', {});
      const typo = {
        serial: records.find((r) => r.httpPort === farmTypo?.httpPort && r.ip === farmTypo.ip)?.id,
      };
      expect(s.mismatches.workersWithoutRig).toEqual(['spare-in-the-corner']);
      expect(s.mismatches.rigsWithoutWorker).toEqual([
        { rigId: typo?.serial, name: expect.any(String), worker: 'typo-rig', reason: 'unknown_worker' },
      ]);
      const typoRow = s.rigs.find((r) => r.rigId === typo?.serial);
      expect(typoRow).toMatchObject({ revenuePerDay: 0, revenueBasis: 'pool', workerName: 'typo-rig' });
      expect(typoRow?.profitPerDay).toBeLessThan(0);
      expect(s.workers.find((w) => w.worker === 'spare-in-the-corner')).toMatchObject({ rigId: null });
      expect(s.workers.filter((w) => w.rigId !== null && w.rigHashrateMhs !== null)).toHaveLength(3);

      // The pool's snapshot was stored for the charts.
      const h = await call<EarningsHistory>('earnings.history', { range: '24h' });
      expect(h.poolHashrateMhs.length).toBeGreaterThan(0);
      expect(h.balances.length).toBeGreaterThan(0);
    },
  );

  it(
    '`rigdeck earnings --json` prints one object per rig and then the fleet line',
    { timeout: 60_000 },
    async () => {
      await core.stop();
      const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'electron/cli/index.ts', 'earnings', '--json', '--data', dataDir],
          { cwd: join(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(run.code, run.stderr).toBe(0);
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(5);
      const rigs = lines.slice(0, 4);
      for (const line of rigs) {
        expect(Object.keys(line).sort()).toEqual([
          'currency',
          'hashrate_mhs',
          'id',
          'ip',
          'name',
          'pool_hashrate_mhs',
          'power_cost_per_day',
          'profit_per_day',
          'revenue_per_day',
        ]);
        expect(line.currency).toBe('USD');
      }
      const mining = rigs.filter((l) => typeof l.pool_hashrate_mhs === 'number');
      expect(mining).toHaveLength(3);
      for (const l of mining) {
        expect(l.revenue_per_day).toBeCloseTo(
          (l.pool_hashrate_mhs as number) * FAKE_USD_PER_MH_DAY * (1 - FAKE_PPLNS_FEE),
          6,
        );
        expect(typeof l.profit_per_day).toBe('number');
      }
      const fleet = lines[4];
      expect(fleet).toMatchObject({ fleet: true, rigs: 4, rigs_priced: 4, currency: 'USD' });
      const total = rigs.reduce((n, l) => n + ((l.profit_per_day as number | null) ?? 0), 0);
      expect(fleet?.profit_per_day).toBeCloseTo(total, 6);
    },
  );
});
