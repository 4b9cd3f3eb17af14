/**
 * The Earnings answer, pure: the fleet's records and live views, the pool's state, the settings and what the
 * account was credited, in; each rig's and the fleet's day in money, the balances, and the pool's workers
 * beside the rigs (with the mismatches both ways), out. Revenue is priced on the hashrate the pool credits
 * (docs/prohashing.md §10.2); a rig the pool does not see earns nothing there.
 */
import { type EarningsSummary, type RigEarnings, type WorkerRow } from '../../shared/earnings';
import {
  type EarningsSettingsSlice,
  type Market,
  economicRates,
  joulesPerMh,
  marketOf,
  rigMoney,
} from '../../shared/economics';
import type { RigRecord } from '../../shared/fleet';
import type { ProHashingState } from '../../shared/pool';
import type { RigLive } from '../../shared/telemetry';
import { poolView } from '../collector/pool-merge';
import type { Credited } from './credits';

export type SummaryInput = {
  atMs: number;
  /** The local minute of the day at `atMs` (the tariff is in local time). */
  minute: number;
  rigs: readonly RigRecord[];
  lives: readonly RigLive[];
  pool: ProHashingState;
  configured: boolean;
  settings: EarningsSettingsSlice;
  credited: Credited;
};

const H_PER_MH = 1e6;
const sumOf = (values: readonly (number | null)[]): number | null =>
  values.reduce<number | null>((n, v) => (v === null ? n : (n ?? 0) + v), null);

function rigRow(
  rig: RigRecord,
  live: RigLive | undefined,
  pool: { mhs: number | null; worker: string | null; unseen: boolean },
  accountMhs: number,
  market: Market,
  credited: Credited,
): RigEarnings {
  const online = live?.liveness === 'online';
  const hashrate = online ? (live.hashrateMhs ?? null) : null;
  const power = online ? (live.powerW ?? null) : null;
  // The pool's figure is what it pays for; lacking one (not on this pool, a shared worker name), the rig's own.
  const basis = pool.mhs !== null || pool.unseen ? 'pool' : hashrate !== null ? 'rig' : null;
  const credit = pool.mhs ?? (pool.unseen ? 0 : hashrate);
  const money = rigMoney({ creditedMhs: credit, powerW: power }, market);
  const share = pool.mhs !== null && accountMhs > 0 ? pool.mhs / accountMhs : pool.unseen ? 0 : null;
  return {
    rigId: rig.id,
    name: rig.name,
    ip: rig.ip,
    liveness: live?.liveness ?? 'unknown',
    workerName: pool.worker,
    hashrateMhs: hashrate,
    poolHashrateMhs: pool.mhs,
    revenueBasis: basis,
    powerW: power,
    jPerMh: joulesPerMh(power, hashrate),
    revenuePerDay: money.revenuePerDay,
    powerCostPerDay: money.powerCostPerDay,
    profitPerDay: money.profitPerDay,
    accountShare: share,
    credited24h: share === null ? [] : credited.amounts.map((c) => ({ ...c, amount: c.amount * share })),
    gaps: money.gaps,
  };
}

function workerRows(input: SummaryInput, liveOf: (id: string) => RigLive | undefined): WorkerRow[] {
  const names = new Map(input.rigs.map((r) => [r.id, r.name]));
  const rigOf = new Map<string, string>();
  for (const m of input.pool.mapping.matched) if (!rigOf.has(m.worker)) rigOf.set(m.worker, m.rigId);
  return input.pool.workers
    .map((w) => {
      const rigId = rigOf.get(w.name) ?? null;
      const live = rigId === null ? undefined : liveOf(rigId);
      return {
        worker: w.name,
        online: w.online,
        poolHashrateMhs: w.hashrateHs / H_PER_MH,
        rigId,
        rigName: rigId === null ? null : (names.get(rigId) ?? null),
        rigHashrateMhs: live?.liveness === 'online' ? live.hashrateMhs : null,
      };
    })
    .sort((a, b) => a.worker.localeCompare(b.worker));
}

export function buildEarnings(input: SummaryInput): EarningsSummary {
  const { pool, settings } = input;
  const market = marketOf(pool, settings);
  const rates = economicRates(pool, settings, input.minute);
  const view = poolView(pool);
  const lives = new Map(input.lives.map((l) => [l.rigId, l]));
  const accountMhs = pool.workers.reduce((n, w) => n + w.hashrateHs / H_PER_MH, 0);
  const rigs = input.rigs.map((rig) => {
    const f = view.byRig.get(rig.id);
    return rigRow(
      rig,
      lives.get(rig.id),
      {
        mhs: f?.poolHashrateMhs ?? null,
        worker: f?.workerName ?? null,
        unseen: f?.workerUnseen === true,
      },
      accountMhs,
      market,
      input.credited,
    );
  });
  const revenue = sumOf(rigs.map((r) => r.revenuePerDay));
  const cost = sumOf(rigs.map((r) => r.powerCostPerDay));
  const hashrate = sumOf(rigs.map((r) => r.hashrateMhs));
  const power = sumOf(rigs.map((r) => r.powerW));
  const names = new Map(input.rigs.map((r) => [r.id, r.name]));
  return {
    atMs: input.atMs,
    currency: market.currency,
    pool: { configured: input.configured, live: pool.health.live.state, apiKey: pool.health.apiKey },
    rates: {
      revenuePerMhDay: rates.revenuePerMhDay,
      poolUsdPerMhDay: market.rate === null ? null : market.rate.usdPerMhDay / (1 - market.rate.fee),
      fee: market.rate?.fee ?? null,
      rateAsOfMs: market.rate?.asOfMs ?? null,
      pricePerKwhNow: rates.pricePerKwhNow,
      pricePerKwhDay: rates.pricePerKwhDay,
      tariffBands: settings.earnings.tariff.length,
      fx: market.fx,
    },
    rigs,
    fleet: {
      rigs: rigs.length,
      rigsPriced: rigs.filter((r) => r.profitPerDay !== null).length,
      hashrateMhs: hashrate,
      poolHashrateMhs: view.totalMhs,
      powerW: power,
      jPerMh: joulesPerMh(power, hashrate),
      revenuePerDay: revenue,
      powerCostPerDay: cost,
      profitPerDay: revenue === null || cost === null ? null : revenue - cost,
    },
    balances: pool.balances.map((b) => ({
      ...b,
      progress: b.payoutThreshold !== null && b.payoutThreshold > 0 ? b.balance / b.payoutThreshold : null,
    })),
    credited24h: input.credited.amounts,
    creditedHours: input.credited.hours,
    workers: workerRows(input, (id) => lives.get(id)),
    mismatches: {
      workersWithoutRig: [...pool.mapping.workersWithoutRig].sort(),
      rigsWithoutWorker: [
        ...pool.mapping.rigsWithUnknownWorker.map((u) => ({
          rigId: u.rigId,
          name: names.get(u.rigId) ?? u.rigId,
          worker: u.worker,
          reason: 'unknown_worker' as const,
        })),
        ...pool.mapping.rigsWithoutWorkerName.map((rigId) => ({
          rigId,
          name: names.get(rigId) ?? rigId,
          worker: null,
          reason: 'no_worker_name' as const,
        })),
      ],
    },
  };
}
