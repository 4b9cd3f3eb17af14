/**
 * `npm run fuzz [-- --count N --seed S]`: every fuzz family at full strength (100,000 payloads each by
 * default), then bench/results/fuzz-<date>.md and `fuzz_payloads_total`, `fuzz_uncaught` (and per-family
 * counts) merged into bench/results/latest.json. Exits 1 when any payload broke its oracle.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { mergeLatest, RESULTS_DIR, today } from '../../bench/lib/latest';
import { allFamilies } from './families';
import { type FamilyCounts, runFamily } from './family';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '100000' }, seed: { type: 'string' } },
});
const count = Number(values.count);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
if (!Number.isSafeInteger(count) || count <= 0) throw new Error(`--count must be a positive integer`);

const rows: Array<FamilyCounts & { seconds: number }> = [];
const started = performance.now();
for (const family of allFamilies()) {
  const t0 = performance.now();
  const counts = await runFamily(family, count, seed);
  const seconds = (performance.now() - t0) / 1000;
  rows.push({ ...counts, seconds });
  console.log(
    `fuzz: ${family.name}: ${counts.payloads} payloads, ${counts.valid} valid, ${counts.typedErrors} typed errors, ` +
      `${counts.uncaught} uncaught (${seconds.toFixed(1)} s)`,
  );
  for (const example of counts.examples) console.log(`  ${example}`);
}
const total = rows.reduce((n, r) => n + r.payloads, 0);
const uncaught = rows.reduce((n, r) => n + r.uncaught, 0);
const seconds = (performance.now() - started) / 1000;

const metrics: Record<string, number> = { fuzz_payloads_total: total, fuzz_uncaught: uncaught };
for (const r of rows) metrics[`fuzz_${r.family.replace(/-/g, '_')}_payloads`] = r.payloads;
metrics['fuzz_seconds'] = Math.round(seconds);
mergeLatest(metrics);

const report = [
  `# RigDeck fuzz run, ${today()}`,
  '',
  `Seed ${seed}, ${count} payloads per family, ${seconds.toFixed(0)} s in all. Every payload must end as a value`,
  'that passes its zod schema or as the typed error its callers expect; anything else counts as uncaught.',
  '',
  '| family | payloads | valid | typed errors | uncaught | seconds |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.family} | ${r.payloads} | ${r.valid} | ${r.typedErrors} | ${r.uncaught} | ${r.seconds.toFixed(1)} |`,
  ),
  `| **total** | ${total} | | | ${uncaught} | ${seconds.toFixed(1)} |`,
  '',
  ...rows.flatMap((r) => [`- ${r.family}: ${allFamilies().find((f) => f.name === r.family)?.about ?? ''}`]),
].join('\n');
writeFileSync(join(RESULTS_DIR, `fuzz-${today()}.md`), `${report}\n`);
console.log(`fuzz: ${total} payloads, ${uncaught} uncaught, ${seconds.toFixed(1)} s`);
process.exitCode = uncaught === 0 ? 0 : 1;
