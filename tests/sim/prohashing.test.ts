// @vitest-environment node
// The ProHashing fake: REST envelope and quirks, and the WAMP router driven by a raw WAMP v2 client
// (the autobahn client test lives in prohashing-autobahn.needs-deps.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { craSign, type Farm } from '../../sim/index';
import { get, testFarm } from './helpers';

const scenario = {
  name: 'pool',
  account: { name: 'acme', apiKey: 'ab'.repeat(32), coin: 'litecoin' },
  rigs: [
    { count: 3, model: 'L7' },
    { name: 'elsewhere', pools: [{ url: 'stratum+tcp://ltc.example.org:3333', user: 'someone', pass: 'x' }] },
    { name: 'spare', worker: 'old-spare-7' },
  ],
};

type Wamp = { ws: WebSocket; next(): Promise<unknown[]>; send(msg: unknown[]): void; events: unknown[][] };

async function wampConnect(url: string, secret = 'web'): Promise<{ wamp: Wamp; first: unknown[] }> {
  const ws = new WebSocket(url, ['wamp.2.json']);
  const queue: unknown[][] = [];
  const waiters: Array<(m: unknown[]) => void> = [];
  const events: unknown[][] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as unknown[];
    if (m[0] === 36) {
      events.push(m);
      return;
    }
    const w = waiters.shift();
    if (w) w(m);
    else queue.push(m);
  });
  await new Promise((r) => ws.once('open', r));
  const wamp: Wamp = {
    ws,
    events,
    send: (msg) => ws.send(JSON.stringify(msg)),
    next: () => new Promise((r) => (queue.length ? r(queue.shift() ?? []) : waiters.push(r))),
  };
  wamp.send([
    1,
    'mining',
    { authmethods: ['wampcra'], authid: 'web', roles: { subscriber: {}, caller: {} } },
  ]);
  const challenge = await wamp.next();
  if (challenge[0] !== 4) return { wamp, first: challenge };
  const extra = get<{ challenge: string }>(challenge, 2);
  wamp.send([5, craSign(secret, extra.challenge), {}]);
  return { wamp, first: await wamp.next() };
}

describe('ProHashing fake', () => {
  let farm: Farm;
  beforeAll(async () => {
    farm = await testFarm(scenario, 21700);
    await farm.advance(300);
  });
  afterAll(async () => farm?.stop());

  it('REST: envelope, invalid key, public endpoints, quirks', async () => {
    const ph = farm.prohashing;
    if (!ph) throw new Error('no prohashing');
    const wallet = await (await fetch(`${ph.url}/api/v1/wallet?apiKey=${ph.apiKey}`)).json();
    expect(wallet).toMatchObject({ status: 'success', code: 200 });
    const ltc = get<Record<string, unknown>>(wallet, 'data', 'balances', 'Litecoin');
    expect(ltc).toMatchObject({ name: 'Litecoin', abbreviation: 'LTC' });
    expect(typeof ltc['balance']).toBe('string');
    const wrong = await fetch(`${ph.url}/api/v1/wallet?apiKey=nope`);
    expect(await wrong.json()).toEqual({ status: 'error', code: 400, message: 'Invalid API key' });
    const ex = await (await fetch(`${ph.url}/api/v1/walletEx?apiKey=${ph.apiKey}`)).json();
    const ids = get<Array<{ ID: string }>>(ex, 'data', 'miners')
      .map((m) => m.ID)
      .sort();
    expect(ids).toEqual(['old-spare-7', 'rig-01', 'rig-02', 'rig-03']);
    const status = await (await fetch(`${ph.url}/api/v1/status`)).json();
    expect(get(status, 'data', 'scrypt', 'port')).toBe(3333);
    const cur = await (await fetch(`${ph.url}/api/v1/currencies`)).json();
    expect(get(cur, 'data', 'LTC', 'algo')).toBe('scrypt');
    // HTML page on demand, through the control API.
    const set = await fetch(`${farm.control?.url}/prohashing/quirks`, {
      method: 'POST',
      body: JSON.stringify({ html: true }),
    });
    expect(set.status).toBe(200);
    expect(await (await fetch(`${ph.url}/api/v1/status`)).text()).toMatch(/^<!DOCTYPE html>/);
    farm.setProHashingQuirks({ html: false });
  });

  it('WAMP: CRA login, calls, subscriptions and diffs consistent with the rigs', async () => {
    const ph = farm.prohashing;
    if (!ph) throw new Error('no prohashing');
    const bad = await wampConnect(ph.wsUrl, 'wrong');
    expect(bad.first[0]).toBe(3); // ABORT
    expect(bad.first[2]).toBe('wamp.error.not_authorized');
    bad.wamp.ws.close();

    const { wamp, first } = await wampConnect(ph.wsUrl);
    expect(first[0]).toBe(2); // WELCOME
    wamp.send([48, 1, {}, 'f_all_miner_updates', [ph.apiKey]]);
    const result = await wamp.next();
    expect(result.slice(0, 2)).toEqual([50, 1]);
    const miners = get<Array<Record<string, unknown>>>(result, 3, 0);
    expect(miners.map((m) => m['miner_name']).sort()).toEqual(['old-spare-7', 'rig-01', 'rig-02', 'rig-03']);
    const m1 = miners.find((m) => m['miner_name'] === 'rig-01');
    expect(m1).toMatchObject({ coin_name: 'Litecoin', algorithm_name: 'Scrypt', difficulty: 524288 });
    // Pool hashrate (H/s) is consistent with the rig's accepted work: within ~35 % of 9.5 GH/s.
    expect(Number(m1?.['hashrate'])).toBeGreaterThan(9.5e9 * 0.65);
    expect(Number(m1?.['hashrate'])).toBeLessThan(9.5e9 * 1.35);
    wamp.send([48, 2, {}, 'f_all_balance_updates', [ph.apiKey]]);
    expect(Object.keys(get<Record<string, number>>(await wamp.next(), 3, 0)).sort()).toEqual([
      'Dogecoin',
      'Litecoin',
    ]);
    wamp.send([48, 3, {}, 'f_all_profitability_updates', []]);
    expect(get(await wamp.next(), 3, 0, '1', 'algorithm_name')).toBe('Scrypt');
    wamp.send([48, 4, {}, 'f_all_general_updates', []]);
    expect(get<number>(await wamp.next(), 3, 0, 'subscriptions_count')).toBeGreaterThan(0);
    wamp.send([48, 5, {}, 'no_such', []]);
    expect((await wamp.next())[4]).toBe('wamp.error.no_such_procedure');
    for (const [i, topic] of [
      `miner_update_diffs_${ph.apiKey}`,
      `balance_updates_${ph.apiKey}`,
      'general_updates',
      'found_block_updates',
      'profitability_updates',
    ].entries()) {
      wamp.send([32, 10 + i, {}, topic]);
      expect((await wamp.next())[0]).toBe(33);
    }
    farm.applyFault('rig-02', { kind: 'pool-down', slot: 0 });
    await farm.advance(3600);
    await new Promise((r) => setTimeout(r, 50));
    const diffs = wamp.events.flatMap((e) =>
      Array.isArray(e[4]) ? (e[4] as Array<Record<string, unknown>>) : [],
    );
    expect(diffs.some((d) => typeof d['uuid'] === 'string' && 'hashrate' in d)).toBe(true);
    const gone = miners.find((m) => m['miner_name'] === 'rig-02');
    expect(diffs.some((d) => d['uuid'] === gone?.['uuid'] && d['hashrate'] === 0)).toBe(true);
    expect(wamp.events.some((e) => Array.isArray(e[4]) && get(e, 4, 0, 'block_height') !== undefined)).toBe(
      true,
    );
    wamp.send([6, {}, 'wamp.close.system_shutdown']);
    expect((await wamp.next())[0]).toBe(6);
    wamp.ws.close();
  });
});
