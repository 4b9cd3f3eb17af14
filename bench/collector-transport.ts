/**
 * The miner transport alone (issue 16): process CPU per poll from "poll this rig" to a parsed JSON body in hand,
 * through the real Vnish client (client.ts → http.ts → connections.ts → reply-parser.ts → reply.ts), in a child
 * process of its own against a farm in this one. Fresh connections (as at a 15 s interval: the miners close idle
 * sockets after ~5 s, and the agent then closes each at once) and kept-alive ones alternate round by round, so both see the same
 * machine; user and system CPU are kept apart (a loopback connection's kernel work is charged to the process
 * that makes it). Medians over rounds of every rig polled once at the collector's concurrency; then rounds paced
 * one poll every 10 ms (how the product spread its polls before the grid), where wake-ups, not work, decide the
 * cost; then rounds on the product's grid (17 polls together every 250 ms) on one agent kept from round to
 * round, closes included, as the product polls now. The fresh rounds' agent keeps nothing past 150 ms.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';

import { type Farm } from '../sim/index';
import { type TransportReport, type TransportRequest } from './collector-transport-child';
import { startBenchFarm } from './lib/bench-farm';
import { median, round } from './lib/stats';

const MINERS = 300;
const ROUNDS = 24;
const WARM_ROUNDS = 4;
const CONCURRENCY = 64;
// 1,000 rigs over a 15 s interval is one poll every 15 ms.
const PACED_ROUNDS = 6;
const PACED_GAP_MS = 10;
// The product's grid (collector/cadence.ts): 1,000 rigs over 15 s in 250 ms steps is ~17 polls per step.
const GRID_ROUNDS = 6;
const GRID_BATCH = 17;
const GRID_STEP_MS = 250;
// Away from the addresses the other benches and the farm CLI default to.
const BASE_IP = '127.0.97.1';
const FALLBACK_BASE_PORT = 27_000;

const farm = (): Promise<Farm> => startBenchFarm(MINERS, BASE_IP, FALLBACK_BASE_PORT);

function runChild(req: TransportRequest): Promise<TransportReport> {
  return new Promise((resolve, reject) => {
    const child = fork(join(import.meta.dirname, 'collector-transport-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: TransportReport | null = null;
    child.once('message', (m: TransportReport) => {
      report = m;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (report !== null) resolve(report);
      else reject(new Error(`transport bench child exited with ${String(code)} and no report`));
    });
    child.send(req);
  });
}

export async function runTransportBench(): Promise<Record<string, number>> {
  const f = await farm();
  try {
    await f.advance(180); // power-on → mining: full summaries with chains, fans and pools
    const rigs = f.rigs.map((r) => ({ ip: r.ip, port: r.httpPort }));
    const r = await runChild({
      rigs,
      rounds: ROUNDS,
      warmRounds: WARM_ROUNDS,
      concurrency: CONCURRENCY,
      pacedRounds: PACED_ROUNDS,
      pacedGapMs: PACED_GAP_MS,
      gridRounds: GRID_ROUNDS,
      gridBatch: GRID_BATCH,
      gridStepMs: GRID_STEP_MS,
    });
    const of = (
      kind: 'fresh' | 'warm' | 'paced' | 'grid' | 'gridKept',
      f: (x: TransportReport['fresh'][number]) => number,
    ): number => round(median(r[kind].map(f)), 1);
    return {
      transport_miners: rigs.length,
      transport_cpu_per_poll_fresh_us: of('fresh', (x) => x.userUsPerPoll + x.systemUsPerPoll),
      transport_sys_per_poll_fresh_us: of('fresh', (x) => x.systemUsPerPoll),
      transport_cpu_per_poll_warm_us: of('warm', (x) => x.userUsPerPoll + x.systemUsPerPoll),
      transport_sys_per_poll_warm_us: of('warm', (x) => x.systemUsPerPoll),
      // Spread out as the product polls (one every 10 ms, fresh connections): each poll's connect and reply are
      // wake-ups of their own, so this is several times the burst figure; the pacing timer is counted too.
      transport_cpu_per_poll_paced_us: of('paced', (x) => x.userUsPerPoll + x.systemUsPerPoll),
      // As the product polls: ~17 polls together every 250 ms on the agent's own idle timeout, the closes included.
      transport_cpu_per_poll_grid_us: of('grid', (x) => x.userUsPerPoll + x.systemUsPerPoll),
      transport_sys_per_poll_grid_us: of('grid', (x) => x.systemUsPerPoll),
      // BENCH ONLY, not the product on the farm: the grid cadence with every connection kept from the last poll, as
      // on firmware that keeps idle connections longer than the poll interval (the farm keeps them 5 s, and stays so).
      transport_cpu_per_poll_grid_kept_us: of('gridKept', (x) => x.userUsPerPoll + x.systemUsPerPoll),
    };
  } finally {
    await f.stop();
  }
}
