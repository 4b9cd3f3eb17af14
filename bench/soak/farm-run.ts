/**
 * The soak's moving parts: the virtual farm's `big` scenario (cut down to --miners), the real headless server
 * in a child process (`serve` with its own data directory and --stats-file), and the faults put on them while
 * it runs. The figures are read afterwards from the stats file, the contract and the SQLite file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { loadScenario } from '../../sim/scenario/load';
import { type Scenario } from '../../sim/scenario/schema';

const ROOT = join(import.meta.dirname, '..', '..');

/** The `big` scenario with its groups scaled to `miners` rigs; events on rigs it no longer has are dropped. */
export function scaledBig(miners: number): Scenario {
  const big = loadScenario('big');
  const total = big.rigs.reduce((n, g) => n + g.count, 0);
  if (miners >= total) return big;
  let left = miners;
  const rigs = big.rigs
    .map((g, i) => {
      const count = i === big.rigs.length - 1 ? left : Math.min(left, Math.round((g.count * miners) / total));
      left -= count;
      return { ...g, count };
    })
    .filter((g) => g.count > 0);
  const events = big.events.filter((e) => {
    const n = /^rig-(\d+)$/.exec(e.rig ?? '')?.[1];
    return n === undefined || Number(n) <= miners;
  });
  return { ...big, rigs, events };
}

export type Served = { child: ChildProcess; port: number; exited: Promise<number | null> };

/** `npm run rigdeck -- serve` as a user starts it, on a free loopback port; resolves once it listens. */
export async function startServe(dataDir: string, statsFile: string): Promise<Served> {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const args = ['electron/cli/index.ts', 'serve', '--host', '127.0.0.1', '--port', '0', '--data', dataDir];
  args.push('--ip-report', 'off', '--stats-file', statsFile);
  const child = spawn(tsx, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stderr.on('data', (d: Buffer) => process.stderr.write(`[serve] ${d.toString()}`));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m?.[1]) {
        child.stdout.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${out}`)));
  });
  child.stdout.resume();
  return { child, port, exited };
}

/** SIGTERM (a clean stop: the server writes what it gathered), SIGKILL if it has not exited in time. */
export async function stopServe(served: Served, graceMs = 60_000): Promise<number | null> {
  served.child.kill('SIGTERM');
  const timer = setTimeout(() => served.child.kill('SIGKILL'), graceMs);
  const code = await served.exited;
  clearTimeout(timer);
  return code;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
