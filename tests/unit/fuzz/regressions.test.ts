// @vitest-environment node
// Payloads the fuzz run found breaking an oracle, kept as plain cases so they stay fixed.
import { describe, expect, it } from 'vitest';

import { contractFamily } from '../../fuzz/contract';
import { prohashingLiveFamily } from '../../fuzz/prohashing';

describe('fuzz regressions', () => {
  it('a bad message with a non-integer or unsafe id is answered with id null, which the wire schema allows', async () => {
    const family = contractFamily();
    for (const id of ['1.5', '-1e308', '9007199254740993']) {
      const text = `{"type":"call","id":${id},"method":"settings.get","params":[]}`;
      expect(await family.check({ auth: false, binary: false, text })).toBe('typed_error');
    }
  });

  it('balance increments that would overflow to Infinity are dropped', async () => {
    const family = prohashingLiveFamily();
    const payload = [
      { coin: 'Litecoin', balance: -1e308 },
      { coin: 'Litecoin', balance: -1e308 },
    ];
    expect(await family.check([{ source: 'balance_updates', payload }])).toBe('valid');
  });

  it('a profitability timestamp too large for milliseconds becomes null, not Infinity', async () => {
    const family = prohashingLiveFamily();
    const row = { algorithm_name: 'scrypt', usd: 1, data_timestamp: 1e308, server_timestamp: -1e308 };
    expect(await family.check([{ source: 'f_all_profitability_updates', payload: { scrypt: row } }])).toBe(
      'valid',
    );
  });
});
