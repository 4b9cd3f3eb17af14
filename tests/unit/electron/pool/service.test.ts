// @vitest-environment node
// The whole connector on a manual clock with a fake fetch and an in-memory WAMP peer: live workers and
// balances, REST details, the mapping, walletEx only while the live feed is down, a refused key, JSON-safe
// state that matches the shared schemas, and change notifications by topic.
import { describe, expect, it } from 'vitest';
import { createProHashing, type ProHashingChange } from '../../../../electron/pool/prohashing/service';
import { proHashingStateSchema } from '../../../../shared/pool';
import { fakeWamp } from './fake-wamp';
import { manualClock } from './manual-clock';

const T0 = 1_700_000_000_000;
const KEY = 'cd'.repeat(32);
const PH = 'stratum+tcp://prohashing.com:3333';

const ok = (data: unknown) => ({ status: 'success', code: 200, data });
const BODIES: Record<string, unknown> = {
  wallet: ok({
    balances: {
      Litecoin: {
        name: 'Litecoin',
        abbreviation: 'LTC',
        balance: '0.04',
        payoutThreshold: '1',
        paid24h: null,
      },
    },
  }),
  walletEx: ok({
    miners: [
      { ID: 'rig01', accepted: '9000000000' },
      { ID: 'ghost', accepted: 5 },
    ],
  }),
  status: { code: 200, data: { scrypt: { name: 'scrypt', port: 3333, pps_fee: 0.0399 } } },
  currencies: {
    code: 200,
    data: { LTC: { name: 'Litecoin', abbreviation: 'LTC', algo: 'scrypt', enabled: true } },
  },
};

function fakeFetch(log: string[], key: { value: string }): typeof fetch {
  return async (input) => {
    const url = new URL(String(input));
    const endpoint = url.pathname.replace('/api/v1/', '');
    log.push(endpoint);
    if (url.hostname !== '127.0.0.1') throw new Error(`test tried to reach ${url.hostname}`);
    const account = endpoint === 'wallet' || endpoint === 'walletEx';
    if (account && url.searchParams.get('apiKey') !== key.value) {
      return Response.json({ status: 'error', code: 400, message: 'Invalid API key' });
    }
    return Response.json(BODIES[endpoint]);
  };
}

function setup(liveWorks = true) {
  const clock = manualClock(T0);
  const wamp = fakeWamp({
    f_all_miner_updates: [
      {
        uuid: 'u1',
        miner_name: 'rig01',
        coin_name: 'Litecoin',
        algorithm_name: 'Scrypt',
        hashrate: 9.5e9,
        share_count: 10,
      },
      { uuid: 'u2', miner_name: 'old-spare-7', hashrate: 4e9 },
    ],
    f_all_balance_updates: { Litecoin: 0.05 },
    f_all_profitability_updates: {},
    f_all_general_updates: {},
  });
  if (!liveWorks) wamp.logins.push('refuse', 'refuse', 'refuse');
  const requests: string[] = [];
  const key = { value: KEY };
  const service = createProHashing({
    apiKey: KEY,
    accountName: 'acme',
    baseUrl: 'http://127.0.0.1:9/api/v1',
    wsUrl: 'ws://127.0.0.1:9/ws',
    clock,
    fetch: fakeFetch(requests, key),
    connector: wamp.connector,
  });
  const changes: ProHashingChange[] = [];
  service.subscribe((c) => changes.push(c));
  service.setRigs([
    { rigId: 'A', pools: [{ url: PH, user: 'acme', password: 'a=scrypt,n=rig01' }] },
    { rigId: 'B', pools: [{ url: PH, user: 'acme', password: 'a=scrypt,n=rig02' }] },
  ]);
  return { clock, wamp, requests, key, service, changes };
}

describe('ProHashing service', () => {
  it('live workers and balances, REST details, mapping both ways, JSON-safe state', async () => {
    const t = setup();
    t.service.start();
    await t.clock.advance(0);
    const s = t.service.getState();
    expect(proHashingStateSchema.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(s.workers.map((w) => [w.name, w.source, w.hashrateHs])).toEqual([
      ['old-spare-7', 'live', 4e9],
      ['rig01', 'live', 9.5e9],
    ]);
    expect(s.mapping).toMatchObject({
      matched: [{ rigId: 'A', worker: 'rig01' }],
      rigsWithUnknownWorker: [{ rigId: 'B', worker: 'rig02' }],
      workersWithoutRig: ['old-spare-7'],
    });
    expect(s.algorithms.map((a) => a.key)).toEqual(['scrypt']);
    expect(s.coins.map((c) => c.key)).toEqual(['LTC']);
    expect(s.health.apiKey).toBe('ok');
    expect(s.health.live.state).toBe('live');
    // The wallet and the live snapshot both spoke; REST figures survive, the live balance is the latest.
    expect(s.balances).toEqual([expect.objectContaining({ coin: 'Litecoin', payoutThreshold: 1 })]);
    expect(t.changes.some((c) => c.topics.includes('workers'))).toBe(true);
    expect(JSON.stringify(s)).not.toContain(KEY);
    await t.service.stop();
  });

  it('a change carries the state as it was when notified, built once however often and late it is read', async () => {
    const t = setup();
    t.service.start();
    await t.clock.advance(0);
    const first = t.changes[0];
    expect(first?.topics).toEqual(['mapping']);
    // Read only now, after the live feed and REST changed the data: still the state at setRigs (no workers yet).
    expect(first?.state.workers).toEqual([]);
    expect(first?.state.mapping.rigsWithUnknownWorker.map((u) => u.rigId)).toEqual(['A', 'B']);
    expect(first?.state).toBe(first?.state);
    const last = t.changes[t.changes.length - 1];
    expect(last?.state).toEqual(t.service.getState());
    await t.service.stop();
  });

  it('diffs and increments flow into the state; walletEx is polled only while live is down', async () => {
    const t = setup();
    t.service.start();
    await t.clock.advance(0);
    // Here the fake live feed syncs before the first REST round, so walletEx is not needed at all.
    const exCalls = () => t.requests.filter((r) => r === 'walletEx').length;
    expect(exCalls()).toBe(0);
    expect(t.requests).toEqual(['wallet', 'status', 'currencies']);
    const link = t.wamp.links[0];
    link?.publish(`miner_update_diffs_${KEY}`, [{ uuid: 'u1', hashrate: 0 }]);
    link?.publish(`balance_updates_${KEY}`, [{ coin: 'Litecoin', balance: 0.01 }]);
    const s = t.service.getState();
    expect(s.workers.find((w) => w.name === 'rig01')).toMatchObject({ online: false, hashrateHs: 0 });
    // Last writer owns the balance: the wallet (0.04) answered after the live snapshot (0.05), then +0.01.
    expect(s.balances[0]?.balance).toBeCloseTo(0.05, 12);
    await t.clock.advance(60_000);
    expect(exCalls()).toBe(0);
    link?.drop();
    // Keep the live feed down through the next REST round: every login hangs until its deadline.
    t.wamp.logins.push('hang', 'hang', 'hang', 'hang');
    await t.clock.advance(60_000);
    expect(exCalls()).toBe(1);
    expect(t.service.getState().workers.every((w) => w.source === 'rest')).toBe(true);
    await t.service.stop();
  });

  it('without the live feed the workers come from walletEx', async () => {
    const t = setup(false);
    t.service.start();
    await t.clock.advance(0);
    const s = t.service.getState();
    expect(s.health.live.state).toBe('reconnecting');
    expect(s.health.live.lastError?.code).toBe('auth');
    expect(s.workers.map((w) => [w.name, w.source, w.hashrateHs])).toEqual([
      ['ghost', 'rest', 5],
      ['rig01', 'rest', 9e9],
    ]);
    expect(s.mapping.workersWithoutRig).toEqual(['ghost']);
    await t.service.stop();
  });

  it('a refused key marks the key invalid and backs the account endpoints off', async () => {
    const t = setup();
    t.key.value = 'something-else';
    t.service.start();
    await t.clock.advance(0);
    const s = t.service.getState();
    expect(s.health.apiKey).toBe('invalid');
    expect(s.health.rest.wallet.lastError).toMatchObject({ code: 'auth', source: 'wallet' });
    expect(s.health.rest.wallet.nextAt).toBe(T0 + 30 * 60_000);
    expect(s.health.rest.status.lastError).toBeNull();
    expect(JSON.stringify(s)).not.toContain(KEY);
    await t.service.stop();
    expect(t.clock.pendingTimers()).toEqual([]);
  });
});
