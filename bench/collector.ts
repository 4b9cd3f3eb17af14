/**
 * Collector benchmark: 1,000 virtual miners (one farm process, each miner on its own 127.0.x.y address when
 * this process may bind port 80, else a port range) polled by the collector in a child process of its own,
 * built like the app and writing to a real history store. Reports the time of a whole poll cycle (cold
 * connections, as at a 15 s interval, and warm), the CPU of parse + normalize + store per rig (and of the whole
 * collector process), the poll rate beside a load tool's rate on one miner's /api/v1/summary in the same run
 * (kept-alive connections for both, and fresh ones for both), and the peak RSS of the collector process
 * running as the app runs it. Medians over several runs.
 */
import { fork } from 'node:child_process';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

import { build } from 'vite';

import pkg from '../package.json' with { type: 'json' };

import { registryRecords, type Farm } from '../sim/index';
import { type ChildReport, type ChildRequest, type CycleMeasure } from './collector-child';
import { startBenchFarm } from './lib/bench-farm';
import { median, round } from './lib/stats';
import { loadAutocannon } from './lib/autocannon';

const MINERS = 1000;
const CHILD_RUNS = 3;
const CYCLES_PER_RUN = 5;
const CONCURRENCY = 64;
// The steady run: the collector as the app runs it, at the shortest interval the settings allow (5 s, the
// busiest case), long enough for the start-up reads of every tier and a few cycles after them.
const STEADY_INTERVAL_MS = 5000;
const STEADY_RUN_MS = 15_000;
const LOADTOOL_RUNS = 3;
const LOADTOOL_SECONDS = 3;
// Away from 127.0.1.x, which the farm CLI and other benches default to.
const BASE_IP = '127.0.91.1';
const FALLBACK_BASE_PORT = 26_000;

const farmOf1000 = (): Promise<Farm> => startBenchFarm(MINERS, BASE_IP, FALLBACK_BASE_PORT);

const ROOT = join(import.meta.dirname, '..');

/**
 * Bundles the child like the app's main process is bundled (our code in, dependencies external), into dist/
 * where node_modules resolves; its memory is then the collector's, not tsx's compiler.
 */
async function buildChild(): Promise<string> {
  const external = [
    ...builtinModules,
    ...builtinModules.map((m) => `node:${m}`),
    ...Object.keys(pkg.dependencies),
  ];
  const outDir = join(ROOT, 'dist', 'bench');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      lib: {
        entry: join(ROOT, 'bench', 'collector-child.ts'),
        formats: ['es'],
        fileName: () => 'collector-child.js',
      },
      rollupOptions: { external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)) },
    },
  });
  return join(outDir, 'collector-child.js');
}

function runChild(path: string, req: ChildRequest): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(path, [], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: ChildReport | null = null;
    child.once('message', (m: ChildReport) => {
      report = m;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (report !== null) resolve(report);
      else reject(new Error(`collector bench child exited with ${String(code)} and no report`));
    });
    child.send(req);
  });
}

function check(cycles: CycleMeasure[]): void {
  const bad = cycles.find((c) => c.online !== MINERS || c.samplesWritten !== MINERS);
  if (bad)
    throw new Error(`a bench cycle saw ${bad.online} rigs online, wrote ${bad.samplesWritten} samples`);
}

const rpsOf = (cycles: CycleMeasure[]): number =>
  Math.round(median(cycles.map((c) => (MINERS * 1000) / c.ms)));

export async function runCollectorBench(): Promise<Record<string, number>> {
  const farm = await farmOf1000();
  try {
    await farm.advance(180); // power-on → mining: full summaries with chains, fans and pools
    const child = await buildChild();
    const base = {
      rigs: registryRecords(farm),
      cycles: CYCLES_PER_RUN,
      concurrency: CONCURRENCY,
      migrationsDir: join(ROOT, 'electron', 'store', 'migrations'),
      intervalMs: STEADY_INTERVAL_MS,
      runMs: STEADY_RUN_MS,
    };
    const timing: ChildReport[] = [];
    const steady: ChildReport[] = [];
    for (let i = 0; i < CHILD_RUNS; i++) {
      timing.push(await runChild(child, { ...base, mode: 'cycles' }));
      steady.push(await runChild(child, { ...base, mode: 'steady' }));
    }
    const cold = timing.flatMap((r) => r.cold);
    const warm = timing.flatMap((r) => r.warm);
    check(cold);
    check(warm);
    const unwell = steady.find((r) => r.online !== MINERS);
    if (unwell) throw new Error(`a steady run ended with ${unwell.online} of ${MINERS} rigs online`);
    const out: Record<string, number> = {
      collector_miners: MINERS,
      poll_cycle_1000_ms: round(median(cold.map((c) => c.ms)), 1),
      poll_cycle_1000_warm_ms: round(median(warm.map((c) => c.ms)), 1),
      poll_first_cycle_1000_ms: round(median(timing.map((r) => r.firstMs)), 1),
      // As the issue defines it: parse + normalize + store, no network.
      poll_cpu_per_rig_ms: round(median(timing.flatMap((r) => r.workCpuPerRigMs))),
      // The whole collector process during a cycle: HTTP client, fresh TCP connections, timers and GC too.
      poll_process_cpu_per_rig_ms: round(median(cold.map((c) => c.cpuMs / MINERS))),
      poll_process_cpu_per_rig_warm_ms: round(median(warm.map((c) => c.cpuMs / MINERS))),
      collector_loop_busy_ratio: round(median(warm.map((c) => c.loopBusy))),
      store_write_cycle_1000_ms: round(median(timing.map((r) => r.storeWriteMsPerCycle)), 2),
      // A regular poll is one request (GET /api/v1/summary), so rigs per second are requests per second.
      // poll_rps is measured as the load tool runs: over kept-alive connections. poll_rps_cold is every poll
      // on a fresh connection, as at a 15 s interval, beside the load tool sending Connection: close.
      poll_rps: rpsOf(warm),
      poll_rps_cold: rpsOf(cold),
      core_rss_1000_mb: round(median(steady.map((r) => r.peakRssMb)), 1),
      collector_heap_1000_mb: round(median(steady.map((r) => r.heapMb)), 1),
      // Process CPU over the same steady run (first reads of every tier included), beside its RSS.
      core_steady_cpu_1000_ms: Math.round(median(steady.map((r) => r.cpuMs))),
    };
    const autocannon = await loadAutocannon();
    const first = farm.rigs[0];
    if (autocannon && first) {
      const tool = async (headers: Record<string, string>): Promise<number> => {
        const rps: number[] = [];
        for (let i = 0; i < LOADTOOL_RUNS; i++) {
          // A worker thread, so the load tool does not share the farm's event loop (the collector has its own process).
          const r = await autocannon({
            url: `${first.url}/api/v1/summary`,
            connections: CONCURRENCY,
            duration: LOADTOOL_SECONDS,
            workers: 1,
            headers,
          });
          rps.push(r.requests.average);
        }
        return median(rps);
      };
      const keepAlive = await tool({});
      const fresh = await tool({ connection: 'close' });
      // farm.ts reports the canonical loadtool_summary_rps; these are measured in this run, beside the collector.
      out['collector_loadtool_summary_rps'] = Math.round(keepAlive);
      out['collector_loadtool_summary_cold_rps'] = Math.round(fresh);
      out['poll_rps_vs_loadtool'] = round((out['poll_rps'] ?? 0) / keepAlive);
      out['poll_rps_cold_vs_loadtool_cold'] = round((out['poll_rps_cold'] ?? 0) / fresh);
    }
    return out;
  } finally {
    await farm.stop();
  }
}
