// @vitest-environment node
// Liveness as a pure function of poll results and time: the states, the hysteresis that stops flapping, and a
// requested restart that keeps a rebooting rig from being shown as offline until its deadline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answered,
  elapse,
  initialHealth,
  isRestarting,
  type LivenessConfig,
  missed,
  requestRestart,
  type RigHealth,
} from '../../../../electron/collector/liveness';
import { T0 } from './fixtures';

const cfg: LivenessConfig = {
  staleAfterMisses: 2,
  staleAfterMs: 42_500,
  offlineAfterMs: 60_000,
  offlineAfterMisses: 3,
};
const S = 15_000;

type Step = 'answer' | 'miss';

/** Applies one result per 15 s, starting at T0 + 15 s; returns every liveness along the way. */
function run(steps: Step[], start: RigHealth = initialHealth(), t = T0): { h: RigHealth; seen: string[] } {
  let h = start;
  const seen: string[] = [];
  steps.forEach((s, i) => {
    const at = t + (i + 1) * S;
    h = s === 'answer' ? answered(h, at, 'mining', cfg) : missed(h, at, cfg);
    seen.push(h.liveness);
  });
  return { h, seen };
}

describe('liveness', () => {
  it('is unknown before the first poll and online after the first answer', () => {
    expect(initialHealth().liveness).toBe('unknown');
    expect(run(['answer']).seen).toEqual(['online']);
  });

  it('shrugs off one missed poll, is stale after two, offline after a minute and three misses', () => {
    expect(run(['answer', 'miss', 'miss', 'miss', 'miss', 'miss']).seen).toEqual([
      'online',
      'online', // 15 s silent: one unlucky poll changes nothing
      'stale', // 30 s: two polls missed
      'stale', // 45 s: not yet a minute
      'offline', // 60 s and three misses
      'offline',
    ]);
  });

  it('needs both the minute and the misses: a burst of fast misses is stale, not offline', () => {
    let h = answered(initialHealth(), T0, 'mining', cfg);
    for (let i = 1; i <= 6; i++) h = missed(h, T0 + i * 5_000, cfg);
    expect(h.liveness).toBe('stale');
    h = elapse(h, T0 + 60_000, cfg);
    expect(h.liveness).toBe('offline');
  });

  it('comes back from offline or stale on one answer, and an unlucky poll after it is only one miss', () => {
    const offline = run(['answer', 'miss', 'miss', 'miss', 'miss']).h;
    expect(offline.liveness).toBe('offline');
    const t = T0 + 5 * S;
    expect(run(['answer', 'miss', 'answer'], offline, t).seen).toEqual(['online', 'online', 'online']);
    const stale = run(['answer', 'miss', 'miss']).h;
    expect(stale.liveness).toBe('stale');
    expect(answered(stale, T0 + 4 * S, 'mining', cfg).liveness).toBe('online');
  });

  it('takes a rig that never answered from unknown to stale to offline', () => {
    expect(run(['miss', 'miss', 'miss', 'miss', 'miss']).seen).toEqual([
      'unknown',
      'stale',
      'stale',
      'stale', // silence counts from the first miss (+15 s): 45 s
      'offline', // 60 s
    ]);
  });

  it('turns figures stale with age alone when no poll result arrives, but never offline without misses', () => {
    const h = answered(initialHealth(), T0, 'mining', cfg);
    expect(elapse(h, T0 + 40_000, cfg).liveness).toBe('online');
    expect(elapse(h, T0 + 50_000, cfg).liveness).toBe('stale');
    expect(elapse(h, T0 + 3_600_000, cfg).liveness).toBe('stale');
  });

  it('holds a rig we asked to reboot at stale until it is back hashing, then clears the mark', () => {
    let h = answered(initialHealth(), T0, 'mining', cfg);
    h = requestRestart(h, T0 + 300_000);
    expect(isRestarting(h, T0)).toBe(true);
    h = answered(h, T0 + 2_000, 'mining', cfg); // still up: the reboot has not begun
    for (let i = 1; i <= 8; i++) h = missed(h, T0 + i * S, cfg);
    expect(h.liveness).toBe('stale'); // 120 s silent: offline but for the restart
    expect(isRestarting(h, T0 + 8 * S)).toBe(true);
    h = answered(h, T0 + 9 * S, 'initializing', cfg);
    expect([h.liveness, isRestarting(h, T0 + 9 * S)]).toEqual(['online', true]);
    h = answered(h, T0 + 10 * S, 'mining', cfg);
    expect([h.liveness, isRestarting(h, T0 + 10 * S), h.restart]).toEqual(['online', false, null]);
  });

  it('lets a restart that never comes back go offline at its deadline', () => {
    let h = requestRestart(answered(initialHealth(), T0, 'mining', cfg), T0 + 90_000);
    for (let i = 1; i <= 5; i++) h = missed(h, T0 + i * S, cfg);
    expect(h.liveness).toBe('stale');
    h = elapse(h, T0 + 90_000, cfg);
    expect([h.liveness, h.restart, isRestarting(h, T0 + 90_000)]).toEqual(['offline', null, false]);
  });

  it('does not show a restart the rig makes on its own as restarting (only one RigDeck asked for)', () => {
    const h = answered(initialHealth(), T0, 'restarting', cfg);
    expect(isRestarting(h, T0)).toBe(false);
    const asked = requestRestart(h, T0 + 90_000);
    expect(isRestarting(asked, T0)).toBe(true);
  });

  it('is online on the first answer after being offline: the badge never says Offline beside fresh figures', () => {
    const { h, seen } = run(['answer', 'miss', 'miss', 'miss', 'miss', 'answer', 'answer']);
    expect(seen.slice(4)).toEqual(['offline', 'online', 'online']);
    expect(h.lastAnswerMs).toBe(T0 + 7 * S);
    // A farm restarting: rigs silent from the first poll go offline after the minute, then answer once.
    const { seen: cold } = run(['miss', 'miss', 'miss', 'miss', 'miss', 'answer']);
    expect(cold).toEqual(['unknown', 'stale', 'stale', 'stale', 'offline', 'online']);
  });

  it('never flaps on the way down: no direct online → offline step, and offline → online only on an answer', () => {
    const step = fc.record({
      kind: fc.constantFrom('answer', 'miss', 'tick'),
      gapMs: fc.integer({ min: 1, max: 40_000 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let h = initialHealth();
        let t = T0;
        for (const s of steps) {
          t += s.gapMs;
          const prev = h;
          if (s.kind === 'answer') h = answered(h, t, 'mining', cfg);
          else if (s.kind === 'miss') h = missed(h, t, cfg);
          else h = elapse(h, t, cfg);
          if (prev.liveness === 'online') expect(h.liveness).not.toBe('offline');
          if (prev.liveness === 'offline' && h.liveness === 'online') {
            expect(s.kind).toBe('answer');
          }
          // Whatever came before, an answer is never judged offline: its figures are seconds old.
          if (s.kind === 'answer') expect(h.liveness).not.toBe('offline');
          if (prev.liveness !== 'offline' && h.liveness === 'offline')
            expect(h.misses).toBeGreaterThanOrEqual(3);
        }
      }),
    );
  });
});
