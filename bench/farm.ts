// Farm benchmark: 1,000 virtual miners in one process. Reports the summary throughput measured by a
// RigDeck-independent keep-alive HTTP client spread over all miners, the same endpoint under a
// standard load tool (autocannon, when installed), and the process RSS. Medians of several runs.
import { Agent, request } from 'node:http';
import { startFarm, type Farm } from '../sim/index';
import { median } from './lib/stats';
import { loadAutocannon } from './lib/autocannon';

const RUNS = 3;
const RUN_SECONDS = 5;
const CONCURRENCY = 64;

function getOnce(agent: Agent, host: string, port: number, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host, port, path, agent, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Requests per second of GET /api/v1/summary, round-robin over every miner. */
async function ownClientRps(farm: Farm, seconds: number): Promise<number> {
  const rigs = farm.rigs.filter((r) => r.kind === 'vnish');
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  let ok = 0;
  let next = 0;
  const until = Date.now() + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (Date.now() < until) {
      const r = rigs[next++ % rigs.length];
      if (!r) break;
      if (await getOnce(agent, r.ip, r.httpPort, '/api/v1/summary')) ok++;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return ok / ((Date.now() - started) / 1000);
}

export async function runFarmBench(): Promise<Record<string, number>> {
  const farm = await startFarm({
    scenario: 'big',
    speed: 1,
    services: { prohashing: true, abacus: false, control: false },
  });
  try {
    // Let the miners boot to mining so summaries carry full chains and pools.
    await new Promise((r) => setTimeout(r, 1500));
    const own: number[] = [];
    const tool: number[] = [];
    const rss: number[] = [];
    const autocannon = await loadAutocannon();
    const first = farm.rigs.find((r) => r.kind === 'vnish');
    for (let i = 0; i < RUNS; i++) {
      own.push(await ownClientRps(farm, RUN_SECONDS));
      rss.push(process.memoryUsage().rss / 1024 / 1024);
      if (autocannon && first) {
        const result = await autocannon({
          url: `${first.url}/api/v1/summary`,
          connections: CONCURRENCY,
          duration: RUN_SECONDS,
        });
        tool.push(result.requests.average);
      }
    }
    const out: Record<string, number> = {
      farm_miners: farm.rigs.length,
      farm_summary_rps: Math.round(median(own)),
      farm_rss_mb: Math.round(median(rss)),
    };
    if (tool.length > 0) out['loadtool_summary_rps'] = Math.round(median(tool));
    return out;
  } finally {
    await farm.stop();
  }
}
