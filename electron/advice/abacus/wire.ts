/**
 * Abacus.AI's place in the core: the client is built with the core (its handlers answer before start), `start`
 * runs the streaming and prediction rounds on their own timers, `stop` ends them. Settings or token changes
 * that matter reset the client so a fixed mistake is retried at once. `latestRecommendations` is the source
 * the built-in engine merges.
 */
import type { Handlers } from '../../../shared/contract';
import type { AbacusSettings } from '../../../shared/abacus-settings';
import type { Recommendation } from '../../../shared/advice';
import type { Collector } from '../../collector/collector';
import { type Cancel, type Clock, systemClock } from '../../clock';
import type { Logger } from '../../contract/dispatch';
import type { Vault } from '../../secrets/vault';
import type { SettingsService } from '../../settings/service';
import type { Db } from '../../store/db';
import { abacusHandlers } from './handlers';
import { createAbacusQueue } from './queue';
import { type AbacusService, createAbacusService } from './service';
import { createAbacusTokens } from './tokens';

export type CoreAbacus = {
  handlers: Pick<Handlers, 'abacus.configure' | 'abacus.status' | 'abacus.clearTokens'>;
  service: AbacusService;
  /** The latest Abacus.AI predictions as recommendations (`source: 'abacus'`); empty when disabled. */
  latestRecommendations(): Recommendation[];
  start(): void;
  stop(): void;
};

// The first prediction comes soon after start (once the collector has polled), then every predictIntervalSec.
const FIRST_PREDICT_MS = 30_000;
// After the user changed the connection (enabled, ids, tokens): one round soon, so the page shows the outcome.
const KICK_MS = 2_000;

const connectionOf = (a: AbacusSettings) =>
  JSON.stringify([a.enabled, a.baseUrl, a.deploymentId, a.featureGroupId, a.resultFields]);

export function createCoreAbacus(deps: {
  db: Db;
  vault: Vault;
  settings: Pick<SettingsService, 'get' | 'subscribe'>;
  collector: Pick<Collector, 'live' | 'snapshot'>;
  log: Pick<Logger, 'warn' | 'info'>;
  clock?: Clock;
  fetch?: typeof fetch;
}): CoreAbacus {
  const clock = deps.clock ?? systemClock;
  const tokens = createAbacusTokens(deps.vault);
  const service = createAbacusService({
    queue: createAbacusQueue(deps.db),
    tokens,
    settings: () => deps.settings.get().abacus,
    source: deps.collector,
    clock,
    log: deps.log,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  let timers: Cancel[] = [];
  let kicked: Cancel | null = null;
  /** Forget past trouble and, when running, try one round soon rather than at the next interval. */
  const changed = () => {
    service.reset();
    if (timers.length === 0 || kicked) return;
    kicked = clock.after(KICK_MS, () => {
      kicked = null;
      void service
        .streamOnce()
        .then(() => service.predictOnce())
        .catch((err: unknown) => deps.log.warn(`[rigdeck] Abacus.AI: ${String(err)}`));
    });
  };
  let unsubscribe: (() => void) | null = null;
  let connection = connectionOf(deps.settings.get().abacus);

  const loop = (firstMs: number, intervalMs: () => number, step: () => Promise<void>): Cancel => {
    let live = true;
    let cancel: Cancel = clock.after(firstMs, function tick() {
      void step()
        .catch((err: unknown) =>
          deps.log.warn(`[rigdeck] Abacus.AI: ${err instanceof Error ? err.message : String(err)}`),
        )
        .finally(() => {
          if (live) cancel = clock.after(intervalMs(), tick);
        });
    });
    return () => {
      live = false;
      cancel();
    };
  };

  return {
    handlers: abacusHandlers({ service, tokens, changed }),
    service,
    latestRecommendations: service.latestRecommendations,
    start() {
      if (timers.length > 0) return;
      const a = () => deps.settings.get().abacus;
      timers = [
        loop(a().streamIntervalSec * 1000, () => a().streamIntervalSec * 1000, service.streamOnce),
        loop(
          Math.min(FIRST_PREDICT_MS, a().predictIntervalSec * 1000),
          () => a().predictIntervalSec * 1000,
          service.predictOnce,
        ),
      ];
      unsubscribe = deps.settings.subscribe((s) => {
        const next = connectionOf(s.abacus);
        if (next !== connection) changed();
        connection = next;
      });
    },
    stop() {
      const t = timers;
      timers = [];
      for (const cancel of t) cancel();
      kicked?.();
      kicked = null;
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
