// @vitest-environment node
// A manual Clock for the ProHashing connector's tests: time moves only when the test says so, and every
// timer due on the way fires in order, with the promise work it starts flushed before the next one.
import { type Clock } from '../../../../electron/clock';

export type ManualClock = Clock & {
  /** Move time forward by `ms`, firing due timers in order. */
  advance(ms: number): Promise<void>;
  /** Let pending promise callbacks run (fake fetches, fake WAMP replies). */
  flush(): Promise<void>;
  pendingTimers(): number[];
};

type Timer = { id: number; at: number; fn: () => void };

export function manualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  let nextId = 1;
  let timers: Timer[] = [];
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
  };
  return {
    now: () => now,
    after(ms, fn) {
      const t = { id: nextId++, at: now + Math.max(0, ms), fn };
      timers.push(t);
      return () => {
        timers = timers.filter((x) => x.id !== t.id);
      };
    },
    flush,
    async advance(ms) {
      const target = now + ms;
      await flush();
      for (;;) {
        const due = timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        timers = timers.filter((t) => t.id !== due.id);
        now = Math.max(now, due.at);
        due.fn();
        await flush();
      }
      now = target;
    },
    pendingTimers: () => timers.map((t) => t.at - now).sort((a, b) => a - b),
  };
}
