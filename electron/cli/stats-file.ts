/**
 * `serve --stats-file FILE`: one JSON line every few seconds with the process's memory and the collector's poll
 * durations since the last line, so a soak run can read cycle times and heap growth from outside the process.
 * Off by default; appending a line is the only work it adds.
 */
import { appendFileSync } from 'node:fs';

import { type PollResult, type SchedulerStats } from '../collector/scheduler';

export type StatsLine = {
  at: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Each poll that settled since the previous line: start to settle, ms (rounded). */
  pollMs: number[];
  /** How many of those polls answered (each answer is one history sample at the cycle's end). */
  answered: number;
  scheduler: SchedulerStats;
};

export type StatsFile = {
  /** Give to the collector as onPollTimed. */
  poll(ms: number, result: PollResult): void;
  start(scheduler: () => SchedulerStats): void;
  /** Writes the last line and stops the timer. */
  stop(): void;
};

export function createStatsFile(path: string, everyMs = 5000): StatsFile {
  let pollMs: number[] = [];
  let answered = 0;
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
      scheduler: read(),
    };
    pollMs = [];
    answered = 0;
    appendFileSync(path, `${JSON.stringify(line)}\n`);
  };
  return {
    poll(ms, result) {
      pollMs.push(Math.round(ms));
      if (result === 'answered') answered++;
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
