// The ProHashing fake's account model. Worker sessions come from the virtual miners' own pool
// settings (docs/prohashing.md §7): one session per connected rig whose active pool is this pool and whose
// stratum user is the account; worker = n= in the password; hashrate from the rig's accepted work.
// Balances accrue PPLNS-style: credits arrive only with found blocks (docs/prohashing.md §5).
import { type Rng, randomHex } from '../util/random';
import { lag } from '../rig/physics';
import { type Rig } from '../rig/types';

export type Coin = {
  key: 'litecoin' | 'dogecoin';
  name: string;
  abbreviation: string;
  reward: number;
  blockEverySec: number;
  poolHps: number;
  threshold: number;
  port: number;
};

const LITECOIN: Coin = {
  key: 'litecoin',
  name: 'Litecoin',
  abbreviation: 'LTC',
  reward: 6.25,
  blockEverySec: 900,
  poolHps: 3.0e12,
  threshold: 1,
  port: 3333,
};

export const COINS: Coin[] = [
  LITECOIN,
  {
    key: 'dogecoin',
    name: 'Dogecoin',
    abbreviation: 'DOGE',
    reward: 10000,
    blockEverySec: 240,
    poolHps: 2.5e12,
    threshold: 2000,
    port: 3333,
  },
];

export const PPLNS_FEE = 0.0199; // fee values are a GAP (docs/prohashing.md §5); PPS 3.99 % per a 2023 report

export type Session = {
  uuid: string;
  rigIndex: number;
  minerName: string;
  coin: Coin;
  hashrate: number; // H/s, averaged
  shareCount: number;
  allTimeShares: number;
  lastDiffA: number;
  lastShares: number;
  difficulty: number;
  hardware: string | null;
};

export type Balance = { balance: number; paid: number; paid24h: number; total: number };

export type Block = {
  coin_name: string;
  block_height: number;
  algorithm: string;
  worker_name: string;
  share_diff: number;
  coinbase_value: number;
  snapshot_value_usd: number;
};

export type PoolEvents = {
  minerDiffs(diffs: Array<Record<string, unknown>>): void;
  balanceIncrements(inc: Array<{ coin: string; balance: number }>): void;
  foundBlock(block: Block): void;
};

export type PoolConfig = {
  host: string;
  account: string;
  diff: number;
  hashrateTauSec: number;
  closedSession: 'zero' | 'silence';
};

export function parsePassword(pass: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of pass.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

export function hostOf(url: string): string {
  return url
    .replace(/^[a-z+]+:\/\//i, '')
    .replace(/[:/].*$/, '')
    .toLowerCase();
}

/** The slot a rig is hashing on at this pool under this account, or null. */
export function connectedSlot(rig: Rig, cfg: PoolConfig): { worker: string; coin: Coin } | null {
  if (rig.power.kind === 'down' || rig.faults.offline) return null;
  if (rig.phase.state !== 'mining' && rig.phase.state !== 'auto-tuning') return null;
  const slot = rig.active.pools[rig.activePool];
  const rt = rig.pools[rig.activePool];
  if (!slot || !rt || (rt.status !== 'active' && rt.status !== 'rejecting')) return null;
  if (hostOf(slot.url) !== cfg.host || slot.user !== cfg.account) return null;
  const params = parsePassword(slot.pass);
  // No c= means profit switching; the fake then mines Litecoin (its main scrypt coin).
  const coin = COINS.find((c) => c.key === params['c']) ?? LITECOIN;
  return { worker: params['n'] ?? rig.name, coin };
}

export type PoolState = {
  sessions: Map<number, Session>;
  balances: Map<string, Balance>;
  blocks: Block[];
  heights: Map<string, number>;
};

export function newPoolState(): PoolState {
  return {
    sessions: new Map(),
    balances: new Map(COINS.map((c) => [c.name, { balance: 0, paid: 0, paid24h: 0, total: 0 }])),
    blocks: [],
    heights: new Map([
      ['Litecoin', 2_987_412],
      ['Dogecoin', 5_901_233],
    ]),
  };
}

export function minerObject(s: Session): Record<string, unknown> {
  return {
    uuid: s.uuid,
    miner_name: s.minerName,
    coin_name: s.coin.name,
    algorithm_name: 'Scrypt',
    hashrate: Math.round(s.hashrate),
    difficulty: s.difficulty,
    difficulty_is_static: false,
    share_count: s.shareCount,
    all_time_share_count: s.allTimeShares,
    miner_hardware: s.hardware,
  };
}

export function tickPool(
  st: PoolState,
  cfg: PoolConfig,
  rigs: readonly Rig[],
  dtSec: number,
  rng: Rng,
  ev: PoolEvents,
): void {
  const diffs: Array<Record<string, unknown>> = [];
  const seen = new Set<number>();
  for (const rig of rigs) {
    const conn = connectedSlot(rig, cfg);
    if (!conn) continue;
    seen.add(rig.index);
    const rt = rig.pools[rig.activePool];
    if (!rt) continue;
    let s = st.sessions.get(rig.index);
    if (!s || s.minerName !== conn.worker || s.coin !== conn.coin) {
      s = {
        uuid: `${randomHex(rng, 8)}-${randomHex(rng, 4)}-4${randomHex(rng, 3)}-a${randomHex(rng, 3)}-${randomHex(rng, 12)}`,
        rigIndex: rig.index,
        minerName: conn.worker,
        coin: conn.coin,
        hashrate: 0,
        shareCount: 0,
        allTimeShares: 0,
        lastDiffA: rt.diffAccepted,
        lastShares: rt.accepted,
        difficulty: cfg.diff,
        hardware: null,
      };
      st.sessions.set(rig.index, s);
      diffs.push(minerObject(s));
    }
    // Hashrate "consistent with the miner's accepted work": difficulty-1 hashes per second × 2^16.
    const dDiff = Math.max(0, rt.diffAccepted - s.lastDiffA);
    const dShares = Math.max(0, rt.accepted - s.lastShares);
    s.lastDiffA = rt.diffAccepted;
    s.lastShares = rt.accepted;
    const instant = dtSec > 0 ? (dDiff * 65536) / dtSec : 0;
    const before = Math.round(s.hashrate);
    s.hashrate =
      s.hashrate === 0 && instant > 0
        ? rig.hrRealtime * 1e6
        : lag(s.hashrate, instant, dtSec, cfg.hashrateTauSec);
    s.shareCount += dShares;
    s.allTimeShares += dShares;
    if (dShares > 0 || Math.round(s.hashrate) !== before) {
      diffs.push({
        uuid: s.uuid,
        hashrate: Math.round(s.hashrate),
        share_count: s.shareCount,
        all_time_share_count: s.allTimeShares,
      });
    }
  }
  for (const [index, s] of [...st.sessions]) {
    if (seen.has(index)) continue;
    st.sessions.delete(index);
    // How ProHashing signals a closed connection is a GAP; by default send a zero-hashrate diff.
    if (cfg.closedSession === 'zero') diffs.push({ uuid: s.uuid, hashrate: 0 });
  }
  if (diffs.length > 0) ev.minerDiffs(diffs);
  findBlocks(st, cfg, dtSec, rng, ev);
}

function findBlocks(st: PoolState, cfg: PoolConfig, dtSec: number, rng: Rng, ev: PoolEvents): void {
  for (const coin of COINS) {
    if (rng.next() >= dtSec / coin.blockEverySec) continue;
    const mine = [...st.sessions.values()].filter((s) => s.coin === coin);
    const accountHps = mine.reduce((n, s) => n + s.hashrate, 0);
    const share = accountHps / (coin.poolHps + accountHps);
    const height = (st.heights.get(coin.name) ?? 0) + 1;
    st.heights.set(coin.name, height);
    const finder =
      mine.length > 0 && rng.next() < share ? rng.pick(mine).minerName : `worker${rng.int(1000, 9999)}`;
    const block: Block = {
      coin_name: coin.name,
      block_height: height,
      algorithm: 'Scrypt',
      worker_name: finder,
      share_diff: cfg.diff * rng.int(1, 2000),
      coinbase_value: coin.reward,
      snapshot_value_usd: coin.key === 'litecoin' ? coin.reward * 84.2 : coin.reward * 0.16,
    };
    st.blocks.push(block);
    if (st.blocks.length > 100) st.blocks.shift();
    ev.foundBlock(block);
    const credit = coin.reward * share * (1 - PPLNS_FEE);
    if (credit <= 0) continue;
    const b = st.balances.get(coin.name);
    if (!b) continue;
    b.balance += credit;
    b.total += credit;
    ev.balanceIncrements([{ coin: coin.name, balance: credit }]);
    if (b.balance >= coin.threshold) {
      b.paid += b.balance;
      b.paid24h += b.balance;
      b.total = b.paid; // "reset after payout" (S10/S11 comment)
      b.balance = 0;
    }
  }
}
