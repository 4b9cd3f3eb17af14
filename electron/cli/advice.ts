import { parseArgs } from 'node:util';

import type { Recommendation } from '../../shared/advice';
import type { RigRecord } from '../../shared/fleet';
import { createNodeCore } from '../headless-core';
import { helpOption } from './args';
import { call } from './call';
import { resolveDataDir } from './data-dir';

export const adviceHelp = `Usage: npm run rigdeck -- advice [--json] [--data DIR]

Polls every registered rig once, runs the recommendation engine over what it read and the stored history, and
prints the open recommendations (dismissed ones left out). With --json, one object per line: rig_id, name, ip,
kind, source (builtin|abacus), title, reason, expected_effect, confidence, action ({action, params} or null).`;

export async function advice(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { json: { type: 'boolean' }, data: { type: 'string' }, ...helpOption },
  });
  if (values.help) {
    console.log(adviceHelp);
    return 0;
  }
  const core = createNodeCore({
    face: 'cli',
    dataDir: resolveDataDir(values.data),
    log: { ...console, info: () => undefined },
  });
  try {
    const { rigs } = await call(core, 'fleet.list', {});
    if (rigs.length === 0) {
      console.error(
        `No rigs registered in ${core.info.dataDir}. Add some: npm run rigdeck -- scan <range> --add`,
      );
      return 0;
    }
    // A poll cycle's end is when the engine runs: one poll of the fleet gives it live figures to judge.
    await call(core, 'fleet.pollNow', {});
    const { recommendations } = await call(core, 'advice.list', {});
    const byId = new Map(rigs.map((r) => [r.id, r]));
    for (const rec of recommendations) {
      const rig = byId.get(rec.rigId);
      console.log(values.json ? JSON.stringify(adviceLine(rec, rig)) : textLine(rec, rig));
    }
    if (!values.json) {
      console.error(recommendations.length === 0 ? 'No recommendations.' : `${recommendations.length} open.`);
    }
    return 0;
  } finally {
    await core.stop();
  }
}

export function adviceLine(rec: Recommendation, rig: RigRecord | undefined) {
  return {
    rig_id: rec.rigId,
    name: rig?.name ?? null,
    ip: rig?.ip ?? null,
    kind: rec.kind,
    source: rec.source,
    title: rec.title,
    reason: rec.reason,
    expected_effect: rec.expectedEffect,
    confidence: rec.confidence,
    action: rec.action,
  };
}

function textLine(rec: Recommendation, rig: RigRecord | undefined): string {
  const action =
    rec.action === null ? 'advice only' : `${rec.action.action} ${JSON.stringify(rec.action.params)}`;
  return [
    (rig?.name ?? rec.rigId).padEnd(18),
    (rig?.ip ?? '').padEnd(16),
    rec.source.padEnd(8),
    rec.kind.padEnd(22),
    `${rec.title}: ${rec.expectedEffect} [${action}]`,
  ].join(' ');
}
