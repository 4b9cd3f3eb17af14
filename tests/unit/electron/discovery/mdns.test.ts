// @vitest-environment node
// The mDNS logic with a fake bonjour: no multicast leaves this process. The real thing is tested inside
// network namespaces (tests/integration/discovery/mdns-netns.test.ts).
import { describe, expect, it } from 'vitest';

import {
  type BonjourFactory,
  type BonjourOptions,
  browseMiners,
  candidateFrom,
  DEFAULT_MINER_PATTERNS,
  deferredBonjour,
  looksLikeMiner,
  type MdnsCandidate,
  type MdnsService,
  publishRigDeck,
} from '../../../../electron/discovery/mdns';

type FakeBonjour = {
  factory: BonjourFactory;
  options: BonjourOptions[];
  finds: Array<{ type: string } | null>;
  published: unknown[];
  announce(s: MdnsService): void;
  destroyed: number;
};

function fakeBonjour(): FakeBonjour {
  const listeners: Array<{ type: string | null; onUp: (s: MdnsService) => void }> = [];
  const fake: FakeBonjour = {
    options: [],
    finds: [],
    published: [],
    destroyed: 0,
    announce: (s) => listeners.filter((l) => l.type === null || l.type === s.type).forEach((l) => l.onUp(s)),
    factory: (options) => {
      fake.options.push(options);
      return {
        find(opts, onUp) {
          fake.finds.push(opts);
          listeners.push({ type: opts?.type ?? null, onUp });
          return { stop: () => undefined };
        },
        publish(config) {
          fake.published.push(config);
          return config;
        },
        unpublishAll: (cb) => cb(),
        destroy: (cb) => {
          fake.destroyed++;
          cb();
        },
      };
    },
  };
  return fake;
}

function service(name: string, o: Partial<MdnsService> = {}): MdnsService {
  return {
    name,
    host: `${name}.local`,
    type: 'http',
    port: 80,
    addresses: ['fe80::1', '10.77.0.9'],
    referer: { address: '10.77.0.1', family: 'IPv4', port: 5353, size: 100 },
    txt: { path: '/', n: 1 },
    ...o,
  };
}

describe('looksLikeMiner', () => {
  it('matches miner-ish names and hosts with the default patterns', () => {
    for (const name of ['antminer-l7-01', 'Vnish rig 3', 'whatsminer', 'L7-rack2-05'])
      expect(looksLikeMiner({ name, host: 'x.local' }, DEFAULT_MINER_PATTERNS)).toBe(true);
    expect(looksLikeMiner({ name: 'web', host: 'anthill-07.local' }, DEFAULT_MINER_PATTERNS)).toBe(true);
    for (const name of ['RigDeck', 'HP LaserJet', 'NAS'])
      expect(looksLikeMiner({ name, host: `${name}.local` }, DEFAULT_MINER_PATTERNS)).toBe(false);
  });
});

describe('candidateFrom', () => {
  it('prefers the sender address, else the first advertised IPv4, and stringifies txt', () => {
    expect(candidateFrom(service('a'))).toEqual({
      name: 'a',
      host: 'a.local',
      type: 'http',
      port: 80,
      address: '10.77.0.1',
      txt: { path: '/', n: '1' },
    });
    const { referer: _unused, ...noReferer } = service('b');
    expect(candidateFrom(noReferer).address).toBe('10.77.0.9');
  });
});

describe('browseMiners', () => {
  it('always binds to the interface it was given and refuses anything but an IPv4 address', () => {
    const fake = fakeBonjour();
    expect(() => browseMiners({ interface: 'eth0' }, () => undefined, fake.factory)).toThrow(/IPv4/);
    expect(fake.options).toEqual([]);
    browseMiners({ interface: '10.77.0.2' }, () => undefined, fake.factory);
    expect(fake.options).toEqual([{ interface: '10.77.0.2', bind: '0.0.0.0' }]);
  });

  it('browses every type by default (DNS-SD wildcard) and passes on only miner-looking services', async () => {
    const fake = fakeBonjour();
    const got: MdnsCandidate[] = [];
    const handle = browseMiners({ interface: '10.77.0.2' }, (c) => got.push(c), fake.factory);
    expect(fake.finds).toEqual([null]);
    fake.announce(service('antminer-l7-01'));
    fake.announce(service('printer'));
    expect(got.map((c) => c.name)).toEqual(['antminer-l7-01']);
    await handle.stop();
    expect(fake.destroyed).toBe(1);
  });

  it('takes configured types and patterns (Vnish advertises nothing known: a GAP, so both are options)', () => {
    const fake = fakeBonjour();
    const got: MdnsCandidate[] = [];
    browseMiners(
      { interface: '10.77.0.2', types: ['http', 'ssh'], patterns: [/^rack\d+-/] },
      (c) => got.push(c),
      fake.factory,
    );
    expect(fake.finds).toEqual([{ type: 'http' }, { type: 'ssh' }]);
    fake.announce(service('rack3-07'));
    fake.announce(service('antminer-l7-01'));
    expect(got.map((c) => c.name)).toEqual(['rack3-07']);
  });
});

describe('publishRigDeck', () => {
  it('announces _rigdeck._tcp with the version on the given interface', async () => {
    const fake = fakeBonjour();
    const handle = publishRigDeck({ interface: '10.77.0.1', port: 8080, version: '0.1.0' }, fake.factory);
    expect(fake.options).toEqual([{ interface: '10.77.0.1', bind: '0.0.0.0' }]);
    expect(fake.published).toEqual([
      {
        name: 'RigDeck',
        type: 'rigdeck',
        protocol: 'tcp',
        port: 8080,
        txt: { version: '0.1.0', path: '/' },
        disableIPv6: true,
      },
    ]);
    await handle.stop();
    expect(fake.destroyed).toBe(1);
  });
});

describe('bonjour loaded on first use (deferredBonjour)', () => {
  it('runs what was asked before the module loaded, in order, once it has', async () => {
    const fake = fakeBonjour();
    let load: (b: ReturnType<BonjourFactory>) => void = () => undefined;
    const ready = new Promise<ReturnType<BonjourFactory>>((resolve) => (load = resolve));
    const b = deferredBonjour(ready, () => undefined);
    const found: string[] = [];
    b.find({ type: 'http' }, (s) => found.push(s.name));
    b.publish({ name: 'RigDeck', type: 'rigdeck', port: 4280 });
    const early = b.find(null, (s) => found.push(`early ${s.name}`));
    early.stop(); // stopped before the module loaded: that browse never starts
    expect(fake.finds).toEqual([]);
    load(fake.factory({ interface: '127.0.0.1', bind: '0.0.0.0' }, () => undefined));
    await ready;
    expect(fake.finds).toEqual([{ type: 'http' }]);
    expect(fake.published).toEqual([{ name: 'RigDeck', type: 'rigdeck', port: 4280 }]);
    fake.announce(service('antminer-l7', { type: 'http' }));
    expect(found).toEqual(['antminer-l7']);
    await new Promise<void>((resolve) => b.destroy(resolve));
    expect(fake.destroyed).toBe(1);
  });

  it('reports a module that does not load, finds nothing, and still stops', async () => {
    const errors: unknown[] = [];
    const b = deferredBonjour(Promise.reject(new Error('no bonjour here')), (e) => errors.push(e));
    const found: string[] = [];
    b.find(null, (s) => found.push(s.name));
    await new Promise<void>((resolve) => b.unpublishAll(() => b.destroy(resolve)));
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain('no bonjour here');
    expect(found).toEqual([]);
  });
});
