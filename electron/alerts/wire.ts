/**
 * The alerts' place in the core, in one function so it can move with the core's wiring: the service and its
 * store and webhook are built with the core (handlers and the CLI work before start); `start` subscribes the
 * engine to the collector's updates directly (not through the event bus) and `stop` undoes it.
 */
import { randomUUID } from 'node:crypto';

import type { Collector } from '../collector/collector';
import type { Logger } from '../contract/dispatch';
import type { EventBus } from '../contract/events';
import type { Registry } from '../fleet/registry';
import { type Clock, systemClock } from '../clock';
import type { SettingsService } from '../settings/service';
import type { Db } from '../store/db';
import type { RigInfo } from './engine';
import { type AlertService, createAlertService } from './service';
import { createAlertStore } from './store';
import { type Webhook, createWebhook } from './webhook';

export type CoreAlerts = {
  service: AlertService;
  webhook: Webhook;
  start(collector: Pick<Collector, 'subscribe'>): void;
  stop(): void;
};

export function createCoreAlerts(deps: {
  db: Db;
  events: Pick<EventBus, 'emit'>;
  settings: Pick<SettingsService, 'get'>;
  registry: Pick<Registry, 'list'>;
  now?: () => number;
  clock?: Clock;
  log?: Pick<Logger, 'warn'>;
}): CoreAlerts {
  const clock = deps.clock ?? (deps.now ? { now: deps.now, after: systemClock.after } : systemClock);
  const webhook = createWebhook({
    url: () => deps.settings.get().alerts.webhookUrl,
    clock,
    ...(deps.log ? { log: deps.log } : {}),
  });
  const service = createAlertService({
    store: createAlertStore(deps.db),
    settings: () => deps.settings.get().alerts,
    rigs: () => registryLookup(deps.registry),
    clock,
    newId: randomUUID,
    // Alert history lives as long as the longest history of the figures behind it.
    historyMs: deps.settings.get().retention.hourlyDays * 86_400_000,
    emit: (payload) => deps.events.emit('alerts.changed', payload),
    notify: (notifications) => webhook.send(notifications),
  });
  let unsubscribe: (() => void) | null = null;
  return {
    service,
    webhook,
    start(collector) {
      unsubscribe ??= collector.subscribe((u) =>
        service.observe({ live: u.live, removed: u.removed, fleetProblems: u.summary.fleetProblems }),
      );
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      service.stop();
      webhook.stop();
    },
  };
}

/** The registry read once, on first use within a step (most steps touch no alert's rig at all). */
function registryLookup(registry: Pick<Registry, 'list'>): (rigId: string) => RigInfo | null {
  let rigs: Map<string, RigInfo> | null = null;
  return (rigId) => {
    rigs ??= new Map(registry.list().map((r) => [r.id, { name: r.name, ip: r.ip, labels: r.labels }]));
    return rigs.get(rigId) ?? null;
  };
}
