// @vitest-environment node
// A miner whose web API is broken (issue 13, point 6), against scripted servers on 127.0.0.1 and a real
// collector: REST failing with RPC answering is a degraded read naming both (problem and lastError); RPC
// answering nonsense ("GHS 5s":"oops") after REST failed is a failed read carrying both errors; an HTML page or
// a huge body instead of /summary is a failed read, never "online with empty figures". And a reading that
// cannot be physical (negative hashrate) is kept out of the view and history, and named.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createCollector } from '../../../electron/collector/collector';
import { type RigLive } from '../../../shared/telemetry';
import { fakeHistory } from '../collector/farm-fleet';
import { rigRecord } from '../../unit/electron/collector/fixtures';
import { manualClock } from '../../unit/electron/pool/manual-clock';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function listenOn(server: HttpServer | Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** An HTTP server answering every request with one status, content type and body. */
async function web(status: number, type: string, body: string | Buffer): Promise<number> {
  const server = createHttpServer((_req, res) => {
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
  closers.push(() => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))));
  return listenOn(server);
}

/** A cgminer RPC server: the reply per command, NUL-terminated, then close. */
async function rpc(replies: Record<string, unknown>): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    let buf = '';
    socket.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      let command: string;
      try {
        command = (JSON.parse(buf) as { command: string }).command;
      } catch {
        return;
      }
      const reply = replies[command] ?? { STATUS: [{ STATUS: 'E', Code: 14, Msg: 'Invalid command' }] };
      socket.end(`${JSON.stringify(reply)}\u0000`);
    });
  });
  closers.push(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });
  return listenOn(server);
}

const ok = (what: string) => [{ STATUS: 'S', When: 1, Code: 11, Msg: what, Description: 'cgminer 4.9' }];

async function pollRig(httpPort: number, rpcPort: number | null, history = fakeHistory()): Promise<RigLive> {
  const clock = manualClock();
  const collector = createCollector({
    clock,
    history,
    passwordFor: () => 'admin',
    overrides: { timeoutMs: 2000 },
  });
  closers.push(() => collector.stop());
  collector.setRigs([rigRecord('r', { httpPort, rpcPort, firmware: 'Vnish' })]);
  await collector.pollOnce();
  const live = collector.live()[0];
  if (!live) throw new Error('no live view');
  return live;
}

describe('a miner replying figures that cannot be physical (issue 13, point 5)', () => {
  it('keeps negative hashrate out of the view, the totals and history, and names it', async () => {
    const httpPort = await web(500, 'text/plain', 'Internal Server Error');
    const rpcPort = await rpc({
      summary: { STATUS: ok('Summary'), SUMMARY: [{ Elapsed: 3600, 'GHS 5s': -0.89, 'GHS av': -0.89 }] },
    });
    const history = fakeHistory();
    const live = await pollRig(httpPort, rpcPort, history);
    expect(live.hashrateMhs).toBeNull();
    const implausible = live.problems.find((p) => p.code === 'implausible-reading');
    expect(implausible?.text).toContain('hashrate -890 MH/s');
    const samples = history.batches.flatMap((b) => b.samples);
    expect(samples.map((x) => x.hashrateMhs)).toEqual([null]);
  });
});

describe('a miner whose web API is broken', () => {
  it('REST failing and RPC answering: degraded, with both errors in the problem and lastError', async () => {
    const httpPort = await web(500, 'text/plain', 'Internal Server Error');
    const rpcPort = await rpc({
      summary: {
        STATUS: ok('Summary'),
        SUMMARY: [{ Elapsed: 3600, 'GHS 5s': 9.4, 'GHS av': 9.4, Accepted: 10 }],
      },
    });
    const live = await pollRig(httpPort, rpcPort);
    expect(live.liveness).not.toBe('offline');
    expect(live.hashrateMhs).toBeGreaterThan(0);
    const degraded = live.problems.find((p) => p.code === 'degraded-read');
    expect(degraded?.text).toMatch(/REST: .*500.*; RPC answered/);
    expect(live.lastError).toMatch(/REST: .*500.*; RPC answered/);
    expect(live.health).toBe('warning');
  });

  it('REST failing and RPC answering nonsense: a failed read that keeps both errors', async () => {
    const httpPort = await web(500, 'text/plain', 'Internal Server Error');
    const rpcPort = await rpc({ summary: { STATUS: ok('Summary'), SUMMARY: [{ 'GHS 5s': 'oops' }] } });
    const live = await pollRig(httpPort, rpcPort);
    expect(live.takenAtMs).toBeNull();
    expect(live.hashrateMhs).toBeNull();
    expect(live.lastError).toMatch(/500.*; RPC: .*no usable figures/);
  });

  it('an HTML page instead of /summary is a failed read, not online with empty figures', async () => {
    const httpPort = await web(200, 'text/html', '<html><body>Welcome to nginx</body></html>');
    const rpcPort = await rpc({ summary: { STATUS: ok('Summary'), SUMMARY: [{ 'GHS 5s': 'oops' }] } });
    const live = await pollRig(httpPort, rpcPort);
    expect(live.takenAtMs).toBeNull();
    expect(live.lastError).toMatch(/RPC: .*no usable figures/);
  });

  it('a 20 MB body instead of /summary is a failed read', async () => {
    const httpPort = await web(200, 'application/json', Buffer.alloc(20 * 1024 * 1024, 0x20));
    const rpcPort = await rpc({ summary: { STATUS: ok('Summary'), SUMMARY: [{ 'GHS 5s': 'oops' }] } });
    const live = await pollRig(httpPort, rpcPort);
    expect(live.takenAtMs).toBeNull();
    expect(live.lastError).toMatch(/RPC: .*no usable figures/);
  });

  it('an empty JSON object for /summary is a failed read', async () => {
    const httpPort = await web(200, 'application/json', '{}');
    const live = await pollRig(httpPort, null);
    expect(live.takenAtMs).toBeNull();
    expect(live.lastError).toMatch(/no usable figures/);
  });
});
