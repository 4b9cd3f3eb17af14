/**
 * Callers of `refresh` waiting for a rig's next poll: each is answered by the first poll that started after it
 * asked (an older poll in flight would answer with stale figures), or at once when the rig goes away or the
 * collector stops.
 */
import { type RigLive } from '../../shared/telemetry';

type Waiter = { since: number; resolve: (live: RigLive | null) => void };

export type Waiters = {
  /** Resolves with the rig's view after its first poll that starts after `since`. */
  wait(rigId: string, since: number): Promise<RigLive | null>;
  /** A poll of the rig that started at `startedAt` ended (Infinity: answer everyone). */
  settle(rigId: string, startedAt: number): void;
  /** The collector stops: everyone gets the rig as it stands. */
  settleAll(): void;
};

/** `view`: the rig as it stands (null once removed). */
export function createWaiters(view: (rigId: string) => RigLive | null): Waiters {
  const waiters = new Map<string, Waiter[]>();
  const settle = (rigId: string, startedAt: number): void => {
    const list = waiters.get(rigId);
    if (list === undefined) return;
    const rest = list.filter((w) => w.since > startedAt);
    if (rest.length > 0) waiters.set(rigId, rest);
    else waiters.delete(rigId);
    const live = view(rigId);
    for (const w of list) if (w.since <= startedAt) w.resolve(live);
  };

  return {
    wait(rigId, since) {
      return new Promise((resolve) =>
        waiters.set(rigId, [...(waiters.get(rigId) ?? []), { since, resolve }]),
      );
    },
    settle,
    settleAll() {
      for (const id of [...waiters.keys()]) settle(id, Infinity);
    },
  };
}
