/**
 * The transport alone, in a process of its own (forked by bench/collector-transport.ts): from "poll this rig" to
 * a parsed JSON body in hand, through the real Vnish transport (client.ts → http.ts → connections.ts → reply.ts)
 * and nothing after it. Each round polls every rig once at the collector's concurrency, every poll on a fresh
 * connection as at a 15 s interval: the agent's idle timeout is short and the round waits for the idle
 * connections to close before it ends, so the close is paid inside the round, as the product pays it.
 * Reports process CPU (user and system apart) per poll for each round.
 */
import { createMinerAgent } from '../electron/miners/vnish/connections';
import { createVnishTransport, type VnishTransport } from '../electron/miners/vnish/client';

export type TransportRequest = {
  rigs: { ip: string; port: number }[];
  rounds: number;
  warmRounds: number;
  concurrency: number;
  /** true: keep connections between rounds (keep-alive), for comparison. */
  keepAlive: boolean;
};
export type TransportRound = { userUsPerPoll: number; systemUsPerPoll: number; polls: number };
export type TransportReport = { rounds: TransportRound[] };

const IDLE_MS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pollAll(clients: VnishTransport[], concurrency: number): Promise<number> {
  let next = 0;
  let ok = 0;
  const worker = async (): Promise<void> => {
    while (next < clients.length) {
      const c = clients[next++];
      if (c === undefined) return;
      const v = await c.get('/summary', 'optional', (value) => value);
      if (v !== null) ok++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ok;
}

async function run(req: TransportRequest): Promise<TransportReport> {
  const agent = createMinerAgent(req.keepAlive ? {} : { idleTimeoutMs: IDLE_MS });
  const tokens = new Map<string, string>();
  const clients = req.rigs.map((r) => createVnishTransport({ host: r.ip, port: r.port, agent, tokens }));
  const rounds: TransportRound[] = [];
  try {
    for (let i = 0; i < req.warmRounds + req.rounds; i++) {
      const cpu0 = process.cpuUsage();
      const polls = await pollAll(clients, req.concurrency);
      // Fresh: wait until every idle connection has timed out and closed, inside the measured round.
      if (!req.keepAlive) while (agent.openCount() > 0) await sleep(IDLE_MS / 3);
      const cpu = process.cpuUsage(cpu0);
      if (polls !== clients.length) throw new Error(`a round answered ${polls} of ${clients.length}`);
      if (i >= req.warmRounds)
        rounds.push({ userUsPerPoll: cpu.user / polls, systemUsPerPoll: cpu.system / polls, polls });
    }
    return { rounds };
  } finally {
    agent.destroy();
  }
}

process.once('message', (req: TransportRequest) => {
  run(req).then(
    (report) => process.send?.(report, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
