/**
 * The recommendations as the core builds them: inputs from the registry, the collector and history; the power
 * price and (when known) the coin revenue from the settings or an injected provider; application through the
 * jobs service; evaluation at the end of a poll cycle (the collector's cycle-end update), never per poll.
 * The economics service's revenue figure (`revenuePerMhDay`) and Abacus.AI's source (`extraSources`) plug in
 * through the deps.
 */
import { type Recommendation } from '../../shared/advice';
import { type Collector } from '../collector/collector';
import { type EventBus } from '../contract/events';
import { type Jobs } from '../control/jobs';
import { type Registry } from '../fleet/registry';
import { type SettingsService } from '../settings/service';
import { type Db } from '../store/db';
import { createRecentHistoryReader } from '../store/history-recent';
import { type HistoryStore } from '../store/history-types';
import { adviceHandlers } from './handlers';
import { gatherInputs } from './inputs';
import { type AdviceService, createAdviceService } from './service';
import { createAdviceStore } from './store';

export type CoreAdviceDeps = {
  db: Db;
  registry: Pick<Registry, 'list'>;
  collector: Pick<Collector, 'live' | 'snapshot' | 'details' | 'subscribe'>;
  history: Pick<HistoryStore, 'query'>;
  settings: Pick<SettingsService, 'get' | 'subscribe'>;
  events: Pick<EventBus, 'emit'>;
  control: { jobs: Pick<Jobs, 'start'> };
  /**
   * Coin revenue per MH/s per day from the pool's figures (the economics service); null while unknown. The
   * settings' own figure is used when this gives none.
   */
  revenuePerMhDay?: () => number | null;
  /** Abacus.AI's recommendations (or any other source), merged with the built-in ones. */
  extraSources?: ReadonlyArray<() => readonly Recommendation[]>;
  now: () => number;
  log?: { warn(message: string): void };
};

export type CoreAdvice = {
  service: AdviceService;
  handlers: ReturnType<typeof adviceHandlers>;
  /** Stop listening to the collector and the settings. */
  stop(): void;
};

export function createCoreAdvice(deps: CoreAdviceDeps): CoreAdvice {
  const { settings, collector } = deps;
  const recent = createRecentHistoryReader(deps.db);
  const service = createAdviceService({
    store: createAdviceStore(deps.db),
    gather: (now) =>
      gatherInputs(
        {
          rigs: () => deps.registry.list(),
          live: () => collector.live(),
          snapshot: (id) => collector.snapshot(id),
          details: (id) => collector.details(id),
          recent,
          chipsWindowMs: () => settings.get().health.chipsWindowMinutes * 60_000,
        },
        now,
      ),
    context(now) {
      const s = settings.get();
      return {
        nowMs: now,
        health: s.health,
        pricePerKwh: s.electricity.pricePerKwh,
        currency: s.electricity.currency,
        revenuePerMhDay: deps.revenuePerMhDay?.() ?? s.advice.revenuePerMhDay,
      };
    },
    everyMs: () => settings.get().advice.evaluateEverySec * 1000,
    ...(deps.extraSources ? { extraSources: deps.extraSources } : {}),
    startJob: (req) => deps.control.jobs.start(req),
    history: (rigId, fromMs, toMs) =>
      deps.history.query({ rigId, metrics: ['hashrate_mhs', 'power_w', 'chip_temp_max_c'], fromMs, toMs }),
    changed: (payload) => deps.events.emit('advice.changed', payload),
    now: deps.now,
    ...(deps.log ? { log: deps.log } : {}),
  });
  // The collector publishes at every cycle's end (and between, for urgent changes): tick() runs the engine only
  // when it is due. It publishes nothing before it starts, so listening from here costs nothing until then.
  const stops = [
    collector.subscribe((u) => service.tick(u.summary.rigs.online)),
    // A new price or revenue figure changes what the best preset is: re-evaluate at once.
    settings.subscribe(() => service.evaluate()),
  ];
  return {
    service,
    handlers: adviceHandlers(service),
    stop() {
      for (const s of stops.splice(0)) s();
    },
  };
}
