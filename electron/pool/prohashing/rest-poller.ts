/**
 * Runs the REST cadence: one timer (never one per endpoint), due endpoints called one after another, results
 * handed to the owner. The decisions (when, how long to back off) are cadence.ts; this file only performs
 * them with the injected clock, so a manual clock drives it in tests.
 */
import type { Logger } from '../../contract/dispatch';
import { type RestEndpoint } from '../../../shared/pool';
import {
  afterFailure,
  afterSkip,
  afterSuccess,
  type CadenceSettings,
  dueEndpoints,
  type EndpointSchedule,
  initialSchedules,
  nextWakeAt,
} from './cadence';
import { type Cancel, type Clock } from '../../clock';
import { type PoolError, toPoolError } from './errors';
import { type RestClient, type RestResults } from './rest-client';

export type RestOutcome =
  | { [E in RestEndpoint]: { endpoint: E; ok: true; value: RestResults[E]; at: number } }[RestEndpoint]
  | { endpoint: RestEndpoint; ok: false; error: PoolError; at: number };

export type RestPollerOptions = {
  client: RestClient;
  clock: Clock;
  cadence: CadenceSettings;
  endpoints: readonly RestEndpoint[];
  /** Asked when an endpoint is due; false skips it for one interval (walletEx while the live feed is up). */
  shouldPoll?: (endpoint: RestEndpoint) => boolean;
  onOutcome(outcome: RestOutcome): void;
  /** After every change of an endpoint's schedule (for health: failures, next attempt). */
  onSchedule?: (endpoint: RestEndpoint, schedule: EndpointSchedule) => void;
  /** Where a throwing listener is reported; console when not given. */
  log?: Pick<Logger, 'error'>;
};

export type RestPoller = {
  start(): void;
  /** Cancels the timer and any request in flight; resolves once nothing runs. */
  stop(): Promise<void>;
  schedule(endpoint: RestEndpoint): EndpointSchedule | undefined;
};

export function createRestPoller(o: RestPollerOptions): RestPoller {
  let schedules = new Map<RestEndpoint, EndpointSchedule>();
  let running = false;
  let cancelTimer: Cancel | null = null;
  let inflight: Promise<void> | null = null;
  let controller = new AbortController();

  const set = (e: RestEndpoint, s: EndpointSchedule): void => {
    schedules.set(e, s);
    o.onSchedule?.(e, s);
  };

  async function call(e: RestEndpoint, signal: AbortSignal): Promise<RestOutcome> {
    const at = (): number => o.clock.now();
    switch (e) {
      case 'wallet':
        return { endpoint: e, ok: true, value: await o.client.wallet(signal), at: at() };
      case 'walletEx':
        return { endpoint: e, ok: true, value: await o.client.walletEx(signal), at: at() };
      case 'status':
        return { endpoint: e, ok: true, value: await o.client.status(signal), at: at() };
      case 'currencies':
        return { endpoint: e, ok: true, value: await o.client.currencies(signal), at: at() };
    }
  }

  async function runDue(): Promise<void> {
    const signal = controller.signal;
    for (const e of dueEndpoints(schedules, o.clock.now())) {
      if (!running) return;
      const current = schedules.get(e);
      if (!current) continue;
      if (o.shouldPoll && !o.shouldPoll(e)) {
        set(e, afterSkip(current, e, o.clock.now(), o.cadence));
        continue;
      }
      let outcome: RestOutcome;
      try {
        outcome = await call(e, signal);
      } catch (error) {
        outcome = { endpoint: e, ok: false, error: toPoolError(error, 'bad_reply', ''), at: o.clock.now() };
      }
      if (!running) return;
      const now = o.clock.now();
      set(
        e,
        outcome.ok
          ? afterSuccess(e, now, o.cadence)
          : afterFailure(current, e, now, outcome.error, o.cadence),
      );
      o.onOutcome(outcome);
    }
  }

  function arm(): void {
    if (!running) return;
    const wake = nextWakeAt(schedules);
    if (wake === null) return;
    cancelTimer = o.clock.after(Math.max(0, wake - o.clock.now()), () => {
      cancelTimer = null;
      // A throwing listener is a bug in the owner; it must not stop the cadence.
      inflight = runDue()
        .catch((error: unknown) => (o.log ?? console).error('ProHashing REST poller:', error))
        .finally(() => {
          inflight = null;
          arm();
        });
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      controller = new AbortController();
      schedules = new Map(initialSchedules(o.endpoints, o.clock.now()));
      for (const [e, s] of schedules) o.onSchedule?.(e, s);
      arm();
    },
    async stop() {
      running = false;
      cancelTimer?.();
      cancelTimer = null;
      controller.abort();
      await inflight;
    },
    schedule: (e) => schedules.get(e),
  };
}
