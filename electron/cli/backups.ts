import { parseArgs } from 'node:util';

import type { Backup } from '../../shared/backups';
import { createNodeCore } from '../headless-core';
import { helpOption, UsageError } from './args';
import { call } from './call';
import { resolveDataDir } from './data-dir';
import { pickRigs } from './run';

export const backupsHelp = `Usage: npm run rigdeck -- backups --rig RIG [--json] [--data DIR]

Lists one rig's settings backups (by id, name or IP), newest first: taken before a risky change (preset,
overclock, fans, pools, restore, firmware) or by hand from the rig page. Put one back with
rigdeck run restore --backup ID --rigs RIG --yes. With --json, one object per line: id, rig_id, taken (ISO time),
reason, firmware_version, summary.`;

export function backupLine(b: Backup) {
  return {
    id: b.id,
    rig_id: b.rigId,
    taken: new Date(b.takenAtMs).toISOString(),
    reason: b.reason,
    firmware_version: b.firmwareVersion,
    summary: b.summary,
  };
}

export async function backups(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { rig: { type: 'string' }, json: { type: 'boolean' }, data: { type: 'string' }, ...helpOption },
  });
  if (values.help) {
    console.log(backupsHelp);
    return 0;
  }
  if (values.rig === undefined) throw new UsageError('Give the rig: --rig RIG (id, name or IP).');
  const core = createNodeCore({
    face: 'cli',
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  try {
    const { rigs } = await call(core, 'fleet.list', {});
    const [rig] = pickRigs(rigs, values.rig);
    if (rig === undefined) throw new UsageError('--rig names no rig.');
    const list = (await call(core, 'backups.list', { rigId: rig.id })).backups;
    for (const b of list) {
      const line = backupLine(b);
      console.log(
        values.json
          ? JSON.stringify(line)
          : `${line.id}  ${line.taken}  ${b.reason.padEnd(9)} ${b.firmwareVersion ?? '?'}  ${b.summary}`,
      );
    }
    if (!values.json && list.length === 0) console.error(`No backups of ${rig.name}.`);
    return 0;
  } finally {
    await core.stop();
  }
}
