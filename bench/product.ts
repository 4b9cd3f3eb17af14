/**
 * The product as shipped, not a harness: `node dist/cli/rigdeck.js serve` (what `npm run serve` runs) in its own
 * process against the virtual farm's `big` scenario (1,000 rigs) at the default 15 s interval, set up over the
 * contract as a technician would. After a warm-up, over at least ten cycles: process CPU per rig-poll from
 * /proc/PID/stat, poll time p99, RSS. The CPU is measured with no inspector open at all (a sampling profiler costs
 * the process CPU of its own); only afterwards is the inspector opened (SIGUSR1, on the port `--inspect-port`
 * chose) and a V8 CPU profile taken over a further window, for the share of CPU by part only.
 * RIGDECK_BENCH_PROFILE=<file.cpuprofile> keeps that profile (open it in Chrome DevTools);
 * RIGDECK_BENCH_HEAP=<file.heapprofile> also samples allocation over that window and keeps it.
 * RIGDECK_BENCH_BUNDLE=<path/dist/cli/rigdeck.js> runs that bundle as built (no build first): an A/B of two
 * builds, run back to back.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type StatsLine } from '../electron/cli/stats-file';
import { startFarm } from '../sim/index';
import { startProfiler, inspectorUrl } from './lib/inspector-profile';
import { cpuByPart, parts } from './lib/profile-parts';
import { median, percentile, round } from './lib/stats';
import { connectContract } from './soak/contract-client';
import { scaledBig, sleep } from './soak/farm-run';

const ROOT = join(import.meta.dirname, '..');
const BUILT = join(ROOT, 'dist', 'cli', 'rigdeck.js');
const CLK_TCK = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/** utime + stime of a process, in ms (fields 14 and 15 of /proc/PID/stat, after the command name). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
}

const readLines = (file: string): StatsLine[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as StatsLine)
    : [];

export type ProductOptions = {
  miners?: number;
  intervalSec?: number;
  cycles?: number;
  warmCycles?: number;
  /** Cycles of the separate profiled window (shares only; its CPU is not counted). */
  profileCycles?: number;
};

/** Opens the inspector of a process started with `--inspect-port` and waits for it to say where it listens. */
async function openInspector(pid: number, stderrSoFar: () => string): Promise<string> {
  process.kill(pid, 'SIGUSR1');
  for (let i = 0; i < 100; i++) {
    const url = inspectorUrl(stderrSoFar());
    if (url !== null) return url;
    await sleep(50);
  }
  throw new Error('the server did not open its inspector on SIGUSR1');
}

export async function runProductBench(o: ProductOptions = {}): Promise<Record<string, number>> {
  const miners = o.miners ?? 1000;
  const intervalSec = o.intervalSec ?? 15;
  const cycles = o.cycles ?? 10;
  const warmCycles = o.warmCycles ?? 3;
  const profileCycles = o.profileCycles ?? 4;
  // Read at each run, not at import: an A/B script sets it between runs.
  const given = process.env.RIGDECK_BENCH_BUNDLE;
  if (given === undefined) execSync('npm run --silent build:cli', { cwd: ROOT, stdio: 'inherit' });
  const bundle = given ?? BUILT;
  const farm = await startFarm({ scenario: scaledBig(miners), baseIp: '127.79.0.1', servicePort: 0 });
  const dataDir = mkdtempSync(join(tmpdir(), 'rigdeck-product-'));
  const statsFile = join(dataDir, 'stats.jsonl');
  const args = ['--inspect-port=127.0.0.1:0', bundle, 'serve'];
  args.push('--host', '127.0.0.1', '--port', '0', '--data', dataDir, '--ip-report', 'off');
  args.push('--stats-file', statsFile);
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (!/Debugger|For help, see/.test(d.toString())) process.stderr.write(`[serve] ${d.toString()}`);
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m?.[1]) resolve(Number(m[1]));
      });
      void exited.then((code) => reject(new Error(`serve exited (${code}) before listening`)));
    });
    const client = await connectContract(port);
    const must = async (method: string, params?: unknown) => {
      const r = await client.call(method, params, 10 * 60_000);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    };
    const ph = farm.prohashing;
    await must('settings.update', {
      pollIntervalSec: intervalSec,
      ...(ph ? { pool: { accountName: ph.account, restUrl: `${ph.url}/api/v1`, wsUrl: ph.wsUrl } } : {}),
    });
    if (ph) await must('pool.configure', { apiKey: ph.apiKey });
    const addresses = farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort }));
    await must('fleet.add', { addresses });
    client.close();

    await sleep(warmCycles * intervalSec * 1000);
    const pid = child.pid ?? 0;
    const linesBefore = readLines(statsFile).length;
    const cpu0 = cpuMs(pid);
    const t0 = Date.now();
    await sleep(cycles * intervalSec * 1000);
    const cpu1 = cpuMs(pid);
    const wallMs = Date.now() - t0;
    const window = readLines(statsFile).slice(linesBefore);
    const answered = window.reduce((n, l) => n + l.answered, 0);
    const polls = window.flatMap((l) => l.pollMs);
    const last = window[window.length - 1];

    const heapFile = process.env.RIGDECK_BENCH_HEAP;
    const profiler = await startProfiler(await openInspector(pid, () => stderr), 2000, Boolean(heapFile));
    await sleep(profileCycles * intervalSec * 1000);
    const profile = await profiler.stop();
    const heap = await profiler.stopHeap();
    if (heapFile) writeFileSync(heapFile, JSON.stringify(heap));
    profiler.close();
    const keep = process.env.RIGDECK_BENCH_PROFILE;
    if (keep) writeFileSync(keep, JSON.stringify(profile));

    child.kill('SIGTERM');
    await exited;
    const byPart = cpuByPart(profile);
    const profiled = Object.values(byPart).reduce((x, y) => x + y, 0);
    const shares = Object.fromEntries(
      parts.map((p) => [
        `serve_cpu_share_${p.replace('-', '_')}_pct`,
        round((100 * byPart[p]) / profiled, 1),
      ]),
    );
    return {
      serve_miners: farm.rigs.length,
      serve_cycles_measured: round(wallMs / (intervalSec * 1000), 1),
      serve_rig_polls_measured: answered,
      serve_cpu_per_rig_poll_ms: round((cpu1 - cpu0) / Math.max(1, answered)),
      serve_cpu_per_cycle_ms: round(((cpu1 - cpu0) * intervalSec * 1000) / wallMs, 1),
      serve_cycle_p99_ms: polls.length > 0 ? percentile(polls, 99) : -1,
      serve_rss_mb: last ? round(last.rssBytes / 2 ** 20, 1) : -1,
      // One reading is at the mercy of when the last GC ran: the median over the window's cycles too.
      serve_rss_median_mb: window.length > 0 ? round(median(window.map((l) => l.rssBytes)) / 2 ** 20, 1) : -1,
      ...shares,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await farm.stop();
    if (process.env.RIGDECK_BENCH_KEEP) console.log(`kept ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}
