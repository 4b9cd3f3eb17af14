import { parseArgs } from 'node:util';

import { formatAge, formatPower, formatTemp } from '../../shared/format';
import type { RigRecord } from '../../shared/fleet';
import type { RigLive } from '../../shared/telemetry';
import { formatHashrate } from '../../shared/units';
import { createNodeCore } from '../headless-core';
import { helpOption } from './args';
import { resolveDataDir } from './data-dir';

export const statusHelp = `Usage: npm run rigdeck -- status [--json] [--data DIR]

Polls every registered rig once and prints it. With --json, one object per line: id, name, ip, model, state,
liveness, hashrate_mhs, nominal_mhs, power_w, chip_temp_max_c, fan_rpm_min.`;

export async function status(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { json: { type: 'boolean' }, data: { type: 'string' }, ...helpOption },
  });
  if (values.help) {
    console.log(statusHelp);
    return 0;
  }
  const core = createNodeCore({
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  try {
    const rigs = core.registry.list();
    if (rigs.length === 0) {
      console.error(
        `No rigs registered in ${core.info.dataDir}. Add some: npm run rigdeck -- scan <range> --add`,
      );
      return 0;
    }
    core.collector.setRigs(rigs);
    await core.collector.pollOnce();
    const live = new Map(core.collector.live().map((l) => [l.rigId, l]));
    for (const rig of rigs) {
      const l = live.get(rig.id);
      console.log(values.json ? JSON.stringify(statusLine(rig, l)) : textLine(rig, l));
    }
    const s = core.collector.summary();
    console.error(
      `${s.rigs.online} of ${s.rigs.total} online, ${formatHashrate(s.hashrateMhs)}, ${formatPower(s.powerW)}` +
        (s.rigs.offline + s.rigs.stale > 0 ? `; ${s.rigs.offline + s.rigs.stale} not answering` : ''),
    );
    return 0;
  } finally {
    await core.stop();
  }
}

export function statusLine(rig: RigRecord, l: RigLive | undefined) {
  return {
    id: rig.id,
    name: rig.name,
    ip: rig.ip,
    model: rig.model,
    state: l?.restarting ? 'restarting' : (l?.minerState ?? 'unknown'),
    liveness: l?.liveness ?? 'unknown',
    hashrate_mhs: l?.hashrateMhs ?? null,
    nominal_mhs: l?.nominalHashrateMhs ?? null,
    power_w: l?.powerW ?? null,
    chip_temp_max_c: l?.chipTempMaxC ?? null,
    fan_rpm_min: l?.fanRpmMin ?? null,
  };
}

function textLine(rig: RigRecord, l: RigLive | undefined): string {
  const state = l?.liveness === 'online' ? (l.minerState ?? 'unknown') : (l?.liveness ?? 'unknown');
  const problem = l?.lastError && l.liveness !== 'online' ? `  (${l.lastError})` : '';
  return (
    [
      rig.name.padEnd(18),
      rig.ip.padEnd(16),
      state.padEnd(12),
      formatHashrate(l?.hashrateMhs ?? null).padStart(12),
      formatPower(l?.powerW ?? null).padStart(8),
      formatTemp(l?.chipTempMaxC ?? null, 'C').padStart(7),
      `seen ${formatAge(l?.takenAtMs ?? null, Date.now())}`,
    ].join(' ') + problem
  );
}
