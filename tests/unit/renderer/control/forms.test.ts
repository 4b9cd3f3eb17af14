// The fan and pools dialogs' pure parts: bounds and messages per field, the parameters sent, and the
// ProHashing preview each rig will get (the very function the core fills the template with).
import { describe, expect, it } from 'vitest';

import { fanErrors, fanParams, fanSummary, initialFanForm } from '../../../../renderer/control/fan-form';
import {
  initialPoolsForm,
  type PoolsForm,
  poolsErrors,
  poolsParams,
  poolsPreview,
} from '../../../../renderer/control/pools-form';

describe('fan form', () => {
  it('bounds the target in °C and the duty in %, checking only the field the mode uses', () => {
    expect(fanErrors(initialFanForm)).toEqual({});
    expect(fanErrors({ ...initialFanForm, target: '95' })).toEqual({ target: 'Target must be 20–90 °C.' });
    expect(fanErrors({ ...initialFanForm, target: '70.5' })).toEqual({
      target: 'Target must be a whole number of °C.',
    });
    expect(fanErrors({ mode: 'manual', target: 'x', duty: '5' })).toEqual({ duty: 'Duty must be 10–100 %.' });
    expect(fanErrors({ mode: 'immersion', target: '', duty: '' })).toEqual({});
  });

  it('sends only the value of its mode, and says what will happen', () => {
    expect(fanParams({ mode: 'auto', target: '65', duty: '80' })).toEqual({
      mode: 'auto',
      target: 65,
      duty: null,
    });
    expect(fanParams({ mode: 'manual', target: '65', duty: '80' })).toEqual({
      mode: 'manual',
      target: null,
      duty: 80,
    });
    expect(fanParams({ mode: 'immersion', target: '65', duty: '80' })).toEqual({
      mode: 'immersion',
      target: null,
      duty: null,
    });
    expect(fanSummary(initialFanForm, 3)).toBe('Fans automatic, holding 70 °C on 3 rigs.');
  });
});

describe('pools form', () => {
  const template = initialPoolsForm('farmco');

  it('previews each rig’s three ProHashing slots with its own worker name', () => {
    const rows = poolsPreview({ ...template, coin: 'Dogecoin', region: 'eu' }, ['A1-07', 'rack 2']);
    expect(rows.map((r) => r.rig)).toEqual(['A1-07', 'rack 2']);
    expect(rows[0]?.pools[0]).toEqual({
      url: 'stratum+tcp://eu.mining.prohashing.com:3333',
      user: 'farmco',
      pass: 'a=scrypt,c=dogecoin,m=pplns,n=A1-07',
    });
    expect(rows[1]?.pools.map((p) => p.pass)).toEqual(Array(3).fill('a=scrypt,c=dogecoin,m=pplns,n=rack-2'));
    expect(poolsParams({ ...template, coin: 'Dogecoin' })).toEqual({
      template: { name: 'prohashing', coin: 'dogecoin', region: 'us', account: 'farmco' },
    });
  });

  it('asks for the account and a sound coin name', () => {
    expect(poolsErrors(template)).toEqual({});
    expect(poolsErrors(initialPoolsForm(''))).toEqual({
      account: 'Give the ProHashing account name (the stratum user).',
    });
    expect(poolsErrors({ ...template, coin: 'lite coin' })['coin']).toContain('not a ProHashing coin name');
  });

  it('checks typed-in slots and sends only the filled ones', () => {
    const manual: PoolsForm = {
      ...template,
      source: 'manual',
      slots: [
        { url: 'stratum+tcp://pool.example:3333', user: 'me', pass: 'secret' },
        { url: '', user: '', pass: '' },
        { url: 'backup.example', user: '', pass: '' },
      ],
    };
    expect(poolsErrors(manual)).toEqual({
      url2: 'Pool 3: host:port, e.g. stratum+tcp://pool.example:3333.',
      user2: 'Pool 3 needs a user.',
    });
    const fixed: PoolsForm = { ...manual, slots: [manual.slots[0], manual.slots[1], manual.slots[1]] };
    expect(poolsErrors(fixed)).toEqual({});
    expect(poolsParams(fixed)).toEqual({
      pools: [{ url: 'stratum+tcp://pool.example:3333', user: 'me', pass: 'secret' }],
    });
    const empty: PoolsForm = { ...manual, slots: [manual.slots[1], manual.slots[1], manual.slots[1]] };
    expect(poolsErrors(empty)).toEqual({ url0: 'Give at least one pool.' });
  });
});
