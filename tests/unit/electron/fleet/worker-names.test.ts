// @vitest-environment node
import { describe, expect, it } from 'vitest';

import type { PoolFeed, RigPoolInput } from '../../../../electron/collector/pool-port';
import { withWorkerNames, workerNameOf } from '../../../../electron/fleet/worker-names';
import { emptyPoolState } from '../../../../electron/pool/switchable-feed';

const slot = (url: string, user: string, password: string) => ({ url, user, password });

describe('workerNameOf', () => {
  it('reads n= from the first pool that has one', () => {
    expect(
      workerNameOf([
        slot('', '', ''),
        slot('stratum+tcp://prohashing.com:3333', 'farm', 'a=scrypt,n=rig-07'),
        slot('stratum+tcp://prohashing.com:3333', 'farm', 'a=scrypt,n=rig-99'),
      ]),
    ).toBe('rig-07');
  });

  it('takes the part after the account dot when the password names no worker', () => {
    expect(workerNameOf([slot('stratum+tcp://ltc.example:3333', 'farm.rig-12', 'x')])).toBe('rig-12');
    expect(workerNameOf([slot('stratum+tcp://ltc.example:3333', 'farm', 'x')])).toBeNull();
    expect(workerNameOf([slot('stratum+tcp://ltc.example:3333', 'farm.', 'a=scrypt')])).toBeNull();
  });
});

describe('withWorkerNames', () => {
  it('forwards the pool settings and hands over each named rig once the call returned', async () => {
    const seen: (readonly RigPoolInput[])[] = [];
    const feed: PoolFeed = {
      setRigs: (inputs) => seen.push(inputs),
      subscribe: () => () => undefined,
      getState: () => emptyPoolState(0),
    };
    const adopted: ReadonlyMap<string, string>[] = [];
    const announced: string[][] = [];
    const wrapped = withWorkerNames(feed, {
      registry: {
        adoptWorkerNames: (w) => {
          adopted.push(w);
          return [];
        },
      },
      announce: (change) => announced.push(change.updated.map((r) => r.id)),
      now: () => 1,
    });
    const inputs = [
      { rigId: 'a', pools: [slot('stratum+tcp://prohashing.com', 'farm', 'n=rig-01')] },
      { rigId: 'b', pools: [slot('stratum+tcp://prohashing.com', 'farm', 'a=scrypt')] },
    ];
    wrapped.setRigs(inputs);
    expect(seen).toEqual([inputs]);
    expect(adopted).toEqual([]);
    await Promise.resolve();
    expect(adopted).toEqual([new Map([['a', 'rig-01']])]);
    expect(announced).toEqual([]); // nothing renamed, nothing announced
  });
});
