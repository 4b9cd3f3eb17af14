/**
 * The transport alone, in a process of its own (forked by bench/collector-transport.ts): from "poll this rig" to
 * a parsed JSON body in hand, through the real Vnish transport (client.ts → http.ts → connections.ts → reply.ts)
 * and nothing after it. Each round polls every rig once at the collector's concurrency; fresh rounds (every poll
 * on a new connection, as at a 15 s interval: the agent's idle timeout is short and the round waits for its
 * connections to close, so the close is paid inside the round as the product pays it) alternate with kept-alive
 * ones. Reports process CPU (user and system apart) per poll for each round.
 */
import { createMinerAgent, type MinerAgent } from '../electron/miners/vnish/connections';
import { createVnishTransport, type VnishTransport } from '../electron/miners/vnish/client';

export type TransportRequest = {
  rigs: { ip: string; port: number }[];
  rounds: number;
  warmRounds: number;
  concurrency: number;
  /** Paced rounds: how many, and the gap between two polls. */
  pacedRounds: number;
  pacedGapMs: number;
  /** Grid rounds: how many, polls started together per grid point, and the grid step. */
  gridRounds: number;
  gridBatch: number;
  gridStepMs: number;
};
export type TransportRound = { userUsPerPoll: number; systemUsPerPoll: number };
export type TransportReport = {
  fresh: TransportRound[];
  warm: TransportRound[];
  paced: TransportRound[];
  grid: TransportRound[];
  /** Grid rounds whose every poll finds its connection kept from the last (BENCH ONLY: see measureGridKept). */
  gridKept: TransportRound[];
};

const IDLE_MS = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each rig once, `concurrency` at a time, each poll with an AbortSignal as the collector gives one. */
async function pollAll(clients: VnishTransport[], concurrency: number): Promise<number> {
  let next = 0;
  let ok = 0;
  const worker = async (): Promise<void> => {
    while (next < clients.length) {
      const c = clients[next++];
      if (c === undefined) return;
      const v = await c.get('/summary', 'optional', (value) => value, {
        signal: new AbortController().signal,
      });
      if (v !== null) ok++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ok;
}

/** One poll every `gapMs`, as the product spreads them over the interval (each start is a wake-up of its own). */
async function pollPaced(clients: VnishTransport[], gapMs: number): Promise<number> {
  const all: Promise<unknown>[] = [];
  for (const c of clients) {
    await sleep(gapMs);
    all.push(c.get('/summary', 'optional', (value) => value, { signal: new AbortController().signal }));
  }
  return (await Promise.all(all)).length;
}

/**
 * As the product polls (collector/cadence.ts): `batch` polls started together on each grid point, `stepMs` apart,
 * on the agent's own idle timeout, so idle connections close as they do in the product, from the agent's sweep
 * (or at once, whatever the agent decides) while later batches run.
 */
async function pollGrid(clients: VnishTransport[], batch: number, stepMs: number): Promise<number> {
  const all: Promise<unknown>[] = [];
  for (let i = 0; i < clients.length; i += batch) {
    if (i > 0) await sleep(stepMs);
    for (const c of clients.slice(i, i + batch)) {
      all.push(c.get('/summary', 'optional', (value) => value, { signal: new AbortController().signal }));
    }
  }
  return (await Promise.all(all)).length;
}

type Side = { agent: MinerAgent; clients: VnishTransport[]; fresh: boolean };

function side(req: TransportRequest, fresh: boolean): Side {
  // Fresh: a short idle timeout, and the round waits for every idle connection to close (inside the measure).
  const agent = createMinerAgent(fresh ? { idleTimeoutMs: IDLE_MS, maxIdleTimeoutMs: IDLE_MS } : {});
  const tokens = new Map<string, string>();
  const clients = req.rigs.map((r) => createVnishTransport({ host: r.ip, port: r.port, agent, tokens }));
  return { agent, clients, fresh };
}

async function measure(s: Side, concurrency: number, pacedGapMs = 0): Promise<TransportRound> {
  const cpu0 = process.cpuUsage();
  const polls =
    pacedGapMs > 0 ? await pollPaced(s.clients, pacedGapMs) : await pollAll(s.clients, concurrency);
  if (s.fresh) while (s.agent.openCount() > 0) await sleep(IDLE_MS / 3);
  return perPoll(process.cpuUsage(cpu0), polls, s.clients.length);
}

function perPoll(cpu: NodeJS.CpuUsage, polls: number, of: number): TransportRound {
  if (polls !== of) throw new Error(`a round answered ${polls} of ${of}`);
  return { userUsPerPoll: cpu.user / polls, systemUsPerPoll: cpu.system / polls };
}

/** A grid round on the product's own agent (kept from round to round, as the collector keeps it). */
async function measureGrid(s: Side, req: TransportRequest): Promise<TransportRound> {
  const cpu0 = process.cpuUsage();
  const polls = await pollGrid(s.clients, req.gridBatch, req.gridStepMs);
  // The round ends when the last connection is closed, however the agent closes it (the sweep or at once).
  while (s.agent.openCount() > 0) await sleep(100);
  return perPoll(process.cpuUsage(cpu0), polls, s.clients.length);
}

/**
 * BENCH ONLY, not what the product pays on the virtual farm: what kept connections would save on firmware that
 * keeps idle ones longer than the poll interval. The farm keeps them 5 s (its fidelity is not bent for this), so
 * the same grid cadence runs over half the rigs, each round right after the last: every rig is polled again within
 * the farm's timeout and its connection is reused (no connect, no close).
 */
async function measureGridKept(s: Side, req: TransportRequest): Promise<TransportRound> {
  const half = s.clients.slice(0, Math.ceil(s.clients.length / 2));
  const cpu0 = process.cpuUsage();
  const polls = await pollGrid(half, req.gridBatch, req.gridStepMs);
  return perPoll(process.cpuUsage(cpu0), polls, half.length);
}

async function run(req: TransportRequest): Promise<TransportReport> {
  const fresh = side(req, true);
  const warm = side(req, false);
  const report: TransportReport = { fresh: [], warm: [], paced: [], grid: [], gridKept: [] };
  try {
    for (let i = 0; i < req.warmRounds + req.rounds; i++) {
      // Alternating which goes first, so neither always runs right after the other's garbage.
      const order = i % 2 === 0 ? [fresh, warm] : [warm, fresh];
      for (const s of order) {
        const r = await measure(s, req.concurrency);
        if (i >= req.warmRounds) (s.fresh ? report.fresh : report.warm).push(r);
      }
    }
    for (let i = 0; i < req.pacedRounds; i++) report.paced.push(await measure(fresh, 0, req.pacedGapMs));
    if (req.gridRounds > 0) {
      const grid = side(req, false);
      try {
        // One unmeasured round first: the agent learns what the miners keep, as the product's does.
        for (let i = 0; i <= req.gridRounds; i++) {
          const r = await measureGrid(grid, req);
          if (i > 0) report.grid.push(r);
        }
      } finally {
        grid.agent.destroy();
      }
      const kept = side(req, false);
      try {
        for (let i = 0; i <= req.gridRounds; i++) {
          const r = await measureGridKept(kept, req);
          if (i > 0) report.gridKept.push(r);
        }
      } finally {
        kept.agent.destroy();
      }
    }
    return report;
  } finally {
    fresh.agent.destroy();
    warm.agent.destroy();
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
