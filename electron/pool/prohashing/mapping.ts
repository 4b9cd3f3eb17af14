/**
 * Worker ↔ rig reconciliation (docs/prohashing.md §7): each rig names itself to the pool with n= in its stratum
 * password; the pool reports that name back (WAMP miner_name, walletEx ID). Pure: rigs and the pool's worker
 * names in, matches and mismatches out, reported both ways.
 */
import { type PoolMapping } from '../../../shared/pool';
import { type RigPoolInput } from '../../collector/pool-port';
import { parsePoolPassword } from './password';

/** The little the collector knows of a rig's pool setup (Vnish pool slots, in priority order): its port's type. */
export type { RigPoolInput };

export type MappingOptions = {
  /** The stratum user is the account name (§1, [C] S12); unset: any user on a ProHashing host counts. */
  accountName?: string | undefined;
  /** Hosts (and their subdomains) that are ProHashing; a local stratum proxy can be added here. */
  poolHosts: readonly string[];
  /** Whether ProHashing treats worker names case-insensitively is a GAP; exact by default. */
  caseInsensitiveWorkers?: boolean;
};

export const DEFAULT_POOL_HOSTS: readonly string[] = ['prohashing.com'];

/** `stratum+tcp://us.mining.prohashing.com:3333` (or with no scheme) → `us.mining.prohashing.com`. */
export function stratumHost(url: string): string {
  return url
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[:/].*$/, '')
    .toLowerCase();
}

export function isProHashingUrl(url: string, hosts: readonly string[]): boolean {
  const host = stratumHost(url);
  return hosts.some((h) => {
    const want = h.trim().toLowerCase();
    return want !== '' && (host === want || host.endsWith(`.${want}`));
  });
}

type Warning = PoolMapping['warnings'][number];

export function reconcile(
  rigs: readonly RigPoolInput[],
  poolWorkers: readonly string[],
  o: MappingOptions,
): PoolMapping {
  const fold = (name: string): string => (o.caseInsensitiveWorkers ? name.toLowerCase() : name);
  const account = o.accountName?.trim().toLowerCase();
  const known = new Map(poolWorkers.map((w) => [fold(w), w]));
  const warnings: Warning[] = [];
  const rigsNotOnPool: string[] = [];
  const rigsWithoutWorkerName: string[] = [];
  const claims = new Map<string, { worker: string; rigIds: string[] }>();
  const rigNames = new Map<string, string[]>();

  for (const rig of rigs) {
    const names: string[] = [];
    let onPool = false;
    rig.pools.forEach((pool, poolIndex) => {
      if (!isProHashingUrl(pool.url, o.poolHosts)) return;
      const warn = (code: string, message: string): void => {
        warnings.push({ rigId: rig.rigId, poolIndex, code, message });
      };
      if (account !== undefined && pool.user.trim().toLowerCase() !== account) {
        warn(
          'other_account',
          `pool ${poolIndex + 1} mines for ProHashing user "${pool.user}", not this account`,
        );
        return;
      }
      onPool = true;
      const p = parsePoolPassword(pool.password);
      for (const problem of p.problems) warn('password_syntax', `pool ${poolIndex + 1} password: ${problem}`);
      if (p.worker === null) warn('no_worker_name', `pool ${poolIndex + 1} password has no n= worker name`);
      else if (!names.includes(p.worker)) names.push(p.worker);
      // [?] on shared ports (§4.2): worth a warning, not an error.
      if (p.algorithm === null) warn('no_algorithm', `pool ${poolIndex + 1} password has no a= algorithm`);
      // "ProHashing doesn't allow PPLNS for their default algorithm select mining" ([C] ×2, §4.2).
      if (p.mode === 'pplns' && p.coin === null) {
        warn(
          'pplns_needs_coin',
          `pool ${poolIndex + 1} asks for m=pplns without c=<coin>; ProHashing needs both`,
        );
      }
    });
    if (!onPool) {
      rigsNotOnPool.push(rig.rigId);
      continue;
    }
    if (names.length === 0) {
      rigsWithoutWorkerName.push(rig.rigId);
      continue;
    }
    if (names.length > 1) {
      warnings.push({
        rigId: rig.rigId,
        poolIndex: null,
        code: 'several_worker_names',
        message: `the rig's ProHashing pools use different worker names: ${names.join(', ')}`,
      });
    }
    rigNames.set(rig.rigId, names);
    for (const name of names) {
      const c = claims.get(fold(name)) ?? { worker: name, rigIds: [] };
      if (!c.rigIds.includes(rig.rigId)) c.rigIds.push(rig.rigId);
      claims.set(fold(name), c);
    }
  }

  const matched: PoolMapping['matched'] = [];
  const rigsWithUnknownWorker: PoolMapping['rigsWithUnknownWorker'] = [];
  for (const [rigId, names] of rigNames) {
    const hits = names.filter((n) => known.has(fold(n)));
    // A failover slot's name that the pool has not seen is normal while the first slot is mining.
    if (hits.length > 0) for (const n of hits) matched.push({ rigId, worker: known.get(fold(n)) ?? n });
    else for (const n of names) rigsWithUnknownWorker.push({ rigId, worker: n });
  }
  const workersWithoutRig = poolWorkers.filter((w) => !claims.has(fold(w)));
  const duplicateWorkerNames = [...claims.values()]
    .filter((c) => c.rigIds.length > 1)
    .map((c) => ({ worker: c.worker, rigIds: [...c.rigIds].sort() }));

  const byRig = (a: { rigId: string; worker: string }, b: { rigId: string; worker: string }): number =>
    a.rigId.localeCompare(b.rigId) || a.worker.localeCompare(b.worker);
  return {
    matched: matched.sort(byRig),
    rigsWithUnknownWorker: rigsWithUnknownWorker.sort(byRig),
    workersWithoutRig: [...new Set(workersWithoutRig)].sort(),
    rigsWithoutWorkerName: rigsWithoutWorkerName.sort(),
    duplicateWorkerNames: duplicateWorkerNames.sort((a, b) => a.worker.localeCompare(b.worker)),
    rigsNotOnPool: rigsNotOnPool.sort(),
    warnings,
  };
}
