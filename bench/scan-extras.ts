/**
 * Child process of bench/scan.ts, run inside its network namespace while farm-serve.ts serves the /24:
 * the IP Report latency (datagram sent → device identified) and a /16 of refused addresses (how long,
 * and the process's peak memory). Prints one JSON line.
 *
 * argv[2]: JSON { ipReportRuns: number, sixteenRuns: number }
 */
import { createSocket } from 'node:dgram';

import { createDiscovery } from '../electron/discovery/service';

type Request = { ipReportRuns: number; sixteenRuns: number };

function send(payload: string, port: number, from: string): Promise<void> {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    // Each report from its own address, like real miners: the listener rate-limits per sender.
    socket.bind(0, from, () =>
      socket.send(payload, port, '127.0.0.1', (e) => {
        socket.close();
        if (e) reject(e);
        else resolve();
      }),
    );
  });
}

async function ipReportMs(runs: number): Promise<number[]> {
  const discovery = createDiscovery();
  const waiting = new Map<string, () => void>();
  const listener = await discovery.startIpReport((d) => waiting.get(d.ip)?.(), {
    port: 0,
    address: '127.0.0.1',
  });
  const out: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ip = `127.0.1.${i + 1}`;
      const seen = new Promise<void>((resolve) => waiting.set(ip, resolve));
      const started = performance.now();
      await send(`${ip},02:C0:4B:00:00:0${i}`, listener.port, `127.0.3.${i + 1}`);
      await seen;
      out.push(performance.now() - started);
    }
  } finally {
    await discovery.close();
  }
  return out;
}

async function sixteen(runs: number): Promise<{ ms: number[]; found: number[] }> {
  const discovery = createDiscovery();
  const ms: number[] = [];
  const found: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    // Nothing listens in 127.8.0.0/16 inside the namespace: 131,068 connects, all refused.
    const summary = await discovery.scan('127.8.0.0/16', {}, () => undefined).done;
    ms.push(performance.now() - started);
    found.push(summary.found);
  }
  return { ms, found };
}

async function main(): Promise<void> {
  const req = JSON.parse(process.argv[2] ?? '{}') as Request;
  const ipReport = await ipReportMs(req.ipReportRuns);
  const s16 = await sixteen(req.sixteenRuns);
  // maxRSS covers the whole life of this process: the /16 scans are what could have grown it.
  console.log(JSON.stringify({ ipReport, sixteen: s16, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
