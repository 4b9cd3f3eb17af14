/**
 * Telling subscribers what changed: at every cycle end (always, with the summary), and soon after a liveness
 * change between cycles (gathered for a moment, so a burst of answers at start-up is one update, not hundreds).
 * Each update carries only the rigs whose view changed since the last one.
 */
import { type Problem } from '../../shared/health';
import { type FleetSummary, type RigLive } from '../../shared/telemetry';
import { type Cancel, type Clock } from '../clock';
import { changedSince, summarize } from './live';

export type CollectorUpdate = { live: RigLive[]; removed: string[]; summary: FleetSummary };

export type Publisher = {
  subscribe(listener: (update: CollectorUpdate) => void): () => void;
  /** Publish within the coalescing delay, if anything changed by then. */
  soon(): void;
  /** Publish now; `always` sends the summary even when no rig changed (a cycle end). */
  now(always: boolean): void;
  cancel(): void;
};

export type PublisherOptions = {
  clock: Clock;
  coalesceMs: () => number;
  /** Every rig's view at `now`. */
  views(now: number): Map<string, RigLive>;
  poolTotalMhs(): number | null;
  /** Problems that belong to no rig; none when not given. */
  fleetProblems?(): Problem[];
};

export function createPublisher(o: PublisherOptions): Publisher {
  const listeners = new Set<(u: CollectorUpdate) => void>();
  let published = new Map<string, RigLive>();
  let timer: Cancel | null = null;

  const publish = (always: boolean): void => {
    timer?.();
    timer = null;
    if (listeners.size === 0) {
      // Nobody to tell: a later subscriber's first update then carries every rig.
      published = new Map();
      return;
    }
    const at = o.clock.now();
    const next = o.views(at);
    const diff = changedSince(published, next);
    published = next;
    if (!always && diff.changed.length === 0 && diff.removed.length === 0) return;
    const update: CollectorUpdate = {
      live: diff.changed,
      removed: diff.removed,
      summary: summarize(next.values(), at, o.poolTotalMhs(), o.fleetProblems?.() ?? []),
    };
    for (const l of [...listeners]) {
      try {
        l(update);
      } catch (error) {
        console.error('collector listener:', error);
      }
    }
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    soon() {
      if (timer !== null || listeners.size === 0) return;
      timer = o.clock.after(o.coalesceMs(), () => {
        timer = null;
        publish(false);
      });
    },
    now: publish,
    cancel() {
      timer?.();
      timer = null;
    },
  };
}
