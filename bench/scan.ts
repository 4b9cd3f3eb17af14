/**
 * Discovery benchmark (issue 4): RigDeck's staged scan against the virtual farm, side by side with
 * `nmap -sT -p 80,4028` on the same ranges in the same run (each RigDeck run followed by an nmap run).
 * The work is not equal: nmap only connects to both ports; RigDeck's scan_N_ms also identifies every device
 * that answered (GET /api/v1/info, GET / and CGMiner RPC for other firmware). scan_N_probe_ms is RigDeck's TCP
 * stage alone, nmap's work, to show how the time splits. The scan runs in-process (discovery's service, as the
 * headless face and the CLI call it), so no process start is in scan_N_ms; nmap's start is in nmap_N_ms.
 * scan_N_cpu_ms is the scanning process's CPU per scan; scan_N_farm_cpu_ms and nmap_N_farm_cpu_ms the farm's
 * (one process for every virtual miner) over a scan and over an nmap run.
 *
 * Everything runs inside a network namespace this bench creates, in three processes: the farm
 * (tests/integration/discovery/fixtures/farm-serve.ts), the scanner and nmap (fixtures/farm-scan.ts), and
 * the extras (bench/scan-extras.ts). Layouts (tests/integration/discovery/farm-layout.ts):
 * - /24 127.0.1.0/24: 200 Vnish miners + 20 impostors on 127.0.1.1–220, the rest refuse at once.
 * - /22 127.0.4.0/22: 400 Vnish + 40 impostors on 127.0.4.1–127.0.5.186; 127.0.5.187–254 refuse;
 *   127.0.6.0/23 (510 hosts) is silent: an nft/iptables DROP inside the namespace, so connects there
 *   hear nothing, as for absent hosts on a LAN.
 * nmap runs with `-n` (no reverse DNS, so nothing leaves the namespace) and `-oG -`. On loopback nmap
 * calls every host up ("localhost-response"), so it port-scans all 510 silent hosts with its retries: about
 * 200 s per /22 run. That is why nmap_22 runs once unless RIGDECK_BENCH_NMAP22_RUNS says otherwise.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { LAYOUT_22 } from '../tests/integration/discovery/farm-layout';
import {
  collect,
  createNetns,
  dropInside,
  dropTool,
  type Netns,
  netnsUnavailable,
  ROOT,
} from '../tests/integration/discovery/netns';
import { median, round } from './lib/stats';

const RUNS = Number(process.env['RIGDECK_BENCH_SCAN_RUNS'] ?? 5);
/** `24` runs the /24 alone (no /22, no extras): a quick A/B of the scan against nmap while working on it. */
const ONLY_24 = process.env['RIGDECK_BENCH_SCAN_ONLY'] === '24';
const NMAP22_RUNS = Number(process.env['RIGDECK_BENCH_NMAP22_RUNS'] ?? 1);
const FIXTURES = join('tests', 'integration', 'discovery', 'fixtures');

type ScanLine = {
  layout: '24' | '22';
  runs: Array<{
    ms: number;
    cpuMs?: number;
    farmCpuMs?: number;
    summary: { found: number; done: number; total: number };
  }>;
  nmap: Array<{ ms: number; hostsWithOpenPorts: number; farmCpuMs?: number }>;
  probes: Array<{ ms: number; open: number }>;
};
type ExtrasLine = { ipReport: number[]; sixteen: { ms: number[]; found: number[] }; maxRssMb: number };

function hasNmap(): boolean {
  const r = spawnSync('nmap', ['--version'], { encoding: 'utf8' });
  return !r.error && r.status === 0;
}

/** Runs a node script to completion (inside `ns` when given) and returns its JSON lines. */
async function runNode(ns: Netns | null, script: string, arg: unknown): Promise<unknown[]> {
  const args = [JSON.stringify(arg)];
  const child = ns
    ? ns.node(script, args)
    : spawn(process.execPath, ['--import', 'tsx', script, ...args], {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
  child.stdin?.end();
  const out = collect(child);
  const code = await out.exited;
  if (code !== 0) throw new Error(`${script} exited with ${code}: ${out.stderr()}`);
  return out.lines;
}

/** Starts the farms and resolves once they listen; closing stdin stops them. */
async function serveFarms(ns: Netns | null, layouts: string[]): Promise<ChildProcess> {
  const script = join(FIXTURES, 'farm-serve.ts');
  const args = [JSON.stringify(layouts)];
  const child = ns
    ? ns.node(script, args)
    : spawn(process.execPath, ['--import', 'tsx', script, ...args], {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
  const out = collect(child);
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.lines.length > 0) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
    void out.exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`farm-serve exited with ${code}: ${out.stderr()}`));
    });
  });
  return child;
}

function scanMetrics(lines: unknown[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of lines as ScanLine[]) {
    const n = line.layout;
    out[`scan_${n}_ms`] = round(median(line.runs.map((r) => r.ms)));
    out[`scan_${n}_found`] = median(line.runs.map((r) => r.summary.found));
    // The scanning process's own CPU (user + system) per scan: what the scan costs the technician's machine.
    out[`scan_${n}_cpu_ms`] = round(median(line.runs.map((r) => r.cpuMs ?? 0)));
    // The farm's CPU over each run (10 ms ticks): it serves every virtual miner from one process, so on a
    // small machine its work for the scan's requests bounds scan_N_ms (a real LAN's miners answer in parallel).
    const farm = line.runs.flatMap((r) => (r.farmCpuMs === undefined ? [] : [r.farmCpuMs]));
    if (farm.length > 0) out[`scan_${n}_farm_cpu_ms`] = round(median(farm));
    const nmapFarm = line.nmap.flatMap((r) => (r.farmCpuMs === undefined ? [] : [r.farmCpuMs]));
    if (nmapFarm.length > 0) out[`nmap_${n}_farm_cpu_ms`] = round(median(nmapFarm));
    if (line.probes.length > 0) {
      // RigDeck's TCP stage alone: what nmap -sT does. scan_N_ms also identifies every device over HTTP/RPC.
      out[`scan_${n}_probe_ms`] = round(median(line.probes.map((r) => r.ms)));
      out[`scan_${n}_probe_open`] = median(line.probes.map((r) => r.open));
    }
    if (line.nmap.length > 0) {
      out[`nmap_${n}_ms`] = round(median(line.nmap.map((r) => r.ms)));
      out[`nmap_${n}_hosts_open`] = median(line.nmap.map((r) => r.hostsWithOpenPorts));
    }
  }
  return out;
}

export async function runScanBench(): Promise<Record<string, number>> {
  if (process.getuid?.() !== 0) {
    console.warn('scan bench: skipped (the farm binds 127.0.x.y:80 and the namespaces need root)');
    return {};
  }
  const why =
    netnsUnavailable() ??
    (dropTool() === null ? 'neither nft nor iptables (apt-get install -y nftables)' : null);
  if (why)
    console.warn(`scan bench: no network namespace (${why}): /22 skipped, /24 runs on the host loopback`);
  const nmap = hasNmap();
  if (!nmap)
    console.warn(
      'scan bench: nmap is not installed (apt-get install -y nmap): nmap_24_ms and nmap_22_ms skipped',
    );
  const layouts = why || ONLY_24 ? ['24'] : ['24', '22'];
  const ns = why ? null : createNetns(`rdbench-${process.pid}`);
  let farm: ChildProcess | null = null;
  try {
    if (ns) dropInside(ns, LAYOUT_22.silent);
    farm = await serveFarms(ns, layouts);
    // The virtual farm is a Node process whose HTTP handlers run cold at first (JIT), which a real miner
    // does not: one untimed scan from a throwaway process warms the farm, and only the farm. RigDeck's
    // measured process below still starts cold, as a technician's first scan does.
    await runNode(ns, join(FIXTURES, 'farm-scan.ts'), {
      layouts,
      runs: 1,
      devices: false,
      startFarms: false,
    });
    const scan = await runNode(ns, join(FIXTURES, 'farm-scan.ts'), {
      layouts,
      ...(farm.pid !== undefined ? { farmPid: farm.pid } : {}),
      runs: RUNS,
      nmapRuns: nmap ? { '24': RUNS, '22': NMAP22_RUNS } : {},
      probeRuns: RUNS,
      devices: false,
      startFarms: false,
    });
    const metrics = scanMetrics(scan);
    if (ns && !ONLY_24) {
      const [extras] = (await runNode(ns, join('bench', 'scan-extras.ts'), {
        ipReportRuns: RUNS,
        sixteenRuns: 3,
      })) as ExtrasLine[];
      if (extras) {
        metrics['ip_report_ms'] = round(median(extras.ipReport));
        metrics['scan_16_refused_ms'] = round(median(extras.sixteen.ms));
        metrics['scan_16_max_rss_mb'] = round(extras.maxRssMb, 1);
      }
    }
    return metrics;
  } finally {
    farm?.stdin?.end();
    if (farm) await new Promise((resolve) => farm?.once('close', resolve));
    ns?.destroy();
  }
}

// `npx tsx bench/scan.ts` runs this suite alone.
if (process.argv[1] === import.meta.filename) {
  runScanBench().then(
    (m) => console.log(JSON.stringify(m, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
