// @vitest-environment node
// Worker ↔ rig mapping: the ProHashing password syntax (docs/prohashing.md §4.2) and mismatches reported both ways.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POOL_HOSTS,
  isProHashingUrl,
  reconcile,
  type RigPoolInput,
  stratumHost,
} from '../../../../electron/pool/prohashing/mapping';
import { parsePoolPassword } from '../../../../electron/pool/prohashing/password';
import { poolMappingSchema } from '../../../../shared/pool';

const PH = 'stratum+tcp://prohashing.com:3333';
const rig = (rigId: string, ...pools: [url: string, user: string, password: string][]): RigPoolInput => ({
  rigId,
  pools: pools.map(([url, user, password]) => ({ url, user, password })),
});
const opts = { accountName: 'acme', poolHosts: DEFAULT_POOL_HOSTS };

describe('parsePoolPassword', () => {
  it('reads the confirmed keys and keeps the rest', () => {
    const p = parsePoolPassword('a=scrypt,c=litecoin,m=pplns,n=rig01,d=16384,o=cloud,e=off');
    expect(p).toMatchObject({
      algorithm: 'scrypt',
      coin: 'litecoin',
      mode: 'pplns',
      worker: 'rig01',
      difficulty: 16384,
    });
    expect(p.params).toMatchObject({ o: 'cloud', e: 'off' });
    expect(p.problems).toEqual([]);
  });

  it('tolerates spaces, empty parts, upper-case keys; keeps the worker name case; reports oddities', () => {
    const p = parsePoolPassword(' A=Scrypt ,, N=Rig-07 ,x, n=Rig-08,d=big');
    expect(p.algorithm).toBe('scrypt');
    expect(p.worker).toBe('Rig-08');
    expect(p.difficulty).toBeNull();
    expect(p.problems).toEqual([
      '"x" is not a key=value pair',
      'n= is given more than once',
      'd=big is not a number',
    ]);
  });

  it('a value may contain "=" and an empty value is no value', () => {
    const p = parsePoolPassword('a=scrypt,n=,o=k=v');
    expect(p.worker).toBeNull();
    expect(p.params['o']).toBe('k=v');
  });
});

describe('ProHashing host detection', () => {
  it('accepts schemes, no scheme, subdomains; rejects look-alikes', () => {
    expect(stratumHost('stratum+tcp://US.Mining.ProHashing.com:3333/')).toBe('us.mining.prohashing.com');
    expect(isProHashingUrl('us.mining.prohashing.com:3333', DEFAULT_POOL_HOSTS)).toBe(true);
    expect(isProHashingUrl('stratum+ssl://prohashing.com:443', DEFAULT_POOL_HOSTS)).toBe(true);
    expect(isProHashingUrl('stratum+tcp://notprohashing.com:3333', DEFAULT_POOL_HOSTS)).toBe(false);
    expect(isProHashingUrl('stratum+tcp://192.168.1.5:3333', [...DEFAULT_POOL_HOSTS, '192.168.1.5'])).toBe(
      true,
    );
  });
});

describe('reconcile', () => {
  it('matches by n= and reports mismatches both ways', () => {
    const rigs = [
      rig('r1', [PH, 'acme', 'a=scrypt,n=rig01']),
      rig('r2', [PH, 'acme', 'a=scrypt,c=litecoin,m=pplns,n=rig02']),
      rig('r3', [PH, 'acme', 'a=scrypt,n=rig03']),
      rig('elsewhere', ['stratum+tcp://ltc.example.org:3333', 'someone', 'x']),
    ];
    const m = reconcile(rigs, ['rig01', 'rig02', 'old-spare-7'], opts);
    expect(m.matched).toEqual([
      { rigId: 'r1', worker: 'rig01' },
      { rigId: 'r2', worker: 'rig02' },
    ]);
    expect(m.rigsWithUnknownWorker).toEqual([{ rigId: 'r3', worker: 'rig03' }]);
    expect(m.workersWithoutRig).toEqual(['old-spare-7']);
    expect(m.rigsNotOnPool).toEqual(['elsewhere']);
    expect(m.warnings).toEqual([]);
    expect(poolMappingSchema.parse(m)).toEqual(m);
  });

  it('flags duplicates, missing n=, PPLNS without c=, other accounts and failover slots', () => {
    const rigs = [
      rig('a', [PH, 'acme', 'a=scrypt,n=dup']),
      rig('b', [PH, 'acme', 'a=scrypt,n=dup']),
      rig('c', [PH, 'acme', 'a=scrypt']),
      rig('d', [PH, 'acme', 'm=pplns,n=d1']),
      rig('e', [PH, 'other-user', 'a=scrypt,n=e1']),
      rig(
        'f',
        [PH, 'acme', 'a=scrypt,n=f-main'],
        ['us.mining.prohashing.com:3333', 'ACME', 'a=scrypt,n=f-backup'],
      ),
    ];
    const m = reconcile(rigs, ['dup', 'd1', 'f-main'], opts);
    expect(m.duplicateWorkerNames).toEqual([{ worker: 'dup', rigIds: ['a', 'b'] }]);
    expect(m.rigsWithoutWorkerName).toEqual(['c']);
    expect(m.rigsNotOnPool).toEqual(['e']);
    // f is known by its first slot's name; its failover name is not reported as unknown.
    expect(m.matched).toContainEqual({ rigId: 'f', worker: 'f-main' });
    expect(m.rigsWithUnknownWorker).toEqual([]);
    const codes = m.warnings.map((w) => `${w.rigId}:${w.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'c:no_worker_name',
        'd:no_algorithm',
        'd:pplns_needs_coin',
        'e:other_account',
        'f:several_worker_names',
      ]),
    );
    expect(m.warnings.find((w) => w.code === 'several_worker_names')?.poolIndex).toBeNull();
  });

  it('without an account name any user counts; worker case is exact unless configured', () => {
    const rigs = [rig('r', [PH, 'whoever', 'a=scrypt,n=Rig01'])];
    const exact = reconcile(rigs, ['rig01'], { poolHosts: DEFAULT_POOL_HOSTS });
    expect(exact.rigsWithUnknownWorker).toEqual([{ rigId: 'r', worker: 'Rig01' }]);
    expect(exact.workersWithoutRig).toEqual(['rig01']);
    const folded = reconcile(rigs, ['rig01'], {
      poolHosts: DEFAULT_POOL_HOSTS,
      caseInsensitiveWorkers: true,
    });
    expect(folded.matched).toEqual([{ rigId: 'r', worker: 'rig01' }]);
    expect(folded.workersWithoutRig).toEqual([]);
  });
});
