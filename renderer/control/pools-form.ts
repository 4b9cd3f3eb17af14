/**
 * The pools dialog's form, pure: the ProHashing template or three slots typed in, what is wrong with it, the
 * preview of what each rig gets (the same function the core uses, shared/prohashing-template.ts), and the
 * `control.run` parameters it makes.
 */
import type { PoolSlot } from '../../shared/control';
import { prohashingPools, templateProblem } from '../../shared/prohashing-template';

export type SlotForm = { url: string; user: string; pass: string };

export type PoolsForm = {
  source: 'template' | 'manual';
  coin: string;
  region: string;
  account: string;
  slots: [SlotForm, SlotForm, SlotForm];
};

const blank = (): SlotForm => ({ url: '', user: '', pass: '' });

export function initialPoolsForm(account: string): PoolsForm {
  return { source: 'template', coin: 'litecoin', region: 'us', account, slots: [blank(), blank(), blank()] };
}

const filled = (s: SlotForm): boolean => s.url.trim() !== '' || s.user.trim() !== '' || s.pass !== '';

export function poolsErrors(f: PoolsForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (f.source === 'template') {
    if (f.account.trim() === '') errors['account'] = 'Give the ProHashing account name (the stratum user).';
    else {
      const problem = templateProblem({ coin: f.coin, region: f.region, account: f.account });
      if (problem !== null) errors[problem.startsWith('Coin') ? 'coin' : 'account'] = problem;
    }
    return errors;
  }
  f.slots.forEach((s, i) => {
    if (!filled(s)) return;
    if (s.url.trim() === '') errors[`url${i}`] = `Pool ${i + 1} needs a URL.`;
    else if (!/^[^\s]+:\d{1,5}$/.test(s.url.trim().replace(/^[a-z+]+:\/\//i, '')))
      errors[`url${i}`] = `Pool ${i + 1}: host:port, e.g. stratum+tcp://pool.example:3333.`;
    if (s.user.trim() === '') errors[`user${i}`] = `Pool ${i + 1} needs a user.`;
  });
  if (!f.slots.some(filled)) errors['url0'] = 'Give at least one pool.';
  return errors;
}

export function poolsParams(f: PoolsForm): Record<string, unknown> {
  if (f.source === 'template')
    return {
      template: {
        name: 'prohashing',
        coin: f.coin.trim().toLowerCase(),
        region: f.region,
        account: f.account.trim(),
      },
    };
  const pools: PoolSlot[] = f.slots
    .filter(filled)
    .map((s) => ({ url: s.url.trim(), user: s.user.trim(), pass: s.pass }));
  return { pools };
}

/** What each rig will be sent: its name and its slots (the template differs per rig only by n=). */
export function poolsPreview(
  f: PoolsForm,
  rigNames: readonly string[],
): Array<{ rig: string; pools: PoolSlot[] }> {
  if (f.source === 'manual') {
    const pools = (poolsParams(f)['pools'] ?? []) as PoolSlot[];
    return rigNames.map((rig) => ({ rig, pools }));
  }
  const t = {
    name: 'prohashing' as const,
    coin: f.coin.trim().toLowerCase(),
    region: f.region,
    account: f.account.trim(),
  };
  return rigNames.map((rig) => ({ rig, pools: prohashingPools(t, rig) }));
}
