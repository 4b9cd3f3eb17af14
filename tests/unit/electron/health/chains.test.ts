// @vitest-environment node
// Chains: failed or disconnected with how many chips still hash; initializing is not failed; a chain the model
// has but the miner does not report; orange/red chips growing within the window, and quiet once they stop.
import { describe, expect, it } from 'vitest';
import { chainsRule } from '../../../../electron/health/chains';
import { DEFAULT_HEALTH_SETTINGS } from '../../../../shared/health-settings';
import { chainSnap, codes, ctx, input, MIN, run, snap, T0 } from './fixtures';

describe('chains', () => {
  it('names a failed chain with its chips hashing', () => {
    const s = snap({
      chains: [
        chainSnap(1),
        chainSnap(2, { state: 'failure', hashrateMhs: 0, chipGrades: { grey: 0, orange: 0, red: 120 } }),
        chainSnap(3),
      ],
    });
    expect(chainsRule(ctx(input(s))).map((f) => [f.code, f.subject, f.text])).toEqual([
      ['chain-failed', '2', 'chain 2 failure: 0 of 120 chips hashing'],
    ]);
  });

  it('does not call an initializing chain failed', () => {
    const s = snap({
      minerState: 'starting',
      chains: [chainSnap(1, { state: 'initializing', hashrateMhs: 0 }), chainSnap(2), chainSnap(3)],
    });
    expect(chainsRule(ctx(input(s)))).toEqual([]);
  });

  it('names a chain missing while mining', () => {
    const found = chainsRule(ctx(input(snap({ chains: [chainSnap(1), chainSnap(2)] }))));
    expect(found.map((f) => [f.code, f.text])).toEqual([
      ['chain-missing', '1 chain(s) missing: 2 of 3 reported'],
    ]);
  });

  it('sees orange/red chips growing within the window, and lets it go once they stop', () => {
    const graded = (at: number, orange: number) =>
      input(
        snap({
          takenAtMs: at,
          chains: [
            chainSnap(1, { chipGrades: { grey: 120 - orange, orange, red: 0 } }),
            chainSnap(2),
            chainSnap(3),
          ],
        }),
      );
    const settings = { ...DEFAULT_HEALTH_SETTINGS, chipsWindowMinutes: 30 };
    const steps = run(
      [
        graded(T0, 2),
        graded(T0 + 5 * MIN, 3),
        graded(T0 + 10 * MIN, 6),
        graded(T0 + 20 * MIN, 9),
        graded(T0 + 60 * MIN, 9),
        graded(T0 + 70 * MIN, 9),
      ],
      settings,
    );
    expect(steps.map((s) => codes(s).includes('chips-degrading'))).toEqual([
      false,
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(steps[2]?.problems.find((p) => p.code === 'chips-degrading')?.text).toBe(
      '10 orange/red chips, up 4 within 30 min',
    );
  });
});
