// @vitest-environment node
// The rigs' pool settings go to the pool connector at a cycle end only when they changed: unchanged lists (the
// same objects, re-read every 10 minutes) skip the work; equal lists read again are not sent twice.
import { describe, expect, it } from 'vitest';
import { createPoolSync } from '../../../../electron/collector/pool-sync';
import { type PoolFeed, type RigPoolInput } from '../../../../electron/collector/pool-port';
import { newEntry, type RigEntry } from '../../../../electron/collector/rig-entry';
import { type SlowDetail } from '../../../../electron/collector/read-rig';
import { rigRecord, T0 } from './fixtures';

const slowWith = (pools: SlowDetail['pools']): SlowDetail => ({
  atMs: T0,
  presets: null,
  model: null,
  chips: null,
  chipsAtMs: null,
  pools,
  errors: [],
});

const pool = (user: string) => [{ url: 'stratum+tcp://prohashing.com:3333', user, password: 'a=scrypt' }];

function feedRecorder(): { feed: PoolFeed; sent: RigPoolInput[][] } {
  const sent: RigPoolInput[][] = [];
  const feed: PoolFeed = {
    setRigs: (rigs) => sent.push([...rigs]),
    subscribe: () => () => undefined,
    getState: () => ({
      workers: [],
      mapping: {
        matched: [],
        duplicateWorkerNames: [],
        rigsWithUnknownWorker: [],
        workersWithoutRig: [],
        rigsWithoutWorkerName: [],
        rigsNotOnPool: [],
        warnings: [],
      },
    }),
  };
  return { feed, sent };
}

const entryWith = (id: string, pools: SlowDetail['pools']): RigEntry => ({
  ...newEntry(rigRecord(id), 1),
  slow: pools === null ? null : slowWith(pools),
});

describe('pool settings handed to the pool connector', () => {
  it('sends a change once, in rig order, and nothing while the lists stay the same', () => {
    const { feed, sent } = feedRecorder();
    const sync = createPoolSync(feed);
    const entries = new Map<string, RigEntry>([
      ['r2', entryWith('r2', pool('w2'))],
      ['r1', entryWith('r1', pool('w1'))],
      ['r3', entryWith('r3', null)],
    ]);
    sync.push(entries);
    expect(sent.map((s) => s.map((r) => r.rigId))).toEqual([['r1', 'r2']]);
    sync.push(entries);
    // Read again, equal: not sent again.
    entries.set('r1', entryWith('r1', pool('w1')));
    sync.push(entries);
    expect(sent).toHaveLength(1);
    // A changed worker, a rig gaining a list, a rig removed: each is sent.
    entries.set('r1', entryWith('r1', pool('w1b')));
    sync.push(entries);
    expect(sent[1]?.find((r) => r.rigId === 'r1')?.pools[0]?.user).toBe('w1b');
    entries.set('r3', entryWith('r3', pool('w3')));
    sync.push(entries);
    expect(sent[2]?.map((r) => r.rigId)).toEqual(['r1', 'r2', 'r3']);
    entries.delete('r2');
    sync.push(entries);
    expect(sent[3]?.map((r) => r.rigId)).toEqual(['r1', 'r3']);
    entries.set('r3', entryWith('r3', null));
    sync.push(entries);
    expect(sent[4]?.map((r) => r.rigId)).toEqual(['r1']);
    expect(sent).toHaveLength(5);
  });
});
