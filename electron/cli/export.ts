import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';

import { type Res } from '../../shared/contract';
import { resolveRig } from '../../shared/fleet-names';
import {
  type HistoryCursor,
  type HistoryMetric,
  historyMetrics,
  historyQuerySchema,
} from '../../shared/telemetry';
import { createNodeCore } from '../headless-core';
import { UsageError, helpOption } from './args';
import { call } from './call';
import { resolveDataDir } from './data-dir';

export const exportHelp = `Usage: npm run rigdeck -- export [--rig ID|NAME] [--from TIME] [--to TIME] [--metrics LIST]
                               [--resolution raw|5m|1h] [--out FILE] [--data DIR]

Writes history as CSV (to FILE, or standard output): one rig, or the whole fleet without --rig.
  --from, --to   ISO times or dates (default: the last 24 hours)
  --metrics      comma-separated, from: ${historyMetrics.join(', ')} (default: all)`;

export async function exportCsv(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      rig: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      metrics: { type: 'string' },
      resolution: { type: 'string' },
      out: { type: 'string' },
      data: { type: 'string' },
      ...helpOption,
    },
  });
  if (values.help) {
    console.log(exportHelp);
    return 0;
  }
  const now = Date.now();
  const core = createNodeCore({
    face: 'cli',
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  try {
    let rigId: string | null = null;
    if (values.rig) {
      const { rigs } = await call(core, 'fleet.list', {});
      // A name picks exactly one rig or none (names are unique, any case): never the wrong rig's history.
      const { rig, error } = resolveRig(rigs, values.rig);
      if (!rig) throw new UsageError(`${error} (data: ${core.info.dataDir})`);
      rigId = rig.id;
    }
    const parsed = historyQuerySchema.safeParse({
      rigId,
      metrics: values.metrics
        ? values.metrics.split(',').map((m) => m.trim() as HistoryMetric)
        : [...historyMetrics],
      fromMs: values.from ? time(values.from, '--from') : now - 86_400_000,
      toMs: values.to ? time(values.to, '--to') : now,
      ...(values.resolution ? { resolution: values.resolution } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    const file = values.out ? createWriteStream(values.out) : null;
    const out = file ?? process.stdout;
    let rows = 0;
    try {
      // Page by page through the dispatcher: history.exportCsv answers with one bounded string, an export
      // from the CLI has no bound, so each page is written (and drained) before the next is asked for.
      let cursor: HistoryCursor | null = null;
      do {
        const page: Res<'history.exportPage'> = await call(core, 'history.exportPage', {
          query: parsed.data,
          cursor,
        });
        rows += page.rows;
        if (page.csv !== '' && !out.write(page.csv)) await once(out, 'drain');
        cursor = page.nextCursor;
      } while (cursor !== null);
    } finally {
      if (file) {
        file.end();
        await finished(file);
      }
    }
    console.error(`${rows} rows${values.out ? ` written to ${values.out}` : ''}.`);
    return 0;
  } finally {
    await core.stop();
  }
}

function time(text: string, flag: string): number {
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`${flag} must be an ISO time or date, not "${text}".`);
  return t;
}
