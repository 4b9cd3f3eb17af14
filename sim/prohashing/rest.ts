// ProHashing REST /api/v1 (docs/prohashing.md §2): wallet, walletEx, status, currencies, with the
// {status, code, data} envelope, the invalid-key error and the quirks real clients defend against.
import { COINS, PPLNS_FEE, type PoolState } from './pool';

export type RestQuirks = {
  /** Send some numbers as numeric strings ("0.01230000"), as clients have seen. */
  numericStrings: boolean;
  /** Send null for some empty numbers (paid24h before any payout). */
  nulls: boolean;
  /** Answer every call with an HTML page instead of JSON. */
  html: boolean;
  /** HTTP status of the invalid-key reply; clients must read the body's code (200 or 400). */
  wrongKeyHttpStatus: 200 | 400;
  /** Whether `balances` is keyed by coin name or by symbol (GAP, docs/prohashing.md §2.2). */
  walletKey: 'name' | 'symbol';
};

export const DEFAULT_REST_QUIRKS: RestQuirks = {
  numericStrings: true,
  nulls: true,
  html: false,
  wrongKeyHttpStatus: 200,
  walletKey: 'name',
};

export const HTML_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>PROHASHING - Just a moment...</title></head>
<body><h1>Checking your browser before accessing prohashing.com.</h1></body></html>
`;

export type RestReply = { status: number; body: unknown } | { status: number; html: string };

const ok = (data: unknown): RestReply => ({ status: 200, body: { status: 'success', code: 200, data } });

function money(q: RestQuirks, value: number): number | string {
  return q.numericStrings ? value.toFixed(8) : Number(value.toFixed(8));
}

function balances(st: PoolState, q: RestQuirks): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const coin of COINS) {
    const b = st.balances.get(coin.name);
    if (!b) continue;
    out[q.walletKey === 'name' ? coin.name : coin.abbreviation] = {
      name: coin.name,
      abbreviation: coin.abbreviation,
      balance: money(q, b.balance),
      unpaid: money(q, b.balance),
      paid24h: b.paid24h === 0 && q.nulls ? null : money(q, b.paid24h),
      payoutThreshold: money(q, coin.threshold),
      total: money(q, b.total),
      paid: money(q, b.paid),
    };
  }
  return out;
}

function walletExMiners(st: PoolState, q: RestQuirks): unknown[] {
  return [...st.sessions.values()].map((s) => ({
    ID: s.minerName,
    algo: 'scrypt',
    coin: s.coin.name,
    accepted: q.numericStrings ? String(Math.round(s.hashrate)) : Math.round(s.hashrate),
    difficulty: s.difficulty,
    minRestartDelay: 0.25,
    workRestartPenalty: q.nulls ? null : 0,
  }));
}

function statusData(st: PoolState, q: RestQuirks): unknown {
  const scryptHps =
    COINS.reduce((n, c) => n + c.poolHps, 0) + [...st.sessions.values()].reduce((n, s) => n + s.hashrate, 0);
  const num = (v: number): number | string => (q.numericStrings ? String(v) : v);
  return {
    scrypt: {
      name: 'scrypt',
      port: 3333,
      pps_fee: 0.0399,
      pplns_fee: PPLNS_FEE,
      solo_fee: 0.0199,
      mbtc_mh_factor: 1,
      estimate_current: num(6.1e-13),
      estimate_last24h: num(5.9e-13),
      actual_last24h: num(5.7e-13),
      hashrate: Math.round(scryptHps),
      hashrate_last24h: q.nulls ? null : Math.round(scryptHps * 0.97),
    },
    'sha-256': {
      name: 'sha-256',
      port: 3337,
      pps_fee: 0.0399,
      pplns_fee: PPLNS_FEE,
      solo_fee: 0.0199,
      mbtc_mh_factor: 1,
      estimate_current: num(8.9e-19),
      estimate_last24h: num(8.7e-19),
      actual_last24h: num(8.4e-19),
      hashrate: 1.2e17,
      hashrate_last24h: 1.19e17,
    },
  };
}

function currenciesData(st: PoolState): unknown {
  const out: Record<string, unknown> = {};
  for (const coin of COINS) {
    const workers = [...st.sessions.values()].filter((s) => s.coin === coin);
    out[coin.abbreviation] = {
      name: coin.name,
      abbreviation: coin.abbreviation,
      algo: 'scrypt',
      port: coin.port,
      enabled: true,
      height: st.heights.get(coin.name) ?? 0,
      lastblock: st.heights.get(coin.name) ?? 0,
      timesincelast: 120,
      '24h_blocks': Math.round(86400 / coin.blockEverySec),
      hashrate: Math.round(coin.poolHps + workers.reduce((n, s) => n + s.hashrate, 0)),
      workers: 4200 + workers.length,
    };
  }
  return out;
}

export function restReply(
  path: string,
  query: URLSearchParams,
  st: PoolState,
  q: RestQuirks,
  apiKey: string,
): RestReply {
  if (q.html) return { status: 200, html: HTML_PAGE };
  const endpoint = path.replace(/^\/api\/v1\//, '').replace(/\/$/, '');
  if (endpoint === 'status') return ok(statusData(st, q));
  if (endpoint === 'currencies') return ok(currenciesData(st));
  if (endpoint === 'wallet' || endpoint === 'walletEx') {
    if (query.get('apiKey') !== apiKey) {
      return {
        status: q.wrongKeyHttpStatus,
        body: { status: 'error', code: 400, message: 'Invalid API key' },
      };
    }
    if (endpoint === 'wallet') return ok({ balances: balances(st, q) });
    return ok({ balances: balances(st, q), miners: walletExMiners(st, q) });
  }
  return { status: 404, html: HTML_PAGE.replace('Just a moment...', 'Page not found') };
}
