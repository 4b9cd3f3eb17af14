import { parseArgs } from 'node:util';

import type { EarningsSummary, RigEarnings } from '../../shared/earnings';
import { formatMoney } from '../../shared/money-format';
import { formatHashrate } from '../../shared/units';
import { createNodeCore } from '../headless-core';
import { helpOption } from './args';
import { call } from './call';
import { resolveDataDir } from './data-dir';

export const earningsHelp = `Usage: npm run rigdeck -- earnings [--json] [--data DIR]

Polls every registered rig once, follows the ProHashing account until it has answered (when an API key is set),
and prints what each rig earns per day. With --json, one object per rig: id, name, ip, hashrate_mhs,
pool_hashrate_mhs, revenue_per_day, power_cost_per_day, profit_per_day, currency; then one line for the fleet
(fleet: true, rigs, rigs_priced and the same sums). Money is per day in the electricity currency of the settings;
null where it is unknown (no pool rate yet, the rig offline, no exchange rate for a currency other than USD).`;

export async function earnings(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { json: { type: 'boolean' }, data: { type: 'string' }, ...helpOption },
  });
  if (values.help) {
    console.log(earningsHelp);
    return 0;
  }
  const core = createNodeCore({
    face: 'cli',
    dataDir: resolveDataDir(values.data),
    // stdout carries the answer: chatter (the live feed's library at debug) stays out of it.
    log: { ...console, info: () => undefined, debug: () => undefined },
  });
  try {
    const s = await call(core, 'earnings.summary', { refresh: true });
    if (s.rigs.length === 0)
      console.error(
        `No rigs registered in ${core.info.dataDir}. Add some: npm run rigdeck -- scan <range> --add`,
      );
    for (const r of s.rigs)
      console.log(values.json ? JSON.stringify(rigLine(r, s.currency)) : textLine(r, s));
    console.log(values.json ? JSON.stringify(fleetLine(s)) : fleetText(s));
    if (!s.pool.configured)
      console.error('No ProHashing API key: revenue is unknown. Set it on the Settings page.');
    else if (s.rates.revenuePerMhDay === null)
      console.error(`No revenue rate from the pool yet (live feed: ${s.pool.live}).`);
    return 0;
  } finally {
    await core.stop();
  }
}

export function rigLine(r: RigEarnings, currency: string) {
  return {
    id: r.rigId,
    name: r.name,
    ip: r.ip,
    hashrate_mhs: r.hashrateMhs,
    pool_hashrate_mhs: r.poolHashrateMhs,
    revenue_per_day: r.revenuePerDay,
    power_cost_per_day: r.powerCostPerDay,
    profit_per_day: r.profitPerDay,
    currency,
  };
}

export function fleetLine(s: EarningsSummary) {
  const f = s.fleet;
  return {
    fleet: true,
    rigs: f.rigs,
    rigs_priced: f.rigsPriced,
    hashrate_mhs: f.hashrateMhs,
    pool_hashrate_mhs: f.poolHashrateMhs,
    revenue_per_day: f.revenuePerDay,
    power_cost_per_day: f.powerCostPerDay,
    profit_per_day: f.profitPerDay,
    currency: s.currency,
  };
}

const perDay = (v: number | null, currency: string) => `${formatMoney(v, currency)}/day`;

function textLine(r: RigEarnings, s: EarningsSummary): string {
  return [
    r.name.padEnd(18),
    r.ip.padEnd(16),
    formatHashrate(r.hashrateMhs).padStart(12),
    `pool ${formatHashrate(r.poolHashrateMhs)}`.padStart(17),
    `revenue ${perDay(r.revenuePerDay, s.currency)}`.padStart(24),
    `power ${perDay(r.powerCostPerDay, s.currency)}`.padStart(22),
    `profit ${perDay(r.profitPerDay, s.currency)}`.padStart(23),
  ].join(' ');
}

function fleetText(s: EarningsSummary): string {
  const f = s.fleet;
  return (
    `fleet: ${f.rigsPriced} of ${f.rigs} rigs priced, ${formatHashrate(f.hashrateMhs)} ` +
    `(pool ${formatHashrate(f.poolHashrateMhs)}), revenue ${perDay(f.revenuePerDay, s.currency)}, ` +
    `power ${perDay(f.powerCostPerDay, s.currency)}, profit ${perDay(f.profitPerDay, s.currency)}`
  );
}
