// @vitest-environment node
// The rig's own restarts: uptime going back with no restart asked for. One after a hot chip is thermal
// protection; three within the window a reboot loop; a restart RigDeck expected counts for neither.
import { describe, expect, it } from 'vitest';
import { expectRestart } from '../../../../electron/health/restarts';
import { stepHealth } from '../../../../electron/health/evaluate';
import { emptyMemory } from '../../../../electron/health/types';
import { DEFAULT_HEALTH_SETTINGS } from '../../../../shared/health-settings';
import { codes, input, MIN, run, snap, T0 } from './fixtures';

const up = (m: number, uptimeSec: number, chipC = 66) =>
  input(snap({ takenAtMs: T0 + m * MIN, uptimeSec, chipTemp: { minC: 60, maxC: chipC } }));

describe('restarts', () => {
  it('counts uptime resets as own restarts and calls three within the hour a reboot loop', () => {
    // Booted 10 min before the first reading, then again at 4, 10.3 and 15.5 min.
    const steps = run([up(0, 600), up(5, 60), up(10, 360), up(11, 40), up(15, 280), up(16, 30)]);
    expect(steps.map((s) => codes(s).includes('reboot-loop'))).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
    expect(steps[5]?.problems.find((p) => p.code === 'reboot-loop')?.text).toBe(
      'restarted 3 times on its own within 60 min',
    );
  });

  it('calls a restart right after a chip at the limit thermal protection', () => {
    const steps = run([up(0, 600, 84), up(5, 60, 70)]);
    expect(steps[1]?.problems.map((p) => [p.code, p.text])).toEqual([
      ['thermal-restart', 'restarted on its own after chip 84 °C (limit 85 °C)'],
    ]);
  });

  it('does not count a restart RigDeck expected', () => {
    const first = stepHealth(emptyMemory(), up(0, 600, 84), DEFAULT_HEALTH_SETTINGS, T0);
    const memory = expectRestart(first.memory, T0 + 10 * MIN);
    const after = stepHealth(memory, up(5, 60, 70), DEFAULT_HEALTH_SETTINGS, T0 + 5 * MIN);
    expect(after.problems).toEqual([]);
    expect(after.memory.ownRestarts).toEqual([]);
  });

  it('counts a miner restart that leaves the system uptime running (thermal protection restarts the miner, not the OS)', () => {
    // System uptime keeps counting (REST reads it from /info); the miner drops from mining to restarting.
    const at = (m: number, minerState: 'mining' | 'restarting' | 'initializing', chipC: number) =>
      input(
        snap({
          takenAtMs: T0 + m * MIN,
          uptimeSec: 600 + m * 60,
          minerState,
          chipTemp: { minC: 60, maxC: chipC },
        }),
      );
    const steps = run([
      at(0, 'mining', 82),
      at(1, 'mining', 84),
      at(2, 'restarting', 80),
      at(3, 'initializing', 70),
    ]);
    expect(steps.map((s) => codes(s).includes('thermal-restart'))).toEqual([false, false, true, true]);
    expect(steps[3]?.memory.ownRestarts).toHaveLength(1);
  });

  it('counts a reboot once though it shows both signs: the state drop and the uptime reset', () => {
    const at = (m: number, minerState: 'mining' | 'initializing', uptimeSec: number) =>
      input(snap({ takenAtMs: T0 + m * MIN, uptimeSec, minerState }));
    const steps = run([at(0, 'mining', 600), at(3, 'initializing', 60), at(4, 'mining', 120)]);
    expect(steps[2]?.memory.ownRestarts).toHaveLength(1);
  });

  it('ignores uptime that wobbles by a second against our clock', () => {
    expect(run([up(0, 600), up(1, 659), up(2, 721)]).flatMap(codes)).toEqual([]);
  });
});
