/**
 * The ProHashing pool template (docs/prohashing.md §11): the stratum regions RigDeck offers, and the three pool
 * slots it fills for one rig from a coin, a region and the account. Pure, so the core that sends them and the
 * dialog that previews them compute the very same thing.
 */
import type { PoolSlot, PoolTemplate } from './control';

export type ProHashingRegion = { key: string; label: string; host: string };

/** Scrypt's stratum port on every ProHashing host (docs/prohashing.md §4.1). */
export const PROHASHING_SCRYPT_PORT = 3333;

/** In the order the fallbacks are tried after the chosen region. */
export const prohashingRegions: readonly ProHashingRegion[] = [
  { key: 'us', label: 'North America', host: 'us.mining.prohashing.com' },
  { key: 'eu', label: 'Europe', host: 'eu.mining.prohashing.com' },
  { key: 'asia', label: 'Asia', host: 'asia.mining.prohashing.com' },
];

/** Coins the template offers in the dialog; any lower-case coin name ProHashing knows is accepted. */
export const prohashingCoins = ['litecoin', 'dogecoin'] as const;

/** A `c=` value: ProHashing's coin name in lower case (docs/prohashing.md §4.2). */
const COIN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function regionOf(key: string): ProHashingRegion | null {
  return prohashingRegions.find((r) => r.key === key) ?? null;
}

export function stratumUrl(region: ProHashingRegion): string {
  return `stratum+tcp://${region.host}:${PROHASHING_SCRYPT_PORT}`;
}

/**
 * The `n=` worker name for a rig: its name with the characters that would break the comma-separated password
 * (commas, equals signs, spaces) replaced, so one rig is one worker at the pool.
 */
export function workerName(rigName: string): string {
  const cleaned = rigName.trim().replace(/[,=\s]+/g, '-');
  return cleaned === '' ? 'rig' : cleaned;
}

export function prohashingPassword(coin: string, rigName: string): string {
  return `a=scrypt,c=${coin},m=pplns,n=${workerName(rigName)}`;
}

/** Why the template cannot be used as given; null when it can. */
export function templateProblem(t: Pick<PoolTemplate, 'coin' | 'region' | 'account'>): string | null {
  if (!COIN.test(t.coin))
    return `Coin "${t.coin}" is not a ProHashing coin name (lower case, e.g. litecoin).`;
  if (regionOf(t.region) === null)
    return `Unknown ProHashing region "${t.region}" (known: ${prohashingRegions.map((r) => r.key).join(', ')}).`;
  if (t.account.trim() === '') return 'The ProHashing account name is empty.';
  if (/[\s,]/.test(t.account)) return `Account "${t.account}" cannot contain spaces or commas.`;
  return null;
}

/**
 * The rig's three slots: the chosen region first, the other regions after it as fallbacks, all with the same
 * user and password so the pool sees one worker whichever host the miner is on.
 */
export function prohashingPools(t: PoolTemplate, rigName: string): PoolSlot[] {
  const first = regionOf(t.region);
  const order = first === null ? prohashingRegions : [first, ...prohashingRegions.filter((r) => r !== first)];
  const pass = prohashingPassword(t.coin, rigName);
  return order.slice(0, 3).map((r) => ({ url: stratumUrl(r), user: t.account.trim(), pass }));
}

/** A pool URL as miners report it: no scheme, lower-case host (docs/vnish.md §4 pool URLs). */
export function samePoolUrl(a: string, b: string): boolean {
  const bare = (u: string) =>
    u
      .trim()
      .replace(/^[a-z+]+:\/\//i, '')
      .replace(/\/+$/, '')
      .toLowerCase();
  return bare(a) === bare(b);
}
