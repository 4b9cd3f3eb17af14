/**
 * `npm test`: every gate CI holds us to, in order, each run even when an earlier one failed so one run shows
 * every problem. Ends with the one plain line CI reads: "N passed, N failed" (tests plus one per gate).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

type Step = {
  name: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
  report?: () => Counts;
};
type Counts = { passed: number; failed: number; skipped: number };

const vitestJson = join(OUT, 'vitest.json');
const playwrightJson = join(OUT, 'playwright.json');

const steps: Step[] = [
  { name: 'lint', cmd: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
  { name: 'typecheck (node)', cmd: bin('tsc'), args: ['-p', 'tsconfig.node.json', '--noEmit'] },
  { name: 'typecheck (web)', cmd: bin('tsc'), args: ['-p', 'tsconfig.web.json', '--noEmit'] },
  { name: 'build renderer', cmd: bin('vite'), args: ['build', '--logLevel', 'warn'] },
  // The desktop bundle cannot run here, but it must build: main.js (ESM) and the sandboxed preload.cjs.
  { name: 'build desktop bundle', cmd: 'npm', args: ['run', '--silent', 'build:electron'] },
  // What `npm run rigdeck` and `npm run serve` run: dist/cli/rigdeck.js, plain JavaScript.
  { name: 'build CLI bundle', cmd: 'npm', args: ['run', '--silent', 'build:cli'] },
  {
    name: 'unit + integration (vitest)',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    report: () => {
      const r = readJson(vitestJson) as {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
      };
      return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests };
    },
  },
  {
    name: 'e2e (playwright, chromium)',
    cmd: bin('playwright'),
    args: ['test', '-c', 'tests/e2e/playwright.config.ts'],
    env: { RIGDECK_PW_JSON: playwrightJson },
    report: () => {
      const r = readJson(playwrightJson) as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      };
      return {
        passed: r.stats.expected,
        failed: r.stats.unexpected + r.stats.flaky,
        skipped: r.stats.skipped,
      };
    },
  },
];

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

mkdirSync(OUT, { recursive: true });
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.cmd, step.args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  if (step.report) {
    // A runner that crashed before writing its report counts as one failure, never as zero tests.
    const hasReport = existsSync(step.name.startsWith('e2e') ? playwrightJson : vitestJson);
    const c = hasReport ? step.report() : { passed: 0, failed: 1, skipped: 0 };
    if (!ok && c.failed === 0) c.failed = 1;
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    summary.push(
      `${ok ? 'ok  ' : 'FAIL'} ${step.name}: ${c.passed} passed, ${c.failed} failed (${seconds} s)`,
    );
  } else {
    if (ok) total.passed += 1;
    else total.failed += 1;
    summary.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name} (${seconds} s)`);
  }
}

console.log(`\n${summary.join('\n')}\n`);
const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 ? 1 : 0);
