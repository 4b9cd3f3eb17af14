/**
 * ProHashing's stratum password: a comma-separated key=value list, e.g. `a=scrypt,c=litecoin,m=pplns,n=rig01`
 * (docs/prohashing.md §4.2). Keys a, n, c, m, d are confirmed; k, o, l, e are seen in the wild with unknown
 * meaning, so every key is kept and none is refused.
 */
export type PoolPassword = {
  /** Every key=value, keys lower-cased; on a repeated key the last one wins (which one the pool uses is a GAP). */
  params: Record<string, string>;
  /** a=: algorithm, lower case like the `status` keys. */
  algorithm: string | null;
  /** n=: the worker name, case kept (it comes back verbatim as miner_name / walletEx ID). */
  worker: string | null;
  /** c=: coin-specific mining (lower-cased currency name). */
  coin: string | null;
  /** m=: pps (default), pplns or solo. */
  mode: string | null;
  /** d=: static share difficulty. */
  difficulty: number | null;
  /** What looked wrong while reading it, in plain words. */
  problems: string[];
};

export function parsePoolPassword(password: string): PoolPassword {
  const params: Record<string, string> = {};
  const problems: string[] = [];
  for (const rawPart of password.split(',')) {
    const part = rawPart.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) {
      problems.push(`"${part}" is not a key=value pair`);
      continue;
    }
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (key in params) problems.push(`${key}= is given more than once`);
    params[key] = value;
  }
  const get = (k: string): string | null => {
    const v = params[k];
    return v === undefined || v === '' ? null : v;
  };
  const d = get('d');
  const difficulty = d !== null && /^\d+(\.\d+)?$/.test(d) ? Number(d) : null;
  if (d !== null && difficulty === null) problems.push(`d=${d} is not a number`);
  return {
    params,
    algorithm: get('a')?.toLowerCase() ?? null,
    worker: get('n'),
    coin: get('c')?.toLowerCase() ?? null,
    mode: get('m')?.toLowerCase() ?? null,
    difficulty,
    problems,
  };
}
