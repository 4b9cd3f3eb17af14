import { parseArgs } from 'node:util';

import { formatAge, formatPower, formatTemp } from '../../shared/format';
import type { RigRecord } from '../../shared/fleet';
import { resolveRig } from '../../shared/fleet-names';
import type { RigLive } from '../../shared/telemetry';
import { formatHashrate } from '../../shared/units';
import { createNodeCore } from '../headless-core';
import { helpOption, UsageError } from './args';
import { call } from './call';
import { resolveDataDir } from './data-dir';

export const statusHelp = `Usage: npm run rigdeck -- status [--rig ID|NAME|IP] [--json] [--data DIR]

Polls every registered rig once and prints it (with --rig, only that one: a name or address must pick exactly
one rig, or it is refused). With --json, one object per line: id, name, ip, model, state,
liveness, hashrate_mhs, nominal_mhs, power_w, chip_temp_max_c, fan_rpm_min, last_seen (ISO time of its last answer,
from this poll or history; null if never), error (why it could not be read; null when online), health
(ok|warning|critical|unknown) and problems (the codes of what is wrong, worst first).`;

export async function status(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { json: { type: 'boolean' }, rig: { type: 'string' }, data: { type: 'string' }, ...helpOption },
  });
  if (values.help) {
    console.log(statusHelp);
    return 0;
  }
  const core = createNodeCore({
    face: 'cli',
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  try {
    const { rigs: all } = await call(core, 'fleet.list', {});
    const picked = values.rig === undefined ? null : resolveRig(all, values.rig);
    if (picked && !picked.rig) throw new UsageError(picked.error);
    const rigs = picked?.rig ? [picked.rig] : all;
    if (rigs.length === 0) {
      console.error(
        `No rigs registered in ${core.info.dataDir}. Add some: npm run rigdeck -- scan <range> --add`,
      );
      return 0;
    }
    const polled = await call(core, 'fleet.pollNow', {});
    const live = new Map(polled.rigs.map((l) => [l.rigId, l]));
    const now = Date.now();
    for (const rig of rigs) {
      const l = live.get(rig.id);
      const seen = polled.lastSeenMs[rig.id] ?? null;
      console.log(values.json ? JSON.stringify(statusLine(rig, l, seen)) : textLine(rig, l, seen, now));
    }
    const s = polled.summary;
    console.error(
      `${s.rigs.online} of ${s.rigs.total} online, ${formatHashrate(s.hashrateMhs)}, ${formatPower(s.powerW)}` +
        (s.rigs.offline + s.rigs.stale > 0 ? `; ${s.rigs.offline + s.rigs.stale} not answering` : ''),
    );
    return 0;
  } finally {
    await core.stop();
  }
}

/** One rig as `status --json` prints it: why it could not be read, and when it last answered (from history). */
export function statusLine(rig: RigRecord, l: RigLive | undefined, lastSeenMs: number | null) {
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
    last_seen: lastSeenMs === null ? null : new Date(lastSeenMs).toISOString(),
    error: l?.liveness === 'online' ? null : (l?.lastError ?? null),
    health: l?.health ?? 'unknown',
    problems: (l?.problems ?? []).map((p) => p.code),
  };
}

function textLine(rig: RigRecord, l: RigLive | undefined, lastSeenMs: number | null, now: number): string {
  const state = l?.liveness === 'online' ? (l.minerState ?? 'unknown') : (l?.liveness ?? 'unknown');
  const worst = l?.problems[0];
  const problem = worst
    ? `  ${worst.severity}: ${worst.text}`
    : l?.lastError && l.liveness !== 'online'
      ? `  (${l.lastError})`
      : '';
  return (
    [
      rig.name.padEnd(18),
      rig.ip.padEnd(16),
      state.padEnd(12),
      formatHashrate(l?.hashrateMhs ?? null).padStart(12),
      formatPower(l?.powerW ?? null).padStart(8),
      formatTemp(l?.chipTempMaxC ?? null, 'C').padStart(7),
      `seen ${formatAge(lastSeenMs, now)}`,
    ].join(' ') + problem
  );
}
