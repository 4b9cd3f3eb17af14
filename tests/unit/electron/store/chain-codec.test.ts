// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { packChains, unpackChains } from '../../../../electron/store/chain-codec';
import { storedChain } from '../../../helpers/history';

const chain = storedChain;

describe('chain codec', () => {
  it('round-trips chains in chain order, with NULLs, negatives and values past 32 bits', () => {
    const chains = [
      chain({ chain: 3, hashrateMhs: null, chipTempDc: -12 }),
      chain({ chain: 1, state: 4, voltageMv: null }),
      chain({ chain: 2, hashrateMhs: 2 ** 45 + 1, chipsRed: -3 }),
    ];
    expect(unpackChains(packChains(chains))).toEqual([...chains].sort((a, b) => a.chain - b.chain));
  });

  it('stores no chains as NULL, and anything but a safe integer as NULL', () => {
    expect(packChains([])).toBeNull();
    expect(unpackChains(null)).toEqual([]);
    const odd = chain({ hashrateMhs: Number.NaN, chipTempDc: 2 ** 60, boardTempDc: 1.5 });
    expect(unpackChains(packChains([odd]))).toEqual([
      { ...odd, hashrateMhs: null, chipTempDc: null, boardTempDc: null },
    ]);
  });

  it('spends a byte on a field the previous chain shares, so three alike chains cost little more than one', () => {
    const one = packChains([chain({})])?.length ?? 0;
    const three = packChains([chain({}), chain({ chain: 2 }), chain({ chain: 3 })])?.length ?? 0;
    expect(one).toBe(16);
    expect(three).toBe(one + 2 * 9);
  });

  it('reads what it can of a truncated or malformed blob, and never throws', () => {
    const full = packChains([chain({}), chain({ chain: 2 })]);
    if (full === null) throw new Error('packed nothing');
    expect(unpackChains(full.subarray(0, full.length - 1))).toEqual([chain({})]);
    expect(unpackChains(Buffer.alloc(0))).toEqual([]);
    expect(unpackChains(Buffer.from([0xff, 0xff]))).toEqual([]);
    // A count far larger than the blob: stops at the end.
    expect(unpackChains(Buffer.from([0x7f, 0x02]))).toEqual([]);
    expect(unpackChains(Buffer.alloc(12, 0xff))).toEqual([]);
  });
});
