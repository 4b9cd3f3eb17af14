import type { Handlers } from '../../shared/contract';
import { RANGE_MS } from '../../shared/earnings';
import type { ProHashingState } from '../../shared/pool';
import type { Collector } from '../collector/collector';
import type { Registry } from '../fleet/registry';
import type { PoolConnection } from '../pool/connection';
import type { SwitchableFeed } from '../pool/switchable-feed';
import type { SettingsService } from '../settings/service';
import type { Db } from '../store/db';
import { balanceSamples, balanceSeries, poolHashrateSeries } from '../store/pool-history-read';
import { creditedOver } from './credits';
import { localMinuteAt } from './rates';
import { buildEarnings } from './summary';

export type EarningsDeps = {
  collector: Pick<Collector, 'live' | 'setRigs' | 'pollOnce'>;
  registry: Pick<Registry, 'list'>;
  feed: Pick<SwitchableFeed, 'getState' | 'subscribe' | 'current'>;
  pool: Pick<PoolConnection, 'configured' | 'start' | 'stop'>;
  settings: Pick<SettingsService, 'get'>;
  db: Db;
  now: () => number;
  /** How long a refresh waits for the pool's first answers. */
  settleMs?: number;
};

const DAY_S = 86_400;
const CHART_POINTS = 288;

/**
 * The pool has answered what Earnings needs (or refused): the live sync (workers, the rate), the wallet
 * (thresholds, paid) and the status (the fee), each ok or failed.
 */
export function poolSettled(s: ProHashingState): boolean {
  if (s.health.apiKey === 'invalid') return true;
  const liveDone = s.health.live.lastSyncAt !== null || s.health.live.lastError !== null;
  const restDone = (['wallet', 'status'] as const).every((e) => {
    const h = s.health.rest[e];
    return h.lastOkAt !== null || h.failures > 0;
  });
  return liveDone && restDone;
}

function waitSettled(feed: EarningsDeps['feed'], ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (poolSettled(feed.getState())) return resolve();
    const done = () => {
      clearTimeout(timer);
      off();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const off = feed.subscribe((c) => {
      if (poolSettled(c.state)) done();
    });
  });
}

export function earningsHandlers(
  deps: EarningsDeps,
): Pick<Handlers, 'earnings.summary' | 'earnings.history'> {
  const { collector, registry, feed, pool, settings, db, now } = deps;
  const summary = () => {
    const at = now();
    const state = feed.getState();
    const abbreviations = new Map(state.balances.map((b) => [b.coin, b.abbreviation]));
    const atS = Math.floor(at / 1000);
    const credited = creditedOver(
      balanceSamples(db, atS - DAY_S, atS),
      (coin) => abbreviations.get(coin) ?? null,
    );
    return buildEarnings({
      atMs: at,
      minute: localMinuteAt(at),
      rigs: registry.list(),
      lives: collector.live(),
      pool: state,
      configured: pool.configured(),
      settings: settings.get(),
      credited,
    });
  };
  return {
    'earnings.summary': async (req) => {
      if (!req?.refresh) return summary();
      // A core that is not running (the CLI) reads the rigs once and follows the pool just long enough.
      collector.setRigs(registry.list());
      await collector.pollOnce();
      const ownPool = feed.current() === null && pool.configured();
      if (!ownPool) return summary();
      pool.start();
      try {
        await waitSettled(feed, deps.settleMs ?? 20_000);
        return summary();
      } finally {
        await pool.stop();
      }
    },
    'earnings.history': async ({ range }) => {
      const toMs = now();
      const fromMs = toMs - RANGE_MS[range];
      const fromS = Math.floor(fromMs / 1000);
      const toS = Math.ceil(toMs / 1000);
      return {
        fromMs,
        toMs,
        balances: balanceSeries(db, fromS, toS, CHART_POINTS),
        poolHashrateMhs: poolHashrateSeries(db, fromS, toS, CHART_POINTS),
      };
    },
  };
}
