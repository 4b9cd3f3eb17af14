/**
 * `npm run bench`: runs every benchmark, then writes bench/results/<date>.md (with the machine it ran on) and
 * bench/results/latest.json, a flat map of metric name to number with the unit in the name (merged: the fuzz and
 * soak runs add theirs). Both are committed.
 * Each suite reports medians of several runs; timing belongs here, never in tests.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { runAdviceBench } from './advice';
import { runAlertsBench } from './alerts';
import { runCollectorBench } from './collector';
import { runTransportBench } from './collector-transport';
import { runControlBench, runControlRoundtripBench } from './control';
import { mergeLatest } from './lib/latest';
import { runFarmBench } from './farm';
import { runHealthBench } from './health';
import { runHistoryBench } from './history';
import { runRendererBench } from './renderer';
import { runCliBench } from './cli';
import { runProductBench } from './product';
import { runScanBench } from './scan';
import { runServerBench } from './server';
import { runUiMapBench } from './ui-map';
import { runUiFleetBench } from './ui-fleet';

type Suite = { name: string; about: string; run: () => Promise<Record<string, number>> };

const suites: Suite[] = [
  {
    name: 'product (serve as shipped)',
    about:
      '`node dist/cli/rigdeck.js serve` (what `npm run serve` runs) in its own process against the `big` farm (1,000 rigs) ' +
      'at the default 15 s interval, set up over the contract; after 3 warm-up cycles, 10 cycles measured: process CPU per ' +
      'rig-poll from /proc/PID/stat with no inspector open, one-rig poll time p99 (start to settle), RSS; then, in 4 ' +
      'further cycles, the share of CPU by part from a V8 CPU profile of the same process (sampled every 2 ms)',
    run: () => runProductBench(),
  },
  {
    name: 'headless server',
    about: 'contract over WebSocket on loopback, medians of 5 runs',
    run: runServerBench,
  },
  {
    name: 'command line',
    about:
      'the built CLI (dist/cli/rigdeck.js) under plain node, spawn to exit, medians of 15 runs: `rigdeck --help`, and ' +
      '`rigdeck scan IP:PORT --json` of one virtual miner on loopback (TCP probe and full identification)',
    run: () => runCliBench(),
  },
  { name: 'renderer bundle', about: 'built UI assets (vite build)', run: runRendererBench },
  {
    name: 'virtual farm',
    about:
      '1,000 simulated miners in one process on 127.0.1.x: GET /api/v1/summary from a keep-alive client over all miners, ' +
      'and autocannon against one miner in the same run; RSS of the process; medians of 3 runs of 5 s',
    run: runFarmBench,
  },
  {
    name: 'history store',
    about:
      'SQLite history (WAL, WITHOUT ROWID, compact integer encodings): ingest through writeCycle for 1,000 rigs x 3 chains, ' +
      'rig and fleet queries at 1,000 rigs, file size per rig-year at default retention, and one maintain pass',
    run: runHistoryBench,
  },
  {
    name: 'collector',
    about:
      '1,000 virtual miners polled by the collector in a child process (real history store): cycle time, parse+normalize+store ' +
      'CPU per rig, poll throughput beside autocannon against one miner in the same run (both over kept-alive connections: ' +
      'poll_rps; both on a fresh connection per request: poll_rps_cold), and RSS',
    run: runCollectorBench,
  },
  {
    name: 'miner transport',
    about:
      "the collector's Vnish client alone against 300 virtual miners: process CPU per GET /api/v1/summary from the " +
      'request to the parsed JSON, in a child process, user and system apart; fresh connections (as at a 15 s ' +
      'interval, the close included) and kept-alive ones alternating, medians of 24 rounds of 300 polls at 64 in flight; ' +
      'then fresh polls paced one per 10 ms (median of 6 rounds); then as the product polls: 17 together every 250 ms on ' +
      'one agent kept across rounds, its closes included (grid, median of 6 rounds of 300), and, BENCH ONLY, the same ' +
      "cadence over 150 rigs re-polled within the farm's 5 s keep-alive, what firmware keeping idle connections longer " +
      'than the poll interval would save (grid_kept)',
    run: runTransportBench,
  },
  {
    name: 'health rules',
    about:
      "one cycle's health pass over 1,000 L7s as the collector runs it (live view, memory step, every rule), a mix " +
      'of hot, fan-lost, failed-chain, rejecting and offline rigs; median of 60 cycles after 20 of warm-up (budget 5,000 µs)',
    run: runHealthBench,
  },
  {
    name: 'discovery scan',
    about:
      'RigDeck scan (TCP stage + full identification) beside nmap -sT -p 80,4028 on the same ranges, inside a network ' +
      'namespace the bench creates: a /24 with 200 Vnish miners + 20 impostors, a /22 with silent (dropped) addresses',
    run: runScanBench,
  },
  {
    name: 'alerts',
    about:
      'alerts engine with its real SQLite store and event bus at 1,000 rigs (50 with open alerts): from the update that ' +
      'completes the sustain window to the notification on the bus, for one rig and for 100 at once (one grouped ' +
      'notification), and an update that changes nothing; simulated clock, medians of 15 runs',
    run: runAlertsBench,
  },
  {
    name: 'control',
    about:
      'a 60-rig bulk reboot with the default pacing (5 at a time) against 60 virtual miners on loopback, through the ' +
      'job and command runners: the most rigs in their reboot cycle at once as the miners show it, beside the cap; the ' +
      "farm's clock moved a simulated second per 10 ms with its default boot times, the 10 s stagger scaled alike",
    run: runControlBench,
  },
  {
    name: 'control roundtrip',
    about:
      "one fan target change on one virtual miner through the core's dispatcher, from control.run to the job's end " +
      'on the event bus (limits, the settings backup, the write, the read-back); the virtual miner applies settings ' +
      'at once, so nothing of its own is counted; median and p95 of 30 changes',
    run: runControlRoundtripBench,
  },
  {
    name: 'ui-map',
    about:
      'the Map page with 1,000 rigs placed (20 racks of 5 × 10) in Chromium against the headless face, core not polling: ' +
      "navigation to the first frame after every placed slot is in the page showing its own rig's name (not a " +
      'placeholder drawn before the fleet is read); median of 6 runs after a cold first one ' +
      '(target ≤ 500 ms), each in a fresh browser context',
    run: runUiMapBench,
  },
  {
    name: 'ui fleet',
    about:
      'the Fleet page with the `big` farm (1,000 rigs) in Chromium against `rigdeck serve` polling every 5 s: navigation ' +
      'to the first rows (median of 5 loads, target 500 ms), and the longest main-thread task (PerformanceObserver ' +
      'longtask; 0 = none over 50 ms) during a minute of live updates (median of 3 windows, target 50 ms)',
    run: runUiFleetBench,
  },
  {
    name: 'advice',
    about:
      'the built-in recommendation engine over 1,000 L7s with 24 h of history in SQLite: inputs gathered (one bulk ' +
      'read of hourly and 5-minute averages and chain chips) and every rule run; median of 20 after 3 of warm-up ' +
      '(budget 200 ms)',
    run: runAdviceBench,
  },
];

const RESULTS = join(import.meta.dirname, 'results');

async function main() {
  const only = process.argv.slice(2);
  execSync('npx vite build --logLevel warn', { stdio: 'inherit', cwd: join(import.meta.dirname, '..') });
  const metrics: Record<string, number> = {};
  const sections: string[] = [];
  for (const suite of suites) {
    if (only.length > 0 && !only.some((o) => suite.name.includes(o))) continue;
    console.log(`bench: ${suite.name} …`);
    const result = await suite.run();
    Object.assign(metrics, result);
    const rows = Object.entries(result).map(([k, v]) => `| \`${k}\` | ${v} |`);
    sections.push(
      `## ${suite.name}\n\n${suite.about}\n\n| metric | median |\n|---|---|\n${rows.join('\n')}\n`,
    );
  }
  const date = new Date().toISOString().slice(0, 10);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const partial = only.length > 0;
  const report = [
    `# RigDeck benchmarks, ${date}${partial ? ` (suites matching: ${only.join(', ')})` : ''}`,
    '',
    `Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}.`,
    'All traffic on loopback. Numbers are medians of several runs; the machine is shared and noisy, so compare',
    'trends across reports rather than single digits.',
    '',
    ...sections,
  ].join('\n');
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, partial ? `${date}-${only.join('-')}.md` : `${date}.md`), `${report}\n`);
  // Merged, so a partial run and the figures `npm run fuzz` and `npm run soak` wrote stay beside these.
  mergeLatest(metrics);
  console.log(report);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
