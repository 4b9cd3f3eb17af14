// What of a settings backup goes back on a restore (only the miner's mining parts, never network or passwords),
// and the one-line summary shown instead of the document.
import { describe, expect, it } from 'vitest';

import { restorable, summarize } from '../../../../../electron/control/backups/document';
import { MASKED, paramsOf } from '../../../../../electron/control/actions';

const doc = {
  miner: {
    pools: [
      { url: 'us.mining.prohashing.com:3333', user: 'farmco', pass: 'a=scrypt,n=r1' },
      { url: '', user: '', pass: '' },
      { url: '', user: '', pass: '' },
    ],
    cooling: { fan_min_count: 4, mode: { name: 'auto', param: 70 } },
    overclock: { preset: '3425', globals: { freq: 500, volt: 1360 } },
    misc: { restart_temp: 85 },
  },
  network: { hostname: 'r1', dhcp: false, ipaddress: '10.0.0.5' },
  password: { current: 'admin', pw: 'x' },
  ui: { theme: 'dark' },
};

describe('settings backups', () => {
  it('restores pools, fans, tuning and limits only, without the empty slots', () => {
    expect(restorable(doc)).toEqual({
      pools: [doc.miner.pools[0]],
      cooling: doc.miner.cooling,
      overclock: doc.miner.overclock,
      misc: doc.miner.misc,
    });
    expect(restorable({ network: doc.network })).toBeNull();
    expect(restorable('garbage')).toBeNull();
  });

  it('sums a document up in a line', () => {
    expect(summarize(doc)).toBe('preset 3425, fans auto 70 °C, 1 pool');
    const manual = { miner: { ...doc.miner, overclock: { preset: 'disabled', globals: { freq: 550 } } } };
    expect(summarize({ miner: { ...manual.miner, cooling: { mode: { name: 'manual', param: 80 } } } })).toBe(
      '550 MHz, fans manual 80 %, 1 pool',
    );
    expect(summarize({ miner: { cooling: { mode: { name: 'immers' } } } })).toBe('immersion, 0 pools');
  });

  it('masks a pool password the user typed in the audit parameters', () => {
    const pools = [
      { url: 'a:1', user: 'u', pass: 'hunter2' },
      { url: 'b:1', user: 'u', pass: '' },
    ];
    expect(paramsOf({ kind: 'pools', pools, template: null })).toEqual({
      pools: [
        { url: 'a:1', user: 'u', pass: MASKED },
        { url: 'b:1', user: 'u', pass: '' },
      ],
      template: null,
    });
  });
});
