import { parseArgs } from 'node:util';

import type { AuditEntry } from '../../shared/control';
import { createNodeCore } from '../headless-core';
import { helpOption, UsageError } from './args';
import { call } from './call';
import { resolveDataDir } from './data-dir';

export const auditHelp = `Usage: npm run rigdeck -- audit [--rig ID] [--limit N] [--json] [--data DIR]

Prints the audit log of commands sent to rigs, newest first (default 200). With --json, one object per line:
id, batch_id, rig_id, action, params, face (desktop|headless|cli), requested, started, finished (ISO times or
null), outcome (done|refused|failed|unverified, null while running or when cut short), message, restart_required.`;

export async function audit(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      rig: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      data: { type: 'string' },
      ...helpOption,
    },
  });
  if (values.help) {
    console.log(auditHelp);
    return 0;
  }
  const limit = values.limit === undefined ? 200 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a whole number from 1.`);
  const core = createNodeCore({
    face: 'cli',
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  try {
    const { entries } = await call(core, 'audit.list', {
      limit,
      ...(values.rig === undefined ? {} : { rigId: values.rig }),
    });
    for (const e of entries) console.log(values.json ? JSON.stringify(auditLine(e)) : textLine(e));
    if (!values.json && entries.length === 0) console.error('No commands recorded.');
    return 0;
  } finally {
    await core.stop();
  }
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function auditLine(e: AuditEntry) {
  return {
    id: e.id,
    batch_id: e.batchId,
    rig_id: e.rigId,
    action: e.action,
    params: e.params,
    face: e.face,
    requested: iso(e.requestedAtMs),
    started: iso(e.startedAtMs),
    finished: iso(e.finishedAtMs),
    outcome: e.outcome,
    message: e.message,
    restart_required: e.restartRequired,
  };
}

function textLine(e: AuditEntry): string {
  const params = Object.keys(e.params).length === 0 ? '' : ` ${JSON.stringify(e.params)}`;
  return [
    iso(e.requestedAtMs) ?? '',
    (e.face ?? '?').padEnd(8),
    e.rigId.padEnd(18),
    `${e.action}${params}`.padEnd(28),
    (e.outcome ?? 'unfinished').padEnd(10),
    e.message ?? '',
  ].join(' ');
}
