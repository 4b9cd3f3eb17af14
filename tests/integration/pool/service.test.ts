// @vitest-environment node
// The whole ProHashing connector against the farm's fake: live workers, balances and market data arrive,
// REST details and the key check come in, the rigs map to workers with mismatches both ways, a rig that
// leaves the pool goes offline, block credits raise the balance, and stop() closes everything.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../electron/clock';
import { createProHashing, type ProHashingChange } from '../../../electron/pool/prohashing/service';
import { proHashingStateSchema } from '../../../shared/pool';
import { type Farm } from '../../../sim/index';
import { ACCOUNT, farmRigs, poolFarm, prohashingOf } from './pool-farm';

// Waits for sockets and the farm, not a timing claim: generous so a loaded CI machine does not flake.
const until = <T>(check: () => T): Promise<T> => vi.waitFor(check, { timeout: 15_000, interval: 20 });

describe('ProHashing service against the farm', () => {
  let farm: Farm;
  beforeAll(async () => {
    farm = await poolFarm(25450);
  });
  afterAll(async () => farm?.stop());

  it('builds workers, balances, market data and the mapping; follows the farm; stops cleanly', async () => {
    const ph = prohashingOf(farm);
    const service = createProHashing({
      apiKey: ph.apiKey,
      accountName: ACCOUNT,
      baseUrl: ph.url,
      wsUrl: ph.wsUrl,
      clock: systemClock,
      live: { reconnect: { baseMs: 50 } },
    });
    const changes: ProHashingChange[] = [];
    service.subscribe((c) => changes.push(c));
    // The fleet knows every farm rig but "spare" (whose worker is old-spare-7), plus one rig that is not
    // mining (its worker is unknown to the pool).
    const rigs = farmRigs(farm).filter((r) => r.rigId !== 'spare');
    service.setRigs([
      ...rigs,
      {
        rigId: 'rig-99',
        pools: [{ url: 'stratum+tcp://prohashing.com:3333', user: ACCOUNT, password: 'a=scrypt,n=rig-99' }],
      },
    ]);
    service.start();
    await until(() => {
      const h = service.getState().health;
      expect(h.live.state).toBe('live');
      expect(h.rest.wallet.lastOkAt).not.toBeNull();
      expect(h.rest.status.lastOkAt).not.toBeNull();
      expect(h.rest.currencies.lastOkAt).not.toBeNull();
    });

    const s = service.getState();
    expect(proHashingStateSchema.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(s.health.apiKey).toBe('ok');
    expect(s.workers.map((w) => [w.name, w.source, w.online])).toEqual([
      ['old-spare-7', 'live', true],
      ['rig-01', 'live', true],
      ['rig-02', 'live', true],
      ['rig-03', 'live', true],
    ]);
    for (const w of s.workers) expect(w.hashrateHs).toBeGreaterThan(1e9);
    expect(s.mapping.matched.map((m) => `${m.rigId}=${m.worker}`)).toEqual([
      'rig-01=rig-01',
      'rig-02=rig-02',
      'rig-03=rig-03',
    ]);
    expect(s.mapping.workersWithoutRig).toEqual(['old-spare-7']);
    expect(s.mapping.rigsWithUnknownWorker).toEqual([{ rigId: 'rig-99', worker: 'rig-99' }]);
    expect(s.mapping.rigsNotOnPool).toEqual(['elsewhere']);
    expect(s.balances.map((b) => [b.coin, b.abbreviation])).toEqual([
      ['Dogecoin', 'DOGE'],
      ['Litecoin', 'LTC'],
    ]);
    expect(s.algorithms.map((a) => a.key)).toContain('scrypt');
    expect(s.coins.map((c) => c.name)).toEqual(['Dogecoin', 'Litecoin']);
    expect(s.profitability.map((p) => p.algorithm)).toContain('Scrypt');
    expect(s.general?.subscriptionsCount).toBeGreaterThan(0);
    expect(changes.some((c) => c.topics.includes('workers'))).toBe(true);
    expect(JSON.stringify(s)).not.toContain(ph.apiKey);

    // rig-02 loses its pool: the fake sends a zero-hashrate diff for its session.
    const ltcBefore = s.balances.find((b) => b.coin === 'Litecoin')?.balance ?? 0;
    farm.applyFault('rig-02', { kind: 'pool-down', slot: 0 });
    await farm.advance(3600);
    await until(() => {
      const rig02 = service.getState().workers.find((w) => w.name === 'rig-02');
      expect(rig02).toMatchObject({ online: false, hashrateHs: 0 });
    });
    // Found Litecoin blocks credit the account (the farm's rigs mine c=litecoin): increments add up.
    await until(() => expect(service.getState().blocks.some((b) => b.coin === 'Litecoin')).toBe(true));
    const ltc = service.getState().balances.find((b) => b.coin === 'Litecoin');
    expect(ltc?.source).toBe('live');
    expect(ltc?.balance).toBeGreaterThan(ltcBefore);

    await service.stop();
    expect(service.getState().health.live.state).toBe('closed');
  });
});
