// @vitest-environment node
// The live client against an in-memory WAMP peer on a manual clock: f_all_* calls before subscriptions,
// diffs and increments forwarded, periodic resync, reconnect with exponential backoff and a full resync
// after it, events of a dead link ignored, deadlines, clean stop.
import { describe, expect, it } from 'vitest';
import {
  createLiveClient,
  type LiveMessage,
  type LiveStatus,
} from '../../../../electron/pool/prohashing/live-client';
import { resolveLiveSettings } from '../../../../electron/pool/prohashing/live-settings';
import { type PoolError } from '../../../../electron/pool/prohashing/errors';
import { fakeWamp } from './fake-wamp';
import { manualClock } from './manual-clock';

const T0 = 1_700_000_000_000;
const KEY = 'ab'.repeat(32);
const MINER = {
  uuid: 'u1',
  miner_name: 'rig01',
  coin_name: 'Litecoin',
  algorithm_name: 'Scrypt',
  hashrate: 9.5e9,
};
const RESULTS = {
  f_all_miner_updates: [MINER],
  f_all_balance_updates: { Litecoin: 0.0421, Dogecoin: 311.7 },
  f_all_profitability_updates: {
    '1': { algorithm_name: 'Scrypt', usd: 0.0025, data_timestamp: 1547510680.4959 },
  },
  f_all_general_updates: { subscriptions_count: 4200, total_hashrate_computed_onlys: { Scrypt: 3e12 } },
};

function setup(settings = {}) {
  const clock = manualClock(T0);
  const wamp = fakeWamp({ ...RESULTS });
  const messages: LiveMessage[] = [];
  const statuses: LiveStatus[] = [];
  const errors: PoolError[] = [];
  const live = createLiveClient({
    url: 'ws://127.0.0.1:1/ws',
    apiKey: KEY,
    clock,
    connector: wamp.connector,
    settings: resolveLiveSettings(settings),
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
    onError: (e) => errors.push(e),
  });
  const kinds = () => messages.map((m) => ('full' in m ? `${m.kind}:${m.full ? 'full' : 'diff'}` : m.kind));
  return { clock, wamp, messages, statuses, errors, live, kinds };
}

const SYNC = (id: number): string[] => [
  `call#${id} f_all_miner_updates(${KEY})`,
  `call#${id} f_all_balance_updates(${KEY})`,
  `call#${id} f_all_profitability_updates()`,
  `call#${id} f_all_general_updates()`,
];
const SUBSCRIBE = (id: number): string[] =>
  [
    `miner_update_diffs_${KEY}`,
    `balance_updates_${KEY}`,
    'profitability_updates',
    'general_updates',
    'found_block_updates',
    `mining_failures_${KEY}`,
  ].map((t) => `subscribe#${id} ${t}`);

describe('live client', () => {
  it('logs in with realm mining and web/web, calls f_all_* first, then subscribes', async () => {
    const t = setup();
    t.live.start();
    await t.clock.advance(0);
    expect(t.wamp.log).toEqual([`connect#1 mining web/web`, ...SYNC(1), ...SUBSCRIBE(1)]);
    expect(t.kinds()).toEqual(['miners:full', 'balances:full', 'profitability:full', 'general', 'synced']);
    expect(t.statuses.map((s) => s.state)).toEqual(['connecting', 'syncing', 'syncing', 'live']);
    expect(t.live.status()).toMatchObject({ state: 'live', lastSyncAt: T0, reconnects: 0 });
    expect(t.messages[0]).toEqual({
      kind: 'miners',
      full: true,
      updates: [{ uuid: 'u1', fields: expect.objectContaining({ worker: 'rig01', hashrateHs: 9.5e9 }) }],
    });
    expect(t.messages[3]).toMatchObject({
      kind: 'general',
      value: { subscriptionsCount: 4200, hashrateByAlgorithm: { Scrypt: 3e12 } },
    });
    await t.live.stop();
  });

  it('forwards diffs, increments and pool-wide events', async () => {
    const t = setup();
    t.live.start();
    await t.clock.advance(0);
    const link = t.wamp.links[0];
    if (!link) throw new Error('no link');
    t.messages.length = 0;
    link.publish(`miner_update_diffs_${KEY}`, [{ uuid: 'u1', hashrate: 8e9 }]);
    link.publish(`balance_updates_${KEY}`, [{ coin: 'Litecoin', balance: 0.00002 }]);
    link.publish('found_block_updates', [{ coin_name: 'Litecoin', block_height: 1, worker_name: 'rig01' }]);
    link.publish(`mining_failures_${KEY}`, [{ anything: true }]);
    expect(t.messages).toEqual([
      { kind: 'miners', full: false, updates: [{ uuid: 'u1', fields: { hashrateHs: 8e9 } }] },
      { kind: 'balances', full: false, entries: [{ coin: 'Litecoin', amount: 0.00002 }] },
      { kind: 'blocks', blocks: [expect.objectContaining({ coin: 'Litecoin', height: 1, worker: 'rig01' })] },
      { kind: 'miningFailures', count: 1 },
    ]);
    await t.live.stop();
  });

  it('resyncs every resyncMs (never below one minute) and resyncSoon waits a minute after the last sync', async () => {
    const t = setup({ resyncMs: 1_000 });
    t.live.start();
    await t.clock.advance(0);
    const before = t.wamp.log.length;
    await t.clock.advance(59_999);
    expect(t.wamp.log.length).toBe(before);
    await t.clock.advance(1);
    expect(t.wamp.log.slice(before)).toEqual(SYNC(1));
    expect(t.live.status().lastSyncAt).toBe(T0 + 60_000);
    t.live.resyncSoon();
    await t.clock.advance(30_000);
    expect(t.wamp.log.length).toBe(before + 4);
    await t.clock.advance(30_000);
    expect(t.wamp.log.length).toBe(before + 8);
    await t.live.stop();
  });

  it('after a lost link: backoff, a new login, f_all_* again before subscribing, old link ignored', async () => {
    const t = setup();
    t.live.start();
    await t.clock.advance(0);
    const first = t.wamp.links[0];
    if (!first) throw new Error('no link');
    first.drop();
    expect(t.live.status()).toMatchObject({ state: 'reconnecting', reconnects: 1, nextRetryAt: T0 + 2_000 });
    expect(t.live.status().lastError?.code).toBe('protocol');
    const before = t.wamp.log.length;
    await t.clock.advance(1_999);
    expect(t.wamp.log.length).toBe(before);
    await t.clock.advance(1);
    expect(t.wamp.log.slice(before)).toEqual([`connect#2 mining web/web`, ...SYNC(2), ...SUBSCRIBE(2)]);
    expect(t.live.status().state).toBe('live');
    t.messages.length = 0;
    first.publish(`miner_update_diffs_${KEY}`, [{ uuid: 'u1', hashrate: 1 }]);
    expect(t.messages).toEqual([]);
    await t.live.stop();
  });

  it('backoff grows with each failed attempt and resets after a good one; a hung login times out', async () => {
    const t = setup({ reconnect: { baseMs: 1_000, factor: 2, maxMs: 5_000 }, connectTimeoutMs: 10_000 });
    t.wamp.logins.push('refuse', 'refuse', 'hang', 'refuse', 'refuse', 'ok');
    t.live.start();
    const waits: number[] = [];
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      await t.clock.advance(0);
      const s = t.live.status();
      if (s.nextRetryAt === null) {
        // The hung login: nothing happens until its deadline.
        await t.clock.advance(10_000);
      }
      const after = t.live.status();
      waits.push((after.nextRetryAt ?? 0) - t.clock.now());
      codes.push(after.lastError?.code ?? '');
      await t.clock.advance((after.nextRetryAt ?? 0) - t.clock.now());
    }
    expect(codes).toEqual(['auth', 'auth', 'timeout', 'auth', 'auth']);
    expect(waits).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
    expect(t.wamp.links[2]?.closedByClient).toBe(true);
    expect(t.live.status().state).toBe('live');
    t.wamp.links.at(-1)?.drop();
    expect((t.live.status().nextRetryAt ?? 0) - t.clock.now()).toBe(1_000);
    await t.live.stop();
  });

  it('a failed account call means reconnect; a failed optional call is only reported', async () => {
    const t = setup();
    t.wamp.failing.add('f_all_general_updates');
    t.live.start();
    await t.clock.advance(0);
    expect(t.live.status().state).toBe('live');
    expect(t.errors.map((e) => e.message)).toEqual(['f_all_general_updates: wamp.error.runtime_error']);
    t.wamp.failing.add('f_all_miner_updates');
    await t.clock.advance(5 * 60_000);
    expect(t.live.status()).toMatchObject({ state: 'reconnecting', reconnects: 1 });
    expect(t.wamp.links[0]?.closedByClient).toBe(true);
    await t.live.stop();
  });

  it('stop leaves the session and cancels every timer', async () => {
    const t = setup();
    t.live.start();
    await t.clock.advance(0);
    await t.live.stop();
    expect(t.wamp.links[0]?.closedByClient).toBe(true);
    expect(t.live.status().state).toBe('closed');
    expect(t.clock.pendingTimers()).toEqual([]);
    await t.clock.advance(3_600_000);
    expect(t.wamp.links).toHaveLength(1);
  });
});
