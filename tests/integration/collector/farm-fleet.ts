// @vitest-environment node
// Shared pieces of the collector's integration tests: the farm's rigs as registry records, a history store
// that keeps what it is given, and a way to step the collector's manual clock while real sockets answer.
import { vi } from 'vitest';
import { type Collector } from '../../../electron/collector/collector';
import { type CycleBatch, type HistoryStore, type Retention } from '../../../electron/store/history-types';
import { type RigLive } from '../../../shared/telemetry';
import { registryRecords } from '../../../sim/index';
import { type ManualClock } from '../../unit/electron/pool/manual-clock';

/** What discovery would register: identity by serial, the firmware it recognised. */
export const recordsOf = registryRecords;

/** A deterministic uniform source (LCG), so jittered schedules repeat from run to run. */
export function seeded(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type FakeHistory = Pick<HistoryStore, 'writeCycle' | 'maintain'> & {
  batches: CycleBatch[];
  maintained: Array<{ nowMs: number; retention: Retention }>;
};

export function fakeHistory(): FakeHistory {
  const batches: CycleBatch[] = [];
  const maintained: FakeHistory['maintained'] = [];
  return {
    batches,
    maintained,
    writeCycle: (b) => void batches.push(b),
    maintain: (nowMs, retention) => void maintained.push({ nowMs, retention }),
  };
}

/** Waits for sockets, not a timing claim: generous so a loaded machine does not flake. */
export const until = <T>(check: () => T): Promise<T> => vi.waitFor(check, { timeout: 15_000, interval: 10 });

/**
 * Moves the collector's clock forward in small steps; after each, waits until no poll is in flight, so every
 * request launched at a simulated instant is answered (over real loopback sockets) before time moves on.
 */
export async function step(clock: ManualClock, collector: Collector, ms: number, by = 250): Promise<void> {
  for (let done = 0; done < ms; done += by) {
    await clock.advance(Math.min(by, ms - done));
    await until(() => {
      if (collector.stats().inFlight > 0) throw new Error('polls in flight');
    });
  }
}

export function liveOf(collector: Collector, rigId: string): RigLive {
  const live = collector.live().find((l) => l.rigId === rigId);
  if (!live) throw new Error(`no live view of ${rigId}`);
  return live;
}
