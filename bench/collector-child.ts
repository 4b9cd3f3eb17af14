/**
 * The collector in a process of its own (bundled and forked by bench/collector.ts, so it runs as built code,
 * like the app, not through tsx), so its CPU and memory are measured apart from the virtual farm's. It writes
 * to a real history store in a temporary directory.
 *
 * - `cycles`: polls the fleet once to warm up (every tier) and twice more untimed (so the JIT is warm for
 *   both kinds), then times pairs of whole cycles: one with fresh connections (as a 15 s interval has them: the
 *   miners close idle sockets after ~5 s), then one over the connections it left (keep-alive, as a load tool
 *   runs); then the collector's own work on captured replies without the network.
 * - `steady`: runs the collector as the app does (start(), polls spread over the interval) and samples RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Collector, createCollector } from '../electron/collector/collector';
import { createMinerAgent } from '../electron/miners/vnish/http';
import { openDb } from '../electron/store/db';
import { createHistoryStore } from '../electron/store/history';
import { type CycleBatch } from '../electron/store/history-types';
import { type RigRecord } from '../shared/fleet';
import { captureSummaries, workCpuPerRig } from './collector-work';

export type ChildRequest = {
  mode: 'cycles' | 'steady';
  rigs: RigRecord[];
  cycles: number;
  concurrency: number;
  migrationsDir: string;
  /** steady: the poll interval and how long to run. */
  intervalMs: number;
  runMs: number;
};
export type CycleMeasure = {
  ms: number;
  cpuMs: number;
  /** How busy the collector's event loop was during the cycle (0–1): near 1 means the collector is the limit. */
  loopBusy: number;
  online: number;
  samplesWritten: number;
};
export type ChildReport = {
  firstMs: number;
  cold: CycleMeasure[];
  warm: CycleMeasure[];
  /** Parse + normalize + liveness + store per rig, without the network. */
  workCpuPerRigMs: number[];
  storeWriteMsPerCycle: number;
  /** steady: the largest RSS seen, the heap the collector holds (after a full GC), rigs online at the end. */
  peakRssMb: number;
  heapMb: number;
  online: number;
  /** steady: process CPU (user + system) over the run, so a memory saving is seen beside what it costs. */
  cpuMs: number;
};

const MB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const onlineOf = (c: Collector) => c.live().filter((l) => l.liveness === 'online').length;

async function run(req: ChildRequest): Promise<ChildReport> {
  const dir = mkdtempSync(join(tmpdir(), 'rigdeck-bench-collector-'));
  const db = openDb(dir, req.migrationsDir);
  const store = createHistoryStore(db);
  let written = 0;
  let writeMs = 0;
  const history = {
    writeCycle: (b: CycleBatch) => {
      const t = performance.now();
      store.writeCycle(b);
      writeMs += performance.now() - t;
      written += b.samples.length;
    },
    maintain: store.maintain,
  };
  const agent = createMinerAgent();
  const collector = createCollector({
    history,
    passwordFor: () => 'admin',
    agent,
    overrides: {
      concurrency: req.concurrency,
      ...(req.mode === 'cycles' ? { initialSpreadRatio: 0 } : { cadence: { intervalMs: req.intervalMs } }),
    },
  });
  const report: ChildReport = {
    firstMs: 0,
    cold: [],
    warm: [],
    workCpuPerRigMs: [],
    storeWriteMsPerCycle: 0,
    peakRssMb: 0,
    heapMb: 0,
    online: 0,
    cpuMs: 0,
  };
  const timed = async (cold: boolean): Promise<CycleMeasure> => {
    if (cold) {
      agent.destroy();
      await sleep(50);
    }
    written = 0;
    const cpu0 = process.cpuUsage();
    const elu0 = performance.eventLoopUtilization();
    const start = performance.now();
    await collector.pollOnce();
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    const loopBusy = performance.eventLoopUtilization(elu0).utilization;
    return {
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      loopBusy,
      online: onlineOf(collector),
      samplesWritten: written,
    };
  };
  try {
    collector.setRigs(req.rigs);
    if (req.mode === 'steady') {
      const cpu0 = process.cpuUsage();
      collector.start();
      for (const end = Date.now() + req.runMs; Date.now() < end; await sleep(250)) {
        report.peakRssMb = Math.max(report.peakRssMb, process.memoryUsage().rss / MB);
      }
      const cpu = process.cpuUsage(cpu0);
      report.cpuMs = (cpu.user + cpu.system) / 1000;
      report.online = onlineOf(collector);
      // What the collector holds, not garbage waiting for the next collection (run with --expose-gc).
      gc?.();
      report.heapMb = process.memoryUsage().heapUsed / MB;
      return report;
    }
    const t0 = performance.now();
    await collector.pollOnce();
    report.firstMs = performance.now() - t0;
    for (let i = 0; i < 2; i++) await collector.pollOnce();
    writeMs = 0;
    // Interleaved, so neither kind is measured while the JIT is colder than for the other.
    for (let i = 0; i < req.cycles; i++) {
      report.cold.push(await timed(true));
      report.warm.push(await timed(false));
    }
    report.storeWriteMsPerCycle = writeMs / Math.max(1, 2 * req.cycles);
    const replies = await captureSummaries(req.rigs);
    for (let i = 0; i < req.cycles; i++) {
      report.workCpuPerRigMs.push(workCpuPerRig(req.rigs, replies, store, 2 * req.cycles + i + 1));
    }
    return report;
  } finally {
    await collector.stop();
    agent.destroy();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

process.once('message', (req: ChildRequest) => {
  run(req).then(
    (report) => process.send?.(report, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
