// The ProHashing template as the core sends it and the dialog previews it: the chosen region first, the other
// regions as fallbacks, the account as user, and a password whose n= is the rig's own worker name.
import { describe, expect, it } from 'vitest';

import {
  prohashingPassword,
  prohashingPools,
  prohashingRegions,
  samePoolUrl,
  templateProblem,
  workerName,
} from '../../../shared/prohashing-template';

const t = { name: 'prohashing' as const, coin: 'litecoin', region: 'asia', account: 'farmco' };

describe('the ProHashing template', () => {
  it('fills three slots: the chosen region first, then the others, one worker name for all', () => {
    const pools = prohashingPools(t, 'A1-07');
    expect(pools.map((p) => p.url)).toEqual([
      'stratum+tcp://asia.mining.prohashing.com:3333',
      'stratum+tcp://us.mining.prohashing.com:3333',
      'stratum+tcp://eu.mining.prohashing.com:3333',
    ]);
    expect(new Set(pools.map((p) => `${p.user} ${p.pass}`))).toEqual(
      new Set(['farmco a=scrypt,c=litecoin,m=pplns,n=A1-07']),
    );
    expect(prohashingRegions.map((r) => r.key)).toEqual(['us', 'eu', 'asia']);
  });

  it('keeps a rig name from breaking the comma-separated password', () => {
    expect(workerName('rack 1, slot=2')).toBe('rack-1-slot-2');
    expect(workerName('   ')).toBe('rig');
    expect(prohashingPassword('dogecoin', 'a,b')).toBe('a=scrypt,c=dogecoin,m=pplns,n=a-b');
  });

  it('says what is wrong with a template before anything is sent', () => {
    expect(templateProblem(t)).toBeNull();
    expect(templateProblem({ ...t, region: 'moon' })).toContain('Unknown ProHashing region "moon"');
    expect(templateProblem({ ...t, coin: 'LTC,x' })).toContain('not a ProHashing coin name');
    expect(templateProblem({ ...t, account: ' ' })).toContain('account name is empty');
    expect(templateProblem({ ...t, account: 'a b' })).toContain('cannot contain spaces');
  });

  it('compares pool URLs as miners report them, without a scheme', () => {
    expect(samePoolUrl('stratum+tcp://us.mining.prohashing.com:3333', 'us.mining.prohashing.com:3333')).toBe(
      true,
    );
    expect(samePoolUrl('US.mining.prohashing.com:3333/', 'us.mining.prohashing.com:3333')).toBe(true);
    expect(samePoolUrl('eu.mining.prohashing.com:3333', 'us.mining.prohashing.com:3333')).toBe(false);
  });
});
