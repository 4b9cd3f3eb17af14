// @vitest-environment node
// The live client with the real autobahn library against the farm's WAMP router: WAMP-CRA login with the
// public web/web credentials, the f_all_* calls, diffs and increments as the farm runs, a forced disconnect
// (a loopback proxy cuts the TCP connection) followed by a reconnect and a full resync, a refused login,
// and a clean close.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../electron/clock';
import {
  createLiveClient,
  type LiveMessage,
  type LiveStatus,
} from '../../../electron/pool/prohashing/live-client';
import { resolveLiveSettings } from '../../../electron/pool/prohashing/live-settings';
import { autobahnConnector } from '../../../electron/pool/prohashing/wamp-connector';
import { type Farm } from '../../../sim/index';
import { tcpProxy, type Proxy } from './loopback';
import { poolFarm, prohashingOf } from './pool-farm';

// Waits for sockets and the farm, not a timing claim: generous so a loaded CI machine does not flake.
const until = <T>(check: () => T): Promise<T> => vi.waitFor(check, { timeout: 15_000, interval: 20 });

const WORKERS = ['old-spare-7', 'rig-01', 'rig-02', 'rig-03'];

function client(url: string, apiKey: string, secret = 'web') {
  const messages: LiveMessage[] = [];
  const statuses: LiveStatus[] = [];
  const live = createLiveClient({
    url,
    apiKey,
    clock: systemClock,
    connector: autobahnConnector,
    // A fast reconnect keeps the test short; the resync period stays at its default (not reached here).
    settings: resolveLiveSettings({ secret, reconnect: { baseMs: 50, factor: 2, maxMs: 1_000 } }),
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
  });
  const fullMinerLists = () =>
    messages.filter((m): m is Extract<LiveMessage, { kind: 'miners' }> => m.kind === 'miners' && m.full);
  return { live, messages, statuses, fullMinerLists };
}

describe('live client (autobahn) against the ProHashing fake', () => {
  let farm: Farm;
  let proxy: Proxy;
  beforeAll(async () => {
    farm = await poolFarm(25430);
    proxy = await tcpProxy(Number(new URL(prohashingOf(farm).wsUrl).port));
  });
  afterAll(async () => {
    await proxy?.close();
    await farm?.stop();
  });

  it('logs in, syncs, receives diffs, resyncs after a forced disconnect, closes cleanly', async () => {
    const ph = prohashingOf(farm);
    const c = client(`ws://127.0.0.1:${proxy.port}/ws`, ph.apiKey);
    c.live.start();
    await until(() => expect(c.live.status().state).toBe('live'));

    // Initial calls: the full worker list, the balances, profitability and pool statistics.
    const first = c.fullMinerLists()[0];
    expect(first?.updates.map((u) => u.fields.worker).sort()).toEqual(WORKERS);
    expect(first?.updates.every((u) => (u.fields.hashrateHs ?? 0) > 1e9)).toBe(true);
    const balances = c.messages.find((m) => m.kind === 'balances' && m.full);
    expect(balances?.kind === 'balances' && balances.entries.map((e) => e.coin).sort()).toEqual([
      'Dogecoin',
      'Litecoin',
    ]);
    expect(c.messages.find((m) => m.kind === 'profitability')).toMatchObject({
      rows: expect.arrayContaining([expect.objectContaining({ algorithmId: '1', algorithm: 'Scrypt' })]),
    });
    expect(c.messages.find((m) => m.kind === 'general')).toMatchObject({
      value: { subscriptionsCount: expect.any(Number) },
    });

    // The farm runs: the pool publishes miner diffs (merged by uuid) to the subscribed topic.
    const uuids = new Set(first?.updates.map((u) => u.uuid));
    await farm.advance(120);
    await until(() => expect(c.messages.some((m) => m.kind === 'miners' && !m.full)).toBe(true));
    const diff = c.messages.find(
      (m): m is Extract<LiveMessage, { kind: 'miners' }> => m.kind === 'miners' && !m.full,
    );
    expect(diff?.updates.some((u) => uuids.has(u.uuid))).toBe(true);

    // Forced disconnect: the TCP connection is cut under the session.
    expect(proxy.open()).toBe(1);
    proxy.drop();
    await until(() => expect(c.statuses.some((s) => s.state === 'reconnecting')).toBe(true));
    await until(() => expect(c.fullMinerLists()).toHaveLength(2));
    await until(() => expect(c.live.status().state).toBe('live'));
    expect(c.live.status()).toMatchObject({
      reconnects: 1,
      lastError: expect.objectContaining({ code: 'protocol' }),
    });
    expect(
      c
        .fullMinerLists()[1]
        ?.updates.map((u) => u.fields.worker)
        .sort(),
    ).toEqual(WORKERS);
    // States in order: connect, sync, live, lose, reconnect, sync, live: the resync precedes going live again.
    const states = c.statuses.map((s) => s.state).filter((s, i, all) => s !== all[i - 1]);
    expect(states).toEqual([
      'connecting',
      'syncing',
      'live',
      'reconnecting',
      'connecting',
      'syncing',
      'live',
    ]);

    // Diffs keep arriving on the new session.
    const before = c.messages.length;
    await farm.advance(120);
    await until(() =>
      expect(c.messages.slice(before).some((m) => m.kind === 'miners' && !m.full)).toBe(true),
    );

    await c.live.stop();
    expect(c.live.status().state).toBe('closed');
    await until(() => expect(proxy.open()).toBe(0));
  });

  it('a wrong CRA secret is refused as an auth error and retried with backoff', async () => {
    const ph = prohashingOf(farm);
    const c = client(ph.wsUrl, ph.apiKey, 'not-web');
    c.live.start();
    await until(() => expect(c.live.status().lastError?.code).toBe('auth'));
    expect(c.live.status().state).toBe('reconnecting');
    expect(c.fullMinerLists()).toEqual([]);
    await c.live.stop();
  });

  it('a wrong API key gets empty lists from the fake (the real behaviour is a GAP), not an error', async () => {
    const ph = prohashingOf(farm);
    const c = client(ph.wsUrl, '00'.repeat(32));
    c.live.start();
    await until(() => expect(c.live.status().state).toBe('live'));
    expect(c.fullMinerLists()[0]?.updates).toEqual([]);
    await c.live.stop();
  });
});
