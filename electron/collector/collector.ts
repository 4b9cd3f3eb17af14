/**
 * The collector: polls every registered rig through the scheduler, keeps each rig's latest snapshot and
 * liveness, merges the pool's per-worker hashrate, writes one batch per cycle to the history store, and tells
 * subscribers what changed. A poll error never escapes: it becomes the rig's `lastError` and a miss.
 */
import { type RigRecord } from '../../shared/fleet';
import { DEFAULT_HEALTH_SETTINGS, type HealthSettings } from '../../shared/health-settings';
import { type RigSnapshot } from '../../shared/rig';
import { type FleetSummary, type RigLive } from '../../shared/telemetry';
import { createMinerAgent, type MinerAgent } from '../miners/vnish/http';
import { type Clock, systemClock } from '../clock';
import { type HistoryStore } from '../store/history-types';
import { type Applied, applyCancelRestart, applyElapse, applyRestart } from './apply-poll';
import {
  collectorConfig,
  type CollectorSettings,
  type ConfigOverrides,
  DEFAULT_COLLECTOR_SETTINGS,
} from './config';
import { summarize } from './live';
import { type PollDeps } from './poll-rig';
import { createPoller } from './poller';
import { createPoolSync, type PoolFeed } from './pool-sync';
import { type CollectorUpdate, createPublisher } from './publisher';
import { createFleetProblems } from './fleet-problems';
import { type PollResult } from './flights';
import { detailsOfId, liveOfId, liveViews, type RigDetails, type RigEntry, withHealth } from './rig-entry';
import { createScheduler, type SchedulerStats } from './scheduler';
import { createCycleWriter } from './cycle-writer';
import { syncEntries } from './sync-entries';
import { createWaiters } from './waiters';

export type { PoolFeed } from './pool-sync';
export type { CollectorUpdate } from './publisher';
export type { RigDetails } from './rig-entry';

export type CollectorDeps = {
  history: Pick<HistoryStore, 'writeCycle' | 'maintain'>;
  /** The rig's own password, else the fleet default, else Vnish's factory one (fleet/passwords.ts). */
  passwordFor(rigId: string): string;
  /** ProHashing, when configured: it receives the rigs' pool settings and reports hashrate per worker. */
  pool?: PoolFeed | null;
  clock?: Clock;
  /** The user's settings (poll interval, retention); `configure` changes them later. */
  settings?: CollectorSettings;
  /** Thresholds tests and the bench shrink; kept across `configure`. */
  overrides?: ConfigOverrides;
  /** Keep-alive agent for the miners; one is made (and destroyed on stop) when not given. */
  agent?: MinerAgent;
  random?: () => number;
  /** Told what happened, for the soak's --stats-file; nothing here decides on it. */
  observer?: CollectorObserver;
};

export type CollectorObserver = {
  /** Each poll, start to settle. */
  polled(ms: number, result: PollResult): void;
  /** A sample kept for the next cycle's batch; `replaced` when it overwrote one of that rig not yet written. */
  sampled(replaced: boolean): void;
};

export type Collector = {
  start(): void;
  /** Aborts polls in flight, writes what was gathered, stops the ticker. */
  stop(): Promise<void>;
  setRigs(rigs: readonly RigRecord[]): void;
  live(): RigLive[];
  summary(): FleetSummary;
  snapshot(rigId: string): RigSnapshot | null;
  details(rigId: string): RigDetails | null;
  /** After each cycle, and soon after a liveness change: the rigs whose view changed, and the fleet summary. */
  subscribe(listener: (update: CollectorUpdate) => void): () => void;
  /**
   * We asked the rig to restart or reboot (the hook control code calls first): until it is back or `untilMs` it
   * shows restarting, not offline, and its uptime reset is expected. Any other reset is the rig's own restart.
   */
  markRestarting(rigId: string, untilMs: number): void;
  /** The restart announced with `markRestarting` did not happen (the miner refused it): back to normal at once. */
  cancelRestarting(rigId: string): void;
  /** Re-reads every tier of one rig now, chip detail included; resolves with its view after that poll (null if unknown or removed). */
  refresh(rigId: string): Promise<RigLive | null>;
  /** Polls every rig once now and ends a cycle (the CLI's `status`, the bench). */
  pollOnce(): Promise<void>;
  /** Settings changed (poll interval, retention): applies from the next poll. */
  configure(patch: Partial<CollectorSettings>): void;
  stats(): SchedulerStats;
};

export function createCollector(deps: CollectorDeps): Collector {
  const clock = deps.clock ?? systemClock;
  const overrides = deps.overrides ?? {};
  let settings: CollectorSettings = deps.settings ?? DEFAULT_COLLECTOR_SETTINGS;
  let config = collectorConfig(settings, overrides);
  const ownAgent = deps.agent === undefined;
  const agent = deps.agent ?? createMinerAgent();
  const tokens = new Map<string, string>();
  const entries = new Map<string, RigEntry>();
  const pool = createPoolSync(deps.pool ?? null);
  const cycle = createCycleWriter({ history: deps.history, entries, config: () => config });
  const waiters = createWaiters((id) => liveOfId(entries, id, clock.now()));
  let nextGen = 1;
  // Built once per configuration, not per poll.
  let depsForPoll: PollDeps | null = null;

  const healthSettings = (): HealthSettings => settings.health ?? DEFAULT_HEALTH_SETTINGS;
  const fleetProblems = createFleetProblems();

  const apply = (id: string, a: Applied): void => {
    const before = entries.get(id)?.unsaved ?? null;
    // Health once per poll result and once per cycle: cheap pure rules over what the entry already holds.
    const entry = withHealth(id, a.entry, clock.now(), healthSettings());
    entries.set(id, entry);
    if (entry.unsaved !== null && entry.unsaved !== before) deps.observer?.sampled(before !== null);
    cycle.note(a.events);
    if (a.urgent) publisher.soon();
  };

  const poller = createPoller({
    entries,
    clock,
    config: () => config,
    pollDeps: () => (depsForPoll ??= { agent, tokens, passwordFor: deps.passwordFor, ...config }),
    apply,
    settled: (id, startedAt) => waiters.settle(id, startedAt),
  });

  const publisher = createPublisher({
    clock,
    coalesceMs: () => config.notifyCoalesceMs,
    views: (now) => liveViews(entries, now),
    poolTotalMhs: () => pool.totalMhs(),
    fleetProblems: fleetProblems.current,
  });

  /** End of a cycle: time-based liveness, one batch to the store, upkeep, and the update to subscribers. */
  const endCycle = (now: number): void => {
    for (const [id, e] of entries) apply(id, applyElapse(id, e, now, config.liveness));
    fleetProblems.update(pool.unmatchedWorkers(), now);
    cycle.write(now);
    pool.push(entries);
    publisher.now(true);
  };

  const { cadence, concurrency, pollDeadlineMs, initialSpreadRatio } = config;
  const scheduler = createScheduler({
    ...{ clock, cadence, concurrency, pollDeadlineMs, initialSpreadRatio },
    ...(deps.random ? { random: deps.random } : {}),
    poll: deps.observer ? timed(poller.poll, clock, deps.observer) : poller.poll,
    onCycle: endCycle,
  });

  const setRigs = (rigs: readonly RigRecord[]): void => {
    syncEntries(entries, tokens, rigs, {
      nextGen: () => nextGen++,
      poolFigures: pool.figuresFor,
      added: (id) => scheduler.add(id),
      removed(id) {
        scheduler.remove(id);
        waiters.settle(id, Infinity);
      },
      moved: (id) => scheduler.pollSoon(id),
    });
    publisher.soon();
  };

  return {
    start() {
      pool.start(entries, () => publisher.soon());
      scheduler.start();
    },
    stop: () =>
      stopCollector({ poller, scheduler, waiters, pool, publisher, cycle }, ownAgent ? agent : null),
    setRigs,
    live: () => [...liveViews(entries, clock.now()).values()],
    summary: () => {
      const now = clock.now();
      return summarize(liveViews(entries, now).values(), now, pool.totalMhs(), fleetProblems.current());
    },
    snapshot: (rigId) => entries.get(rigId)?.snapshot ?? null,
    details: (rigId) => detailsOfId(entries, rigId),
    subscribe: (listener) => publisher.subscribe(listener),
    markRestarting: (rigId, untilMs) =>
      changeEntry(entries, apply, rigId, (e) => applyRestart(rigId, e, untilMs, clock.now())),
    cancelRestarting: (rigId) =>
      changeEntry(entries, apply, rigId, (e) => applyCancelRestart(rigId, e, clock.now())),
    refresh(rigId) {
      const e = entries.get(rigId);
      if (e === undefined) return Promise.resolve(null);
      entries.set(rigId, { ...e, detailDue: true, slowDue: true, chipsDue: true });
      const answer = waiters.wait(rigId, clock.now());
      scheduler.pollSoon(rigId);
      return answer;
    },
    async pollOnce() {
      await scheduler.pollAll();
      endCycle(clock.now());
    },
    configure(patch) {
      settings = { ...settings, ...patch };
      config = collectorConfig(settings, overrides);
      depsForPoll = null;
      scheduler.setTiming({ cadence: config.cadence, pollDeadlineMs: config.pollDeadlineMs });
    },
    stats: () => scheduler.stats(),
  };
}

/** A change to one known rig's entry that no poll brought (a restart asked for, or called off). */
function changeEntry(
  entries: ReadonlyMap<string, RigEntry>,
  apply: (id: string, a: Applied) => void,
  id: string,
  change: (e: RigEntry) => Applied,
): void {
  const e = entries.get(id);
  if (e !== undefined) apply(id, change(e));
}

/** Aborts polls in flight, writes what was gathered, stops the ticker; an agent we made is destroyed. */
async function stopCollector(
  parts: {
    poller: { invalidate(): void };
    scheduler: { stop(): Promise<void> };
    waiters: { settleAll(): void };
    pool: { stop(): void };
    publisher: { cancel(): void };
    cycle: { flush(): void };
  },
  ownAgent: MinerAgent | null,
): Promise<void> {
  parts.poller.invalidate();
  try {
    await parts.scheduler.stop();
    // A refresh still waiting gets the rig as it stands.
    parts.waiters.settleAll();
    parts.pool.stop();
    parts.publisher.cancel();
    parts.cycle.flush();
  } catch (error) {
    console.error('collector: final write failed:', error);
  } finally {
    ownAgent?.destroy();
  }
}

function timed(
  poll: (id: string, signal: AbortSignal) => Promise<PollResult>,
  clock: Clock,
  observer: CollectorObserver,
): (id: string, signal: AbortSignal) => Promise<PollResult> {
  return async (id, signal) => {
    const started = clock.now();
    let result: PollResult = 'missed';
    try {
      result = await poll(id, signal);
      return result;
    } finally {
      observer.polled(clock.now() - started, result);
    }
  };
}
