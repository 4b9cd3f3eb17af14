/**
 * `serve --stats-file FILE`: one JSON line every few seconds with the process's memory, the collector's poll
 * durations and the samples it kept since the last line, so a soak run can read cycle times, memory growth and
 * lost rows from outside the process. Off by default; counting and appending a line is all it adds.
 */
import { appendFileSync } from 'node:fs';

import { type Core, type CoreOptions } from '../core';

// Named through the core's own options and surface: a CLI command reaches nothing behind the core.
type CollectorObserver = NonNullable<NonNullable<CoreOptions['collector']>['observer']>;
type SchedulerStats = ReturnType<Core['collector']['stats']>;

export type StatsLine = {
  at: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Each poll that settled since the previous line: start to settle, ms (rounded). */
  pollMs: number[];
  answered: number;
  /** Samples the collector kept for its next batch: each should become one rig_samples row… */
  sampled: number;
  /** …except those a later poll of the same rig replaced before the cycle ended (one row per rig and cycle). */
  replaced: number;
  scheduler: SchedulerStats;
};

export type StatsFile = {
  observer: CollectorObserver;
  start(scheduler: () => SchedulerStats): void;
  /** Writes the last line and stops the timer. */
  stop(): void;
};

export function createStatsFile(path: string, everyMs = 5000): StatsFile {
  let pollMs: number[] = [];
  let answered = 0;
  let sampled = 0;
  let replaced = 0;
  let timer: NodeJS.Timeout | null = null;
  let read: (() => SchedulerStats) | null = null;
  const write = (): void => {
    if (!read) return;
    const mem = process.memoryUsage();
    const line: StatsLine = {
      at: Date.now(),
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      pollMs,
      answered,
      sampled,
      replaced,
      scheduler: read(),
    };
    pollMs = [];
    answered = sampled = replaced = 0;
    appendFileSync(path, `${JSON.stringify(line)}\n`);
  };
  return {
    observer: {
      polled(ms, result) {
        pollMs.push(Math.round(ms));
        if (result === 'answered') answered++;
      },
      sampled(wasReplaced) {
        sampled++;
        if (wasReplaced) replaced++;
      },
    },
    start(scheduler) {
      read = scheduler;
      write();
      timer = setInterval(write, everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      write();
    },
  };
}
