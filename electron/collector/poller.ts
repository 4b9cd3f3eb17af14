/**
 * One rig's poll as the scheduler runs it (the hot path): read the rig, then fold the answer or the miss into
 * its entry, unless the entry changed meanwhile (removed, moved, or the collector stopped): then the result says
 * nothing about the rig as it is now and is dropped.
 */
import { type Clock } from '../clock';
import { type Applied, applyAnswer, applyMiss } from './apply-poll';
import { type CollectorConfig } from './config';
import { type PollResult } from './flights';
import { pollEntry, type PollDeps } from './poll-rig';
import { describeError } from './read-rig';
import { type RigEntry } from './rig-entry';

export type PollerContext = {
  entries: ReadonlyMap<string, RigEntry>;
  clock: Clock;
  config(): CollectorConfig;
  /** Built once per configuration, not per poll. */
  pollDeps(): PollDeps;
  apply(rigId: string, applied: Applied): void;
  /** The poll that started at `startedAt` has been folded in (refresh waiters). */
  settled(rigId: string, startedAt: number): void;
};

export type Poller = {
  poll(rigId: string, signal: AbortSignal): Promise<PollResult>;
  /** stop(): a poll that started before now and settles after is ignored. */
  invalidate(): void;
};

export function createPoller(ctx: PollerContext): Poller {
  const { entries, clock } = ctx;
  let run = 0;
  const now = () => clock.now();
  return {
    async poll(rigId, signal) {
      const started = entries.get(rigId);
      if (started === undefined) return 'missed';
      const startedAt = clock.now();
      const startedRun = run;
      const config = ctx.config();
      let result: PollResult = 'missed';
      try {
        const out = await pollEntry(rigId, started, ctx.pollDeps(), {
          now,
          signal,
          timeoutMs: config.timeoutMs,
        });
        const e = entries.get(rigId);
        if (e === undefined || e.gen !== started.gen || run !== startedRun) return 'answered';
        ctx.apply(rigId, applyAnswer(rigId, e, out, startedAt, ctx.config().liveness));
        result = 'answered';
      } catch (error) {
        const e = entries.get(rigId);
        // Aborted by stop(), a removal or a move: not the rig's fault, so not a miss on its record.
        if (e === undefined || e.gen !== started.gen || run !== startedRun) return 'missed';
        const liveness = ctx.config().liveness;
        ctx.apply(rigId, applyMiss(rigId, e, describeError(error), clock.now(), startedAt, liveness));
      }
      ctx.settled(rigId, startedAt);
      return result;
    },
    invalidate() {
      run += 1;
    },
  };
}
