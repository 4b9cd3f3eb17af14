// @vitest-environment node
// The REST client against the farm's ProHashing fake (envelope, string numbers, nulls, the bad key, an HTML
// 404 page) and against a loopback server replaying reference payloads the fake cannot produce on demand
// (HTML with HTTP 200, the bad key with HTTP 400, envelopes without code or status, 429, a stall, refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../electron/clock';
import { isPoolError, type PoolError } from '../../../electron/pool/prohashing/errors';
import { createRestClient } from '../../../electron/pool/prohashing/rest-client';
import { type Farm } from '../../../sim/index';
import { replayServer, type Replay } from './loopback';
import { poolFarm, prohashingOf } from './pool-farm';

async function failure(p: Promise<unknown>): Promise<PoolError> {
  try {
    await p;
  } catch (e) {
    if (isPoolError(e)) return e;
    throw e;
  }
  throw new Error('expected a PoolError');
}

describe('REST client against the ProHashing fake', () => {
  let farm: Farm;
  beforeAll(async () => {
    farm = await poolFarm(25410);
  });
  afterAll(async () => farm?.stop());

  it('wallet, walletEx, status and currencies parse; string numbers become numbers, nulls stay null', async () => {
    const ph = prohashingOf(farm);
    const client = createRestClient({ baseUrl: ph.url, apiKey: ph.apiKey, clock: systemClock });
    const wallet = await client.wallet();
    expect(wallet.map((b) => b.coin)).toEqual(['Dogecoin', 'Litecoin']);
    for (const b of wallet) {
      expect(typeof b.balance).toBe('number');
      expect(b.payoutThreshold).toBeGreaterThan(0);
    }
    // The fake sends paid24h as null before any payout (its `nulls` quirk).
    expect(wallet.some((b) => b.paid24h === null)).toBe(true);
    const ex = await client.walletEx();
    expect(ex.miners.map((m) => m.worker).sort()).toEqual(['old-spare-7', 'rig-01', 'rig-02', 'rig-03']);
    // `accepted` arrives as a numeric string: the hashrate of an L7 (~9.5 GH/s) in H/s.
    for (const m of ex.miners) expect(m.acceptedHs).toBeGreaterThan(1e9);
    const status = await client.status();
    expect(status.find((a) => a.key === 'scrypt')).toMatchObject({ port: 3333, mbtcMhFactor: 1 });
    expect(status.find((a) => a.key === 'scrypt')?.estimateCurrent).toBeGreaterThan(0);
    const coins = await client.currencies();
    expect(coins.map((c) => [c.name, c.algorithm, c.enabled])).toEqual([
      ['Dogecoin', 'scrypt', true],
      ['Litecoin', 'scrypt', true],
    ]);
  });

  it('a wrong key is a typed auth error carrying the pool message; public endpoints still work', async () => {
    const ph = prohashingOf(farm);
    const client = createRestClient({ baseUrl: ph.url, apiKey: 'not-the-key', clock: systemClock });
    const e = await failure(client.wallet());
    expect(e).toMatchObject({ code: 'auth', poolMessage: 'Invalid API key' });
    expect((await failure(client.walletEx())).code).toBe('auth');
    expect((await client.status()).length).toBeGreaterThan(0);
  });

  it("the fake's HTML page (a path it does not know) is a typed html error", async () => {
    const ph = prohashingOf(farm);
    const client = createRestClient({ baseUrl: `${ph.url}/nope`, apiKey: ph.apiKey, clock: systemClock });
    expect(await failure(client.status())).toMatchObject({ code: 'html', status: 404 });
  });
});

describe('REST client against replayed reference payloads', () => {
  let replay: Replay;
  beforeAll(async () => {
    replay = await replayServer();
  });
  afterAll(async () => replay?.close());
  const client = (timeoutMs = 5_000) =>
    createRestClient({
      baseUrl: `${replay.url}/api/v1`,
      apiKey: 'k'.repeat(64),
      clock: systemClock,
      timeoutMs,
    });

  it('an HTML page with HTTP 200 (a challenge page) is an html error, not a crash', async () => {
    replay.set('/api/v1/wallet', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body></body></html>',
    });
    expect(await failure(client().wallet())).toMatchObject({ code: 'html', status: 200 });
    expect(replay.requests.at(-1)).toBe(`/api/v1/wallet?apiKey=${'k'.repeat(64)}`);
  });

  it('the bad-key body with HTTP 400 is auth; the envelope variants of the reference parse', async () => {
    replay.set('/api/v1/wallet', {
      status: 400,
      body: JSON.stringify({ status: 'error', code: 400, message: 'Invalid API Key.' }),
    });
    expect(await failure(client().wallet())).toMatchObject({
      code: 'auth',
      status: 400,
      poolMessage: 'Invalid API Key.',
    });
    // walletEx as S1 saw it: no `code`.
    replay.set('/api/v1/walletEx', {
      body: JSON.stringify({
        status: 'success',
        data: { miners: [{ ID: 'rig01', accepted: '9500000000.5', difficulty: null }] },
      }),
    });
    expect((await client().walletEx()).miners).toEqual([
      expect.objectContaining({ worker: 'rig01', acceptedHs: 9500000000.5, difficulty: null }),
    ]);
    // status as S9/S16 read it: no `status`, lower-case keys, fees as fractions in strings.
    replay.set('/api/v1/status', {
      body: JSON.stringify({
        code: 200,
        data: { scrypt: { name: 'scrypt', port: '3333', pps_fee: '0.0399', mbtc_mh_factor: 1 } },
      }),
    });
    expect(await client().status()).toEqual([
      expect.objectContaining({ key: 'scrypt', port: 3333, ppsFee: 0.0399 }),
    ]);
    // An empty balances map once everything is paid out, PHP-style.
    replay.set('/api/v1/wallet', {
      body: JSON.stringify({ status: 'success', code: 200, data: { balances: [] } }),
    });
    expect(await client().wallet()).toEqual([]);
  });

  it('429 with Retry-After, plain text, a stalled reply and a refused port are typed errors', async () => {
    replay.set('/api/v1/currencies', { status: 429, headers: { 'retry-after': '120' }, body: 'slow down' });
    expect(await failure(client().currencies())).toMatchObject({ code: 'rate_limited', retryAfterSec: 120 });
    replay.set('/api/v1/currencies', { headers: { 'content-type': 'text/plain' }, body: 'maintenance' });
    expect((await failure(client().currencies())).code).toBe('bad_reply');
    replay.set('/api/v1/currencies', { stall: true });
    expect((await failure(client(200).currencies())).code).toBe('timeout');
    const closed = await replayServer();
    await closed.close();
    const gone = createRestClient({ baseUrl: `${closed.url}/api/v1`, apiKey: 'k', clock: systemClock });
    expect((await failure(gone.status())).code).toBe('unreachable');
  });

  it('a caller abort is aborted, not a timeout', async () => {
    replay.set('/api/v1/status', { stall: true });
    const controller = new AbortController();
    const p = failure(client().status(controller.signal));
    controller.abort();
    expect((await p).code).toBe('aborted');
  });
});
