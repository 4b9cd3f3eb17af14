// @vitest-environment node
// Reading REST replies (docs/prohashing.md §2): the envelope in its observed variants, the bad-key reply, HTML
// pages, 429, non-JSON, and each endpoint's data with numeric strings, nulls and odd entries.
import { describe, expect, it } from 'vitest';
import { isPoolError, type PoolError } from '../../../../electron/pool/prohashing/errors';
import {
  parseCurrencies,
  parseStatus,
  parseWallet,
  parseWalletEx,
} from '../../../../electron/pool/prohashing/rest-data';
import { decodeReply, type RawReply } from '../../../../electron/pool/prohashing/rest-envelope';
import { poolAlgorithmSchema, poolCoinSchema, type RestEndpoint } from '../../../../shared/pool';

const reply = (
  endpoint: RestEndpoint,
  body: unknown,
  status = 200,
  contentType = 'application/json',
): RawReply => ({
  endpoint,
  status,
  contentType,
  text: typeof body === 'string' ? body : JSON.stringify(body),
  retryAfter: null,
});

function failure(fn: () => unknown): PoolError {
  try {
    fn();
  } catch (e) {
    if (isPoolError(e)) return e;
    throw e;
  }
  throw new Error('expected a PoolError');
}

describe('decodeReply', () => {
  it('accepts {status, code, data}, {status, data} (walletEx, S1) and {code, data} (status, S9)', () => {
    expect(decodeReply(reply('wallet', { status: 'success', code: 200, data: { a: 1 } }))).toEqual({ a: 1 });
    expect(decodeReply(reply('walletEx', { status: 'success', data: { miners: [] } }))).toEqual({
      miners: [],
    });
    expect(decodeReply(reply('status', { code: '200', data: {} }))).toEqual({});
    // PHP-style servers label JSON text/html: the body decides, not the header.
    expect(decodeReply(reply('status', { code: 200, data: { x: 1 } }, 200, 'text/html'))).toEqual({ x: 1 });
  });

  it('a refused key is an auth error whether it arrives with HTTP 200 or 400; the message is kept', () => {
    for (const status of [200, 400]) {
      const e = failure(() =>
        decodeReply(reply('wallet', { status: 'error', code: 400, message: 'Invalid API key' }, status)),
      );
      expect(e.code).toBe('auth');
      expect(e.poolMessage).toBe('Invalid API key');
    }
    const other = failure(() =>
      decodeReply(reply('status', { status: 'error', code: 500, message: 'db down' })),
    );
    expect(other.code).toBe('pool_error');
  });

  it('HTML pages, 429, non-JSON and envelope-less JSON are typed errors, never exceptions of other kinds', () => {
    const html = '<!DOCTYPE html>\n<html><body>Checking your browser</body></html>';
    expect(failure(() => decodeReply(reply('wallet', html, 200, 'text/html'))).code).toBe('html');
    expect(failure(() => decodeReply(reply('wallet', `  ${html}`, 200, 'application/json'))).code).toBe(
      'html',
    );
    expect(
      failure(() => decodeReply({ ...reply('status', 'slow down', 429, 'text/plain'), retryAfter: '90' })),
    ).toMatchObject({
      code: 'rate_limited',
      retryAfterSec: 90,
    });
    expect(failure(() => decodeReply(reply('status', 'oops', 200, 'text/plain'))).code).toBe('bad_reply');
    expect(failure(() => decodeReply(reply('status', 'Bad Gateway', 502, 'text/plain'))).code).toBe('http');
    expect(failure(() => decodeReply(reply('status', [1, 2]))).code).toBe('bad_reply');
    expect(failure(() => decodeReply(reply('status', { data: {} }))).code).toBe('bad_reply');
    expect(failure(() => decodeReply(reply('status', { code: 200, data: null }))).code).toBe('bad_reply');
    expect(failure(() => decodeReply(reply('status', { status: 'success', code: 400, data: {} }))).code).toBe(
      'pool_error',
    );
  });
});

describe('endpoint data', () => {
  it('wallet: numeric strings, nulls, key by symbol or name, empty as {} or []', () => {
    const balances = parseWallet({
      balances: {
        LTC: {
          name: 'Litecoin',
          abbreviation: 'LTC',
          balance: '0.04210000',
          unpaid: '0.0421',
          paid24h: null,
          payoutThreshold: '1.00000000',
          total: 0.5,
          paid: null,
        },
        Dogecoin: { name: 'Dogecoin', abbreviation: 'DOGE', balance: null },
        junk: 'x',
      },
    });
    expect(balances).toEqual([
      {
        coin: 'Dogecoin',
        abbreviation: 'DOGE',
        balance: 0,
        unpaid: null,
        paid24h: null,
        payoutThreshold: null,
        total: null,
        paid: null,
      },
      {
        coin: 'Litecoin',
        abbreviation: 'LTC',
        balance: 0.0421,
        unpaid: 0.0421,
        paid24h: null,
        payoutThreshold: 1,
        total: 0.5,
        paid: null,
      },
    ]);
    expect(parseWallet({ balances: {} })).toEqual([]);
    expect(parseWallet({ balances: [] })).toEqual([]);
    expect(() => parseWallet({ balances: 'x' })).toThrow(/balances is not an object/);
  });

  it('walletEx: miners with string numbers; balances read when present', () => {
    const ex = parseWalletEx({
      miners: [
        {
          ID: 'rig01',
          algo: 'scrypt',
          coin: 'Litecoin',
          accepted: '9500000000',
          difficulty: 524288,
          minRestartDelay: 0.25,
          workRestartPenalty: null,
        },
        { algo: 'scrypt' },
      ],
    });
    expect(ex.miners).toEqual([
      {
        worker: 'rig01',
        algorithm: 'scrypt',
        coin: 'Litecoin',
        acceptedHs: 9.5e9,
        difficulty: 524288,
        minRestartDelaySec: 0.25,
        workRestartPenalty: null,
      },
    ]);
    expect(ex.balances).toBeNull();
    expect(parseWalletEx({ miners: [], balances: {} }).balances).toEqual([]);
  });

  it('status and currencies', () => {
    const algos = parseStatus({
      scrypt: {
        name: 'scrypt',
        port: 3333,
        pps_fee: '0.0399',
        pplns_fee: 0.0199,
        mbtc_mh_factor: 1,
        estimate_current: '6.1e-13',
        hashrate: 3e12,
        hashrate_last24h: null,
      },
      'sha-256': { name: 'sha-256', port: '3337' },
    });
    expect(algos.map((a) => [a.key, a.port, a.ppsFee, a.estimateCurrent, a.hashrateLast24hHs])).toEqual([
      ['scrypt', 3333, 0.0399, 6.1e-13, null],
      ['sha-256', 3337, null, null, null],
    ]);
    for (const a of algos) expect(poolAlgorithmSchema.parse(a)).toEqual(a);
    const coins = parseCurrencies({
      LTC: {
        name: 'Litecoin',
        abbreviation: 'LTC',
        algo: 'scrypt',
        port: 3333,
        enabled: true,
        height: '2987412',
        '24h_blocks': 96,
        timesincelast: 120,
      },
      DOGE_SOLO: { name: 'Dogecoin', enabled: 'false' },
    });
    expect(coins.map((c) => [c.key, c.name, c.enabled, c.height, c.blocks24h])).toEqual([
      ['DOGE_SOLO', 'Dogecoin', false, null, null],
      ['LTC', 'Litecoin', true, 2987412, 96],
    ]);
    for (const c of coins) expect(poolCoinSchema.parse(c)).toEqual(c);
  });
});
