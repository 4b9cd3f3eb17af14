/**
 * The collector: polls every registered rig through the scheduler, keeps each rig's latest snapshot and
 * liveness, merges the pool's per-worker hashrate, writes one batch per cycle to the history store, and tells
 * subscribers what changed. A poll error never escapes: it becomes the rig's `lastError` and a miss.
 */
import { type RigRecord } from '../../shared/fleet';
import { type RigSnapshot } from '../../shared/rig';
import { type FleetSummary, type RigLive } from '../../shared/telemetry';
import { createMinerAgent, type MinerAgent } from '../miners/vnish/http';
import { type Clock, systemClock } from '../clock';
import { type HistoryStore, type RigEventRow } from '../store/history-types';
import { type Applied, applyAnswer, applyElapse, applyMiss, applyRestart } from './apply-poll';
import { cycleBatch, type UnsavedSample } from './batch';
import {
  collectorConfig,
  type CollectorSettings,
  type ConfigOverrides,
  DEFAULT_COLLECTOR_SETTINGS,
} from './config';
import { summarize } from './live';
import { pollEntry, type PollDeps } from './poll-rig';
import { createPoolSync, type PoolFeed } from './pool-sync';
import { type CollectorUpdate, createPublisher } from './publisher';
import { describeError } from './read-rig';
import {
  addressOf,
  detailsOf,
  liveOf,
  moved,
  newEntry,
  rehome,
  type RigDetails,
  type RigEntry,
} from './rig-entry';
import { createScheduler, type PollResult, type SchedulerStats } from './scheduler';

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
  /** We asked the rig to restart or reboot: show it restarting, not offline, until it is back or `untilMs`. */
  markRestarting(rigId: string, untilMs: number): void;
  /** Re-reads every tier of one rig now, chip detail included; resolves with its view after that poll (null if unknown or removed). */
  refresh(rigId: string): Promise<RigLive | null>;
  /** Polls every rig once now and ends a cycle (the CLI's `status`, the bench). */
  pollOnce(): Promise<void>;
  /** Settings changed (poll interval, retention): applies from the next poll. */
  configure(patch: Partial<CollectorSettings>): void;
  stats(): SchedulerStats;
};

type Waiter = { since: number; resolve: (live: RigLive | null) => void };

export function createCollector(deps: CollectorDeps): Collector {
  const clock = deps.clock ?? systemClock;
  const overrides = deps.overrides ?? {};
  let settings: CollectorSettings = deps.settings ?? DEFAULT_COLLECTOR_SETTINGS;
  let config = collectorConfig(settings, overrides);
  const ownAgent = deps.agent === undefined;
  const agent = deps.agent ?? createMinerAgent();
  const tokens = new Map<string, string>();
  const entries = new Map<string, RigEntry>();
  const waiters = new Map<string, Waiter[]>();
  const pool = createPoolSync(deps.pool ?? null);
  let events: RigEventRow[] = [];
  let lastMaintainAt = -Infinity;
  let nextGen = 1;
  /** Bumped by stop(): a poll that started before then and settles after is ignored. */
  let run = 0;

  // Built once per configuration, not per poll.
  let depsForPoll: PollDeps | null = null;
  const pollDeps = (): PollDeps =>
    (depsForPoll ??= { agent, tokens, passwordFor: deps.passwordFor, ...config });

  const apply = (id: string, a: Applied): void => {
    entries.set(id, a.entry);
    if (a.events.length > 0) events.push(...a.events);
    if (a.urgent) publisher.soon();
  };

  const settleWaiters = (id: string, startedAt: number): void => {
    const list = waiters.get(id);
    if (list === undefined) return;
    const rest = list.filter((w) => w.since > startedAt);
    if (rest.length > 0) waiters.set(id, rest);
    else waiters.delete(id);
    const e = entries.get(id);
    for (const w of list) if (w.since <= startedAt) w.resolve(e ? liveOf(id, e, clock.now()) : null);
  };

  const poll = async (id: string, signal: AbortSignal): Promise<PollResult> => {
    const started = entries.get(id);
    if (started === undefined) return 'missed';
    const startedAt = clock.now();
    const startedRun = run;
    const options = { now: () => clock.now(), signal, timeoutMs: config.timeoutMs };
    let result: PollResult = 'missed';
    try {
      const out = await pollEntry(id, started, pollDeps(), options);
      const e = entries.get(id);
      if (e === undefined || e.gen !== started.gen || run !== startedRun) return 'answered';
      apply(id, applyAnswer(id, e, out, startedAt, config.liveness));
      result = 'answered';
    } catch (error) {
      const e = entries.get(id);
      // Aborted by stop(), a removal or a move: not the rig's fault, so not a miss on its record.
      if (e === undefined || e.gen !== started.gen || run !== startedRun) return 'missed';
      apply(id, applyMiss(id, e, describeError(error), clock.now(), startedAt, config.liveness));
    }
    settleWaiters(id, startedAt);
    return result;
  };

  const currentLive = (now: number): Map<string, RigLive> => {
    const out = new Map<string, RigLive>();
    for (const [id, e] of entries) out.set(id, liveOf(id, e, now));
    return out;
  };

  const publisher = createPublisher({
    clock,
    coalesceMs: () => config.notifyCoalesceMs,
    views: currentLive,
    poolTotalMhs: () => pool.totalMhs(),
  });

  const takeBatch = () => {
    const unsaved: UnsavedSample[] = [];
    for (const [rigId, e] of entries) {
      if (e.unsaved === null) continue;
      unsaved.push({ rigId, snapshot: e.unsaved, poolHashrateMhs: e.pool.poolHashrateMhs });
      entries.set(rigId, { ...e, unsaved: null });
    }
    const batch = cycleBatch(unsaved, events);
    events = [];
    return batch;
  };

  /** End of a cycle: time-based liveness, one batch to the store, upkeep, and the update to subscribers. */
  const endCycle = (now: number): void => {
    for (const [id, e] of entries) apply(id, applyElapse(id, e, now, config.liveness));
    const batch = takeBatch();
    try {
      // Synchronous, one transaction: nothing is awaited while it is open.
      if (batch.samples.length > 0 || batch.events.length > 0) deps.history.writeCycle(batch);
    } catch (error) {
      console.error('collector: history write failed; this cycle is lost:', error);
    }
    if (now - lastMaintainAt >= config.maintainEveryMs) {
      lastMaintainAt = now;
      try {
        deps.history.maintain(now, config.retention);
      } catch (error) {
        console.error('collector: history upkeep failed:', error);
      }
    }
    try {
      pool.push(entries);
    } catch (error) {
      console.error('collector: handing pool settings to the pool connector failed:', error);
    }
    publisher.now(true);
  };

  const scheduler = createScheduler({
    clock,
    cadence: config.cadence,
    concurrency: config.concurrency,
    pollDeadlineMs: config.pollDeadlineMs,
    initialSpreadRatio: config.initialSpreadRatio,
    ...(deps.random ? { random: deps.random } : {}),
    poll,
    onCycle: endCycle,
  });

  return {
    start() {
      pool.start((figures) => {
        for (const [id, e] of entries) entries.set(id, { ...e, pool: figures(id) });
        publisher.soon();
      });
      scheduler.start();
    },
    async stop() {
      run += 1;
      try {
        await scheduler.stop();
        // A refresh still waiting gets the rig as it stands.
        for (const id of [...waiters.keys()]) settleWaiters(id, Infinity);
        pool.stop();
        publisher.cancel();
        const batch = takeBatch();
        if (batch.samples.length > 0 || batch.events.length > 0) deps.history.writeCycle(batch);
      } catch (error) {
        console.error('collector: final write failed:', error);
      } finally {
        if (ownAgent) agent.destroy();
      }
    },
    setRigs(rigs) {
      const wanted = new Set(rigs.map((r) => r.id));
      for (const [id, e] of [...entries]) {
        if (wanted.has(id)) continue;
        entries.delete(id);
        tokens.delete(addressOf(e.record));
        scheduler.remove(id);
        settleWaiters(id, Infinity);
      }
      for (const r of rigs) {
        const e = entries.get(r.id);
        if (e === undefined) {
          entries.set(r.id, { ...newEntry(r, nextGen++), pool: pool.figuresFor(r.id) });
          scheduler.add(r.id);
        } else if (moved(e.record, r)) {
          tokens.delete(addressOf(e.record));
          entries.set(r.id, rehome(e, r, nextGen++));
          scheduler.pollSoon(r.id);
        } else {
          entries.set(r.id, { ...e, record: r, source: e.record.firmware === r.firmware ? e.source : null });
        }
      }
      publisher.soon();
    },
    live: () => [...currentLive(clock.now()).values()],
    summary: () => summarize(currentLive(clock.now()).values(), clock.now(), pool.totalMhs()),
    snapshot: (rigId) => entries.get(rigId)?.snapshot ?? null,
    details(rigId) {
      const e = entries.get(rigId);
      return e === undefined ? null : detailsOf(e);
    },
    subscribe: (listener) => publisher.subscribe(listener),
    markRestarting(rigId, untilMs) {
      const e = entries.get(rigId);
      if (e !== undefined) apply(rigId, applyRestart(rigId, e, untilMs, clock.now()));
    },
    refresh(rigId) {
      const e = entries.get(rigId);
      if (e === undefined) return Promise.resolve(null);
      entries.set(rigId, { ...e, detailDue: true, slowDue: true, chipsDue: true });
      return new Promise((resolve) => {
        waiters.set(rigId, [...(waiters.get(rigId) ?? []), { since: clock.now(), resolve }]);
        scheduler.pollSoon(rigId);
      });
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
