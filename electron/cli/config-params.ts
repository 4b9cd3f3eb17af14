/**
 * `rigdeck run` parameters of the settings actions (fan, pools, switch-pool, restore), from their flags. Pure;
 * every usage error names the flag it is about.
 */
import { fanModes, type FanMode } from '../../shared/control';
import { prohashingRegions } from '../../shared/prohashing-template';
import { UsageError } from './args';

export type ConfigFlags = {
  fan?: string | undefined;
  target?: string | undefined;
  duty?: string | undefined;
  'pool-template'?: string | undefined;
  coin?: string | undefined;
  region?: string | undefined;
  account?: string | undefined;
  pool?: string[] | undefined;
  index?: string | undefined;
  backup?: string | undefined;
};

function whole(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${flag} must be a whole number, not "${value}".`);
  return n;
}

export function fanParams(f: ConfigFlags): Record<string, unknown> {
  const mode = f.fan;
  if (mode === undefined) throw new UsageError(`fan needs --fan ${fanModes.join('|')}.`);
  if (!(fanModes as readonly string[]).includes(mode))
    throw new UsageError(`--fan must be ${fanModes.join(', ')}, not "${mode}".`);
  const m = mode as FanMode;
  if (m === 'auto' && f.target === undefined) throw new UsageError('--fan auto needs --target C (°C).');
  if (m === 'manual' && f.duty === undefined) throw new UsageError('--fan manual needs --duty PCT (%).');
  if (m !== 'auto' && f.target !== undefined) throw new UsageError(`--target goes with --fan auto only.`);
  if (m !== 'manual' && f.duty !== undefined) throw new UsageError(`--duty goes with --fan manual only.`);
  return {
    mode: m,
    target: f.target === undefined ? null : whole('target', f.target),
    duty: f.duty === undefined ? null : whole('duty', f.duty),
  };
}

/** "URL,USER,PASS": the password may itself hold commas (ProHashing's does), so only the first two split. */
function poolSlot(text: string): { url: string; user: string; pass: string } {
  const [url = '', user = '', ...rest] = text.split(',');
  if (url.trim() === '' || user.trim() === '')
    throw new UsageError(`--pool needs URL,USER[,PASS], not "${text}".`);
  return { url: url.trim(), user: user.trim(), pass: rest.join(',') };
}

/** The template's account is '' when not given: the caller fills in the configured ProHashing account. */
export function poolParams(f: ConfigFlags): Record<string, unknown> {
  const template = f['pool-template'];
  const pools = f.pool ?? [];
  if (template !== undefined && pools.length > 0)
    throw new UsageError('Give --pool-template or --pool, not both.');
  if (template === undefined) {
    if (pools.length === 0)
      throw new UsageError('pools needs --pool-template prohashing or --pool URL,USER,PASS.');
    if (pools.length > 3) throw new UsageError(`--pool at most 3 times (the miner has three slots).`);
    for (const flag of ['coin', 'region', 'account'] as const)
      if (f[flag] !== undefined) throw new UsageError(`--${flag} goes with --pool-template only.`);
    return { pools: pools.map(poolSlot) };
  }
  if (template !== 'prohashing')
    throw new UsageError(`--pool-template must be prohashing, not "${template}".`);
  if (f.coin === undefined)
    throw new UsageError('--pool-template prohashing needs --coin NAME (e.g. litecoin).');
  const region = f.region ?? 'us';
  if (!prohashingRegions.some((r) => r.key === region))
    throw new UsageError(
      `--region must be ${prohashingRegions.map((r) => r.key).join(', ')}, not "${region}".`,
    );
  return { template: { name: 'prohashing', coin: f.coin.toLowerCase(), region, account: f.account ?? '' } };
}

/** --index is the slot as the miner's own page numbers it, 1–3. */
export function switchPoolParams(f: ConfigFlags): Record<string, unknown> {
  if (f.index === undefined) throw new UsageError('switch-pool needs --index N (the pool slot, 1–3).');
  const n = whole('index', f.index);
  if (n < 1 || n > 3) throw new UsageError(`--index must be 1, 2 or 3, not ${n}.`);
  return { index: n - 1 };
}

export function restoreParams(f: ConfigFlags): Record<string, unknown> {
  if (f.backup === undefined)
    throw new UsageError('restore needs --backup ID (rigdeck backups --rig X lists them).');
  return { backupId: f.backup };
}
