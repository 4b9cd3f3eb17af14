// @vitest-environment node
// Health inside the collector's entry (pure parts): the verdict rides on the entry into RigLive; a steady healthy
// rig's entry is not copied per evaluation; a restart RigDeck asked for is expected by the health memory and
// shown as restarting, while the rig's own restart is not; the summary counts health and carries fleet problems.
import { describe, expect, it } from 'vitest';
import { applyAnswer, applyRestart } from '../../../../electron/collector/apply-poll';
import { collectorConfig } from '../../../../electron/collector/config';
import { summarize } from '../../../../electron/collector/live';
import { type PollOutcome } from '../../../../electron/collector/poll-rig';
import { liveOf, newEntry, type RigEntry, withHealth } from '../../../../electron/collector/rig-entry';
import { unmatchedWorkers } from '../../../../electron/health/pool';
import { DEFAULT_HEALTH_SETTINGS } from '../../../../shared/health-settings';
import { type RigSnapshot } from '../../../../shared/rig';
import { rigRecord } from '../collector/fixtures';
import { chainSnap, MIN, snap, T0 } from './fixtures';

const cfg = collectorConfig().liveness;
const outcome = (s: RigSnapshot): PollOutcome => ({
  snapshot: s,
  source: 'vnish-rest',
  client: null,
  password: 'admin',
  detail: null,
  detailRead: false,
  slow: null,
  slowRead: false,
  chipsRead: false,
  model: null,
  implausible: [],
  degraded: null,
});

function answer(e: RigEntry, s: RigSnapshot): RigEntry {
  return withHealth(
    'r',
    applyAnswer('r', e, outcome(s), s.takenAtMs, cfg).entry,
    s.takenAtMs,
    DEFAULT_HEALTH_SETTINGS,
  );
}

describe('health in the collector entry', () => {
  it('is unknown before the first answer, then carries the rules verdict into RigLive', () => {
    const fresh = withHealth('r', newEntry(rigRecord('r'), 1), T0, DEFAULT_HEALTH_SETTINGS);
    expect([liveOf('r', fresh, T0).health, liveOf('r', fresh, T0).problems]).toEqual(['unknown', []]);
    const ok = answer(fresh, snap());
    expect(liveOf('r', ok, T0).health).toBe('ok');
    const hot = answer(
      ok,
      snap({
        takenAtMs: T0 + MIN,
        chains: [chainSnap(1, { chipTemp: { minC: 60, maxC: 91 } }), chainSnap(2), chainSnap(3)],
      }),
    );
    const live = liveOf('r', hot, T0 + MIN);
    expect([live.health, live.problems.map((p) => p.text)]).toEqual([
      'critical',
      ['chain 1 chip 91 °C, limit 85 °C'],
    ]);
  });

  it('does not copy a steady healthy rig per evaluation', () => {
    const e = answer(newEntry(rigRecord('r'), 1), snap());
    expect(withHealth('r', e, T0 + 1000, DEFAULT_HEALTH_SETTINGS)).toBe(e);
  });

  it('expects a restart RigDeck asked for, and counts the rig own restarts only', () => {
    const booted = answer(newEntry(rigRecord('r'), 1), snap({ uptimeSec: 3600 }));
    const asked = applyRestart('r', booted, T0 + 5 * MIN, T0).entry;
    expect(liveOf('r', asked, T0).restarting).toBe(true);
    const back = answer(asked, snap({ takenAtMs: T0 + 3 * MIN, uptimeSec: 60 }));
    expect(back.check.memory.ownRestarts).toEqual([]);
    const own = answer(back, snap({ takenAtMs: T0 + 20 * MIN, uptimeSec: 30, minerState: 'restarting' }));
    expect(own.check.memory.ownRestarts).toEqual([T0 + 20 * MIN]);
    expect(liveOf('r', own, T0 + 20 * MIN).restarting).toBe(false);
  });

  it('counts rigs by health in the summary and carries the fleet problems', () => {
    const ok = answer(newEntry(rigRecord('a'), 1), snap());
    const never = withHealth('b', newEntry(rigRecord('b'), 2), T0, DEFAULT_HEALTH_SETTINGS);
    const fleet = unmatchedWorkers(new Map(), ['stray'], T0).problems;
    const sum = summarize([liveOf('a', ok, T0), liveOf('b', never, T0)], T0, null, fleet);
    expect(sum.rigs.byHealth).toEqual({ ok: 1, warning: 0, critical: 0, unknown: 1 });
    expect(sum.fleetProblems.map((p) => [p.code, p.subject])).toEqual([['pool-worker-unmatched', 'stray']]);
  });
});
