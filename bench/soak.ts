/**
 * `npm run soak -- [--minutes N] [--miners N] [--interval S]`: the virtual farm's `big` scenario against the real
 * headless server (a child process, its own data directory), for N minutes, with faults: 5 % of the rigs
 * flapping offline/online, a ProHashing outage (its REST answers an HTML page, as behind a failing CDN), and
 * one registered miner that turns to answering garbage. Reports poll times p50/p99 (one rig's poll, start to
 * settle, from the server's --stats-file), RSS and heap at start and end, alerts raised beside faults injected
 * (alerts.list over the contract), and rows lost (samples the collector kept beside rig_samples rows in the
 * SQLite file).
 * Writes bench/results/soak-<date>.md and merges soak_* into latest.json. Stops by itself.
 *
 * `npm run soak -- --kill9 N`: N SIGKILLs at random moments of ingest instead (bench/soak/kill9.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';

import { type StatsLine } from '../electron/cli/stats-file';
import { DB_FILE } from '../electron/store/db';
import { startFarm } from '../sim/index';
import { mergeLatest, RESULTS_DIR, today } from './lib/latest';
import { percentile, round } from './lib/stats';
import { connectContract } from './soak/contract-client';
import { scaledBig, sleep, startServe, stopServe } from './soak/farm-run';
import { startGarbageMiner } from './soak/garbage-miner';
import { runKill9 } from './soak/kill9';

const ROOT = join(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '60' },
    miners: { type: 'string', default: '1000' },
    interval: { type: 'string', default: '15' },
    'base-ip': { type: 'string', default: '127.77.0.1' },
    kill9: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${text}"`);
  return n;
}

async function soak(): Promise<void> {
  const minutes = positive('minutes', values.minutes);
  const miners = Math.round(positive('miners', values.miners));
  const intervalSec = Math.round(positive('interval', values.interval));
  const runMs = minutes * 60_000;

  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    execSync('npx vite build --logLevel warn', { stdio: 'inherit', cwd: ROOT });
  }
  const farm = await startFarm({ scenario: scaledBig(miners), baseIp: values['base-ip'], servicePort: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'rigdeck-soak-'));
  const statsFile = join(dataDir, 'stats.jsonl');
  const served = await startServe(dataDir, statsFile);
  console.log(
    `soak: ${farm.rigs.length} miners (${farm.addressingMode}), server on port ${served.port}, data ${dataDir}`,
  );
  const client = await connectContract(served.port);
  const must = async (method: string, params?: unknown) => {
    const r = await client.call(method, params, 15 * 60_000);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };

  // Set up as a technician would: the pool account, the poll interval, then every miner's address.
  const ph = farm.prohashing;
  await must('settings.update', {
    pollIntervalSec: intervalSec,
    ...(ph ? { pool: { accountName: ph.account, restUrl: `${ph.url}/api/v1`, wsUrl: ph.wsUrl } } : {}),
  });
  if (ph) await must('pool.configure', { apiKey: ph.apiKey });
  const honest = farm.rigs[farm.rigs.length - 1];
  if (!honest) throw new Error('the farm has no rigs');
  const garbage = await startGarbageMiner({ ip: honest.ip, port: honest.httpPort });
  const addresses = [
    ...farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
    { ip: '127.0.0.1', port: garbage.port },
  ];
  const t0 = Date.now();
  let registered = 0;
  for (let i = 0; i < addresses.length; i += 4096) {
    const r = (await must('fleet.add', { addresses: addresses.slice(i, i + 4096) })) as {
      added: unknown[];
      updated: unknown[];
    };
    registered += r.added.length + r.updated.length;
  }
  console.log(`soak: ${registered} rigs registered in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // Faults, on a timetable relative to the start of the run.
  const startedAt = Date.now();
  const flapping = farm.rigs.filter((_, i) => i % 20 === 7).map((r) => r.name); // 5 %
  const faults = { flaps: 0, poolOutages: 0, garbageMiners: 0 };
  const flapEveryMs = Math.max(4 * intervalSec * 1000, 60_000);
  const outageAt = startedAt + runMs * 0.4;
  const outageEnd = outageAt + Math.min(5 * 60_000, runMs * 0.25);
  const garbageAt = startedAt + runMs * 0.1;
  let flappedOff = false;
  let nextFlap = startedAt + flapEveryMs / 2;
  let outage: 'before' | 'on' | 'after' = 'before';
  // Memory is compared from here: past registration, the first cycles and JIT warm-up.
  const warmMs = Math.max(2 * intervalSec * 1000, runMs * 0.1);
  let warmLine = -1;
  while (Date.now() - startedAt < runMs) {
    const now = Date.now();
    if (warmLine < 0 && now - startedAt >= warmMs) warmLine = statsLines(statsFile).length - 1;
    if (now >= garbageAt && faults.garbageMiners === 0) {
      garbage.turn();
      faults.garbageMiners = 1;
      console.log('soak: the garbage miner turned');
    }
    if (now >= nextFlap) {
      for (const name of flapping) {
        if (flappedOff) farm.clearFault(name, 'offline');
        else farm.applyFault(name, { kind: 'offline' });
      }
      if (!flappedOff) faults.flaps += flapping.length;
      flappedOff = !flappedOff;
      nextFlap = now + flapEveryMs;
    }
    if (outage === 'before' && now >= outageAt) {
      farm.setProHashingQuirks({ html: true });
      faults.poolOutages = 1;
      outage = 'on';
      console.log('soak: ProHashing outage begins');
    } else if (outage === 'on' && now >= outageEnd) {
      farm.setProHashingQuirks({ html: false });
      outage = 'after';
      console.log('soak: ProHashing outage ends');
    }
    await sleep(1000);
  }

  const alerts = await client.call('alerts.list', { scope: 'all', limit: 5000 });
  client.close();
  const exitCode = await stopServe(served);
  await garbage.close();
  await farm.stop();

  const lines = statsLines(statsFile);
  const rows = readRows(join(dataDir, DB_FILE));
  const polls = lines.flatMap((l) => l.pollMs);
  const answered = lines.reduce((n, l) => n + l.answered, 0);
  const expected = lines.reduce((n, l) => n + l.sampled - l.replaced, 0);
  const first = lines[Math.max(0, warmLine)];
  const last = lines[lines.length - 1];
  if (!first || !last || polls.length === 0) throw new Error('the server wrote no stats');
  const mb = (b: number) => round(b / 2 ** 20, 1);
  const rssGrowth = round(((last.rssBytes - first.rssBytes) / first.rssBytes) * 100, 1);
  const heapGrowth = round(((last.heapUsedBytes - first.heapUsedBytes) / first.heapUsedBytes) * 100, 1);
  const lost = Math.max(0, expected - rows.samples);
  // Polls running at once, sampled every 5 s: at the collector's concurrency limit it cannot take more work.
  const inFlightMax = Math.max(...lines.map((l) => l.scheduler.inFlight));
  const alertFigures = alerts.ok
    ? summarizeAlerts(alerts.value)
    : { text: `unavailable (${alerts.error.code}: ${alerts.error.message})`, count: null };

  const metrics: Record<string, number> = {
    soak_minutes: minutes,
    soak_miners: farm.rigs.length,
    soak_cycle_p50_ms: percentile(polls, 50),
    soak_cycle_p99_ms: percentile(polls, 99),
    soak_poll_interval_ms: intervalSec * 1000,
    soak_in_flight_max: inFlightMax,
    soak_rss_start_mb: mb(first.rssBytes),
    soak_rss_end_mb: mb(last.rssBytes),
    soak_rss_growth_pct: rssGrowth,
    soak_heap_start_mb: mb(first.heapUsedBytes),
    soak_heap_end_mb: mb(last.heapUsedBytes),
    soak_rows_expected: expected,
    soak_rows_stored: rows.samples,
    soak_rows_lost: lost,
    soak_faults_injected: faults.flaps + faults.poolOutages + faults.garbageMiners,
    ...(alertFigures.count !== null ? { soak_alerts_raised: alertFigures.count } : {}),
  };
  mergeLatest(metrics);
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const report = [
    `# RigDeck soak, ${today()}`,
    '',
    `${farm.rigs.length} virtual miners (the \`big\` scenario scaled) + 1 garbage miner, ${minutes} min, poll interval ${intervalSec} s,`,
    `against \`npm run rigdeck -- serve\` in a child process (exit code ${exitCode}).`,
    '',
    '| figure | value | target |',
    '|---|---|---|',
    `| poll time p50 / p99 (one rig, start to settle) | ${percentile(polls, 50)} / ${percentile(polls, 99)} ms over ${polls.length} polls | p99 ≤ ${intervalSec * 1000} ms: ${verdict(percentile(polls, 99) <= intervalSec * 1000)} |`,
    `| polls in flight at once (max of 5 s samples) | ${inFlightMax} | |`,
    `| RSS start → end | ${mb(first.rssBytes)} → ${mb(last.rssBytes)} MB (${rssGrowth} %) | ≤ 10 %: ${verdict(rssGrowth <= 10)} |`,
    `| heap used start → end | ${mb(first.heapUsedBytes)} → ${mb(last.heapUsedBytes)} MB (${heapGrowth} %) | |`,
    `| rig samples: kept by the collector / rows stored / lost | ${expected} / ${rows.samples} / ${lost} (${answered} polls answered; a rig polled twice in one cycle keeps one sample) | 0 lost: ${verdict(lost === 0)} |`,
    `| integrity_check | ${rows.integrity} | ok |`,
    `| faults injected | ${faults.flaps} offline flaps (${flapping.length} rigs), ${faults.poolOutages} pool outage, ${faults.garbageMiners} garbage miner | |`,
    `| alerts (scope all) | ${alertFigures.text} | |`,
    '',
    `Start figures are taken ${Math.round(warmMs / 1000)} s after registration (warm: the larger of two poll intervals and`,
    'a tenth of the run), end figures after the last cycle. "Cycle" is one rig\'s poll (every request, parse and',
    'normalize, misses and timeouts included): the scheduler spreads rigs over the interval, so a fleet-wide cycle',
    'has no single start; a collector falling behind shows as polls in flight at its concurrency limit and polls nearing the interval.',
    'The pool outage is the ProHashing fake answering every REST call with an HTML page (its `html` quirk).',
  ].join('\n');
  writeFileSync(join(RESULTS_DIR, `soak-${today()}.md`), `${report}\n`);
  console.log(report);
  if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
}

function statsLines(file: string): StatsLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as StatsLine);
}

function readRows(file: string): { samples: number; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const samples = (db.prepare('SELECT count(*) AS n FROM rig_samples').get() as { n: number }).n;
    const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
    return { samples, integrity };
  } finally {
    db.close();
  }
}

function summarizeAlerts(value: unknown): { text: string; count: number } {
  const alerts = (value as { alerts?: Array<{ code?: string }> }).alerts ?? [];
  const byCode = new Map<string, number>();
  for (const a of alerts) byCode.set(a.code ?? '?', (byCode.get(a.code ?? '?') ?? 0) + 1);
  const parts = [...byCode].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`);
  return {
    text: `${alerts.length} raised${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`,
    count: alerts.length,
  };
}

const kill9 = values.kill9;
const main = kill9 !== undefined ? () => runKill9(Math.round(positive('kill9', kill9))) : soak;
main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
