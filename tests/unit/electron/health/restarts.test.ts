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

  it('ignores uptime that wobbles by a second against our clock', () => {
    expect(run([up(0, 600), up(1, 659), up(2, 721)]).flatMap(codes)).toEqual([]);
  });
});
