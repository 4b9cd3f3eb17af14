/**
 * The features that judge and act, built on the backbone the core composes (registry, collector, pool, store):
 * controls (with firmware staging and backups), earnings, recommendations (built-in, with Abacus.AI merged in
 * when configured) and the map. Wired here by direct calls, so `createCore` stays a short composition root.
 */
import type { Logger } from './contract/dispatch';
import { type EventBus } from './contract/events';
import { type Collector } from './collector/collector';
import { createCoreAbacus } from './advice/abacus/wire';
import { createCoreAdvice } from './advice/wire';
import { firmwareHandlers } from './control/firmware/handlers';
import { createCoreControl } from './control/wire';
import { earningsHandlers } from './economics/handlers';
import { economicRatesNow } from './economics/rates';
import { createPoolRecorder } from './economics/recorder';
import { type Passwords } from './fleet/passwords';
import { type Registry } from './fleet/registry';
import { createCoreMap } from './map/wire';
import { type PoolConnection } from './pool/connection';
import { type SwitchableFeed } from './pool/switchable-feed';
import { type Vault } from './secrets/vault';
import { type SettingsService } from './settings/service';
import { type Db } from './store/db';
import { type HistoryStore } from './store/history-types';

export type FeatureDeps = {
  db: Db;
  vault: Vault;
  registry: Registry;
  collector: Collector;
  passwords: Passwords;
  settings: SettingsService;
  events: EventBus;
  history: HistoryStore;
  feed: SwitchableFeed;
  pool: PoolConnection;
  dataDir: string;
  now: () => number;
  log: Logger;
};

export function createCoreFeatures(d: FeatureDeps) {
  const { db, registry, collector, settings, events, now, log } = d;
  const control = createCoreControl({ ...d });
  createPoolRecorder({ db, feed: d.feed, now, log }).start(); // quiet once the pool stops, before the db closes
  const abacus = createCoreAbacus({ db, vault: d.vault, settings, collector, log });
  const advice = createCoreAdvice({
    ...{ db, registry, collector, history: d.history, settings, events, control, now, log },
    // What a MH/s earns today, from the pool's live profitability (docs/prohashing.md §10).
    revenuePerMhDay: () => economicRatesNow(d.feed.getState(), settings.get(), now()).revenuePerMhDay,
    extraSources: [() => abacus.latestRecommendations()],
  });
  const handlers = {
    ...control.handlers,
    ...firmwareHandlers(control.firmware),
    ...earningsHandlers({ collector, registry, feed: d.feed, pool: d.pool, settings, db, now }),
    ...abacus.handlers,
    ...advice.handlers,
    ...createCoreMap({ db, registry, events, now }).handlers,
  };
  return {
    control,
    abacus,
    handlers,
    /** After the collector and the pool: Abacus.AI streams what they read. */
    start: () => abacus.start(),
    stop(): void {
      advice.stop();
      abacus.stop();
    },
  };
}

export type CoreFeatures = ReturnType<typeof createCoreFeatures>;
