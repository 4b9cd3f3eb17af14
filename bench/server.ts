/**
 * The headless face's own costs: how fast it starts, how quickly a contract call goes round the WebSocket,
 * how many calls a second one connection carries, and what a settings write costs (it hits the disk).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { WebSocket } from 'ws';

import { createNodeCore } from '../electron/headless-core';
import { startServer } from '../electron/server';
import { median, medianOf, percentile } from './lib/stats';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function runServerBench(): Promise<Record<string, number>> {
  return medianOf(5, once);
}

async function once(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rigdeck-bench-'));
  const staticDir = join(dataDir, 'www');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');

  const t0 = performance.now();
  const core = createNodeCore({ dataDir, log: quiet });
  await core.start();
  const server = await startServer({ core, host: '127.0.0.1', port: 0, staticDir, log: quiet });
  const startMs = performance.now() - t0;

  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`);
  const replies = new Map<number, () => void>();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { type: string; id?: number };
    if (msg.id !== undefined) replies.get(msg.id)?.();
  });
  await new Promise((resolve) => ws.once('open', resolve));
  let nextId = 1;
  const call = (method: string, params?: unknown) =>
    new Promise<void>((resolve) => {
      const id = nextId++;
      replies.set(id, () => {
        replies.delete(id);
        resolve();
      });
      ws.send(JSON.stringify({ type: 'call', id, method, params }));
    });

  for (let i = 0; i < 200; i++) await call('settings.get'); // warm-up: JIT, socket buffers

  const latencies: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const s = performance.now();
    await call('settings.get');
    latencies.push(performance.now() - s);
  }

  // Throughput: 64 calls in flight at once on one socket, for a fixed count.
  const total = 20_000;
  const t1 = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (sent < total) {
        sent++;
        await call('app.info');
      }
    }),
  );
  const rps = total / ((performance.now() - t1) / 1000);

  const writes: number[] = [];
  for (let i = 0; i < 100; i++) {
    const s = performance.now();
    await call('settings.update', { pollIntervalSec: 5 + (i % 100) });
    writes.push(performance.now() - s);
  }

  ws.close();
  await server.close();
  await core.stop();
  return {
    server_start_ms: startMs,
    ws_call_roundtrip_ms: median(latencies),
    ws_call_roundtrip_p99_ms: percentile(latencies, 99),
    ws_call_rps: rps,
    settings_update_ms: median(writes),
  };
}
