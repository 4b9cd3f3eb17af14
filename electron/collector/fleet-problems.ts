/**
 * The fleet's own problems, kept across cycles so each keeps when it started: today the pool workers that no rig
 * claims (a rig renamed, a spare mining under an old name).
 */
import { type Problem } from '../../shared/health';
import { unmatchedWorkers } from '../health/pool';

export type FleetProblems = {
  /** Re-judged once per cycle from the pool's unmatched workers. */
  update(unmatched: Parameters<typeof unmatchedWorkers>[1], nowMs: number): void;
  current(): Problem[];
};

export function createFleetProblems(): FleetProblems {
  let since: ReadonlyMap<string, number> = new Map();
  let problems: Problem[] = [];
  return {
    update(unmatched, nowMs) {
      const fleet = unmatchedWorkers(since, unmatched, nowMs);
      since = fleet.since;
      problems = fleet.problems;
    },
    current: () => problems,
  };
}
