// @vitest-environment node
// Updates to subscribers: every cycle end with the summary, liveness changes between cycles gathered into one
// update, only changed rigs in each, removed ids named, and a failing listener cannot stop the others.
import { describe, expect, it, vi } from 'vitest';
import { toRigLive } from '../../../../electron/collector/live';
import { type CollectorUpdate, createPublisher } from '../../../../electron/collector/publisher';
import { type RigLive } from '../../../../shared/telemetry';
import { manualClock } from '../pool/manual-clock';
import { snap } from './fixtures';

const live = (rigId: string, over: Partial<RigLive> = {}): RigLive => ({
  ...toRigLive({
    rigId,
    snapshot: snap(),
    liveness: 'online',
    restarting: false,
    poll: { lastPollMs: 1, lastError: null },
    pool: { poolHashrateMhs: null, workerName: null },
  }),
  ...over,
});

describe('publisher', () => {
  it('sends changed rigs only, gathers changes between cycles, and names removed rigs', async () => {
    const clock = manualClock();
    let views = new Map([
      ['a', live('a')],
      ['b', live('b')],
    ]);
    const p = createPublisher({ clock, coalesceMs: () => 250, views: () => views, poolTotalMhs: () => 9000 });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const got: CollectorUpdate[] = [];
    p.subscribe(() => {
      throw new Error('a broken listener');
    });
    p.subscribe((u) => got.push(u));

    p.now(true);
    expect(got.map((u) => u.live.map((l) => l.rigId))).toEqual([['a', 'b']]);
    expect(got[0]?.summary).toMatchObject({ poolHashrateMhs: 9000, rigs: { total: 2, online: 2 } });

    views = new Map([
      ['a', live('a', { liveness: 'stale' })],
      ['b', live('b')],
    ]);
    p.soon();
    p.soon();
    await clock.advance(249);
    expect(got).toHaveLength(1);
    await clock.advance(1);
    expect(got.map((u) => u.live.map((l) => l.rigId))).toEqual([['a', 'b'], ['a']]);

    p.soon();
    await clock.advance(250); // nothing changed: no update between cycles
    expect(got).toHaveLength(2);
    p.now(true); // a cycle end always tells, with the summary
    expect(got[2]?.live).toEqual([]);

    views = new Map([['b', live('b')]]);
    p.now(true);
    expect(got[3]?.removed).toEqual(['a']);
    expect(logged).toHaveBeenCalledTimes(4);
    logged.mockRestore();
  });
});
