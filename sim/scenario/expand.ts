// Turns a validated scenario into one RigInit per rig: names, pools (the ProHashing account unless a
// rig says otherwise; worker = n= in the password), presets, quirks.
import { MODELS, type ModelSpec } from '../rig/models';
import { type RigInit } from '../rig/create';
import { type PoolSlot } from '../rig/types';
import { type RigGroup, type Scenario } from './schema';

export function stockPreset(model: ModelSpec): string {
  return String(model.nominalWatts);
}

/** ProHashing PPLNS needs coin-specific mining: a=scrypt,c=<coin>,m=pplns,n=<worker> (docs/prohashing.md §4.2). */
export function proHashingPool(s: Scenario, worker: string): PoolSlot {
  return { url: s.pool.url, user: s.account.name, pass: `a=scrypt,c=${s.account.coin},m=pplns,n=${worker}` };
}

function tunedList(group: RigGroup, model: ModelSpec): string[] {
  if (group.tuned === 'all') return model.presets.map((p) => p.name);
  if (group.tuned === 'none') return [];
  return group.tuned;
}

export function expandScenario(s: Scenario, ipFor: (index: number) => string): RigInit[] {
  const out: RigInit[] = [];
  const width = String(s.rigs.reduce((n, g) => n + g.count, 0)).length;
  const pad = Math.max(2, width);
  const seen = new Set<string>();
  for (const group of s.rigs) {
    const model = MODELS[group.model];
    for (let k = 0; k < group.count; k++) {
      const index = out.length;
      const name =
        group.name && group.count === 1
          ? group.name
          : `${group.name ?? group.namePrefix}${String(index + 1).padStart(pad, '0')}`;
      if (seen.has(name)) throw new Error(`scenario ${s.name}: duplicate rig name "${name}"`);
      seen.add(name);
      const preset = group.preset ?? stockPreset(model);
      if (preset !== 'disabled' && !model.presets.some((p) => p.name === preset)) {
        throw new Error(`scenario ${s.name}: rig "${name}": unknown preset "${preset}" for ${model.code}`);
      }
      out.push({
        index,
        name,
        model,
        kind: group.kind,
        ip: ipFor(index),
        fwVersion: group.firmware,
        pools: group.pools ?? [proHashingPool(s, group.worker ?? name)],
        preset,
        tunedPresets: tunedList(group, model),
        password: group.password,
        rpcQuirks: group.rpcQuirks,
        httpQuirks: group.httpQuirks,
        ...(group.fanMinCount !== undefined ? { fanMinCount: group.fanMinCount } : {}),
        ...(group.warranty !== undefined ? { warranty: group.warranty } : {}),
      });
    }
  }
  return out;
}
