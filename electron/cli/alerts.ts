import { parseArgs } from 'node:util';

import type { Alert } from '../../shared/alerts';
import { formatAge } from '../../shared/format';
import { createNodeCore } from '../headless-core';
import { helpOption } from './args';
import { resolveDataDir } from './data-dir';

export const alertsHelp = `Usage: npm run rigdeck -- alerts [--json] [--all] [--data DIR]

Prints the active alerts (open and acknowledged), worst first; --all adds past (cleared) ones. With --json, one
object per line: rig_id, name, ip, code, severity, text, since (ISO time), state (open|acknowledged|cleared).`;

const LIMIT = 5000;

export async function alerts(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      data: { type: 'string' },
      ...helpOption,
    },
  });
  if (values.help) {
    console.log(alertsHelp);
    return 0;
  }
  const core = createNodeCore({
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  try {
    // Through the dispatcher, as every face does: the CLI sees exactly what the contract answers.
    const result = await core.dispatch(
      'alerts.list',
      { scope: values.all ? 'all' : 'active', limit: LIMIT },
      { face: 'headless', peer: 'cli' },
    );
    if (!result.ok) throw new Error(result.error.message);
    const { alerts: list } = result.value as { alerts: Alert[] };
    const now = Date.now();
    for (const a of list) console.log(values.json ? JSON.stringify(alertLine(a)) : textLine(a, now));
    if (!values.json && list.length === 0) console.error(values.all ? 'No alerts.' : 'No active alerts.');
    return 0;
  } finally {
    await core.stop();
  }
}

export function alertLine(a: Alert) {
  return {
    rig_id: a.rigId,
    name: a.rigName,
    ip: a.ip,
    code: a.code,
    severity: a.severity,
    text: a.text,
    since: new Date(a.sinceMs).toISOString(),
    state: a.state,
  };
}

function textLine(a: Alert, now: number): string {
  return [
    a.severity.padEnd(8),
    a.state.padEnd(12),
    (a.rigName ?? 'fleet').padEnd(18),
    (a.ip ?? '').padEnd(16),
    a.code.padEnd(22),
    `${a.text} (started ${formatAge(a.sinceMs, now)})`,
  ].join(' ');
}
