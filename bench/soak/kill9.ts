/**
 * `npm run soak -- --kill9 N`: the crash test at bench strength. The crash test's ingest child writes poll
 * cycles of 1,000 rigs × 3 chains into one data directory and is killed with SIGKILL at a random moment, N
 * times; after each kill the file must pass integrity_check and hold every cycle the child reported
 * committed plus at most the one in flight, each whole. Reports `kill9_survived` (of `kill9_runs`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cyclesIn, ingestAndKill } from '../../tests/integration/store/crash-harness';
import { mergeLatest, RESULTS_DIR, today } from '../lib/latest';

const RIGS = 1000;

/** Why one kill was not survived, or null. */
function verdict(
  signal: NodeJS.Signals | null,
  lastCommitted: number,
  integrity: unknown,
  cycles: Map<number, number[]>,
): string | null {
  if (signal !== 'SIGKILL') return `the child ended by itself (${signal ?? 'exit'}) before the kill`;
  if (integrity !== 'ok') return `integrity_check: ${String(integrity)}`;
  const last = Math.max(0, ...cycles.keys());
  if (last !== lastCommitted && last !== lastCommitted + 1) {
    return `the file ends at cycle ${last}, the child had committed ${lastCommitted}`;
  }
  if (cycles.size !== last) return `${last - cycles.size} cycles missing before cycle ${last}`;
  for (const [i, rows] of cycles) {
    if (rows[0] !== RIGS || rows[1] !== 3 * RIGS || rows[2] !== 1)
      return `cycle ${i} is not whole: ${rows.join('/')}`;
  }
  return null;
}

export async function runKill9(kills: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rigdeck-kill9-'));
  let committed = 0;
  let survived = 0;
  const failures: string[] = [];
  const started = Date.now();
  for (let k = 1; k <= kills; k++) {
    const run = await ingestAndKill(dir, committed + 1, Math.floor(Math.random() * 500), RIGS);
    const { integrity, cycles } = cyclesIn(dir);
    const why = verdict(run.signal, run.lastCommitted, integrity, cycles);
    if (why === null) survived++;
    else failures.push(`kill ${k}: ${why}`);
    committed = Math.max(0, ...cycles.keys());
    console.log(`kill9: ${k}/${kills} ${why ?? 'ok'} (${committed} cycles in the file)`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  mergeLatest({ kill9_survived: survived, kill9_runs: kills });
  const report = [
    `# RigDeck kill -9 run, ${today()}`,
    '',
    `${kills} SIGKILLs at random moments (0–500 ms after the third commit of each run) of an ingest child writing`,
    `${RIGS} rigs × 3 chains per cycle into one file; ${committed} cycles in the file at the end, ${seconds} s.`,
    '',
    `Survived: **${survived} of ${kills}** (integrity_check ok, every committed cycle whole, at most the one in flight missing).`,
    ...(failures.length > 0 ? ['', ...failures.map((f) => `- ${f}`)] : []),
  ].join('\n');
  writeFileSync(join(RESULTS_DIR, `kill9-${today()}.md`), `${report}\n`);
  console.log(report);
  if (failures.length === 0) rmSync(dir, { recursive: true, force: true });
  else console.log(`kill9: the data directory is kept for a look: ${dir}`);
}
