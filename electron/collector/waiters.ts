/**
 * Callers of `refresh` waiting for a rig's next poll: each is answered by the first poll that started after it
 * asked (an older poll in flight would answer with stale figures), or at once when the rig goes away or the
 * collector stops.
 */
import { type RigLive } from '../../shared/telemetry';

type Waiter = { since: number; resolve: (live: RigLive | null) => void };

export type Waiters = {
  add(rigId: string, since: number, resolve: (live: RigLive | null) => void): void;
  /** A poll of the rig that started at `startedAt` ended (Infinity: answer everyone). */
  settle(rigId: string, startedAt: number): void;
  ids(): string[];
};

/** `view`: the rig as it stands (null once removed). */
export function createWaiters(view: (rigId: string) => RigLive | null): Waiters {
  const waiters = new Map<string, Waiter[]>();
  return {
    add(rigId, since, resolve) {
      waiters.set(rigId, [...(waiters.get(rigId) ?? []), { since, resolve }]);
    },
    settle(rigId, startedAt) {
      const list = waiters.get(rigId);
      if (list === undefined) return;
      const rest = list.filter((w) => w.since > startedAt);
      if (rest.length > 0) waiters.set(rigId, rest);
      else waiters.delete(rigId);
      const live = view(rigId);
      for (const w of list) if (w.since <= startedAt) w.resolve(live);
    },
    ids: () => [...waiters.keys()],
  };
}
