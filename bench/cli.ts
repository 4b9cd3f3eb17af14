/**
 * The command line as a user runs it: the built bundle (dist/cli/rigdeck.js) under plain node, wall time from
 * spawn to exit. `rigdeck --help`, and a scan of one address (one virtual miner on loopback, identified in full).
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseScenario, startFarm } from '../sim/index';
import { median, round } from './lib/stats';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'cli', 'rigdeck.js');

/** Asynchronous on purpose: the virtual miner lives in this process and must answer while the CLI runs. */
async function wallMs(args: string[], expectOut: RegExp): Promise<number> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (code !== 0 || !expectOut.test(out))
    throw new Error(`rigdeck ${args.join(' ')} failed (${code}): ${out}`);
  return ms;
}

export async function runCliBench(runs = 15): Promise<Record<string, number>> {
  execSync('npm run --silent build:cli', { cwd: ROOT, stdio: 'inherit' });
  const help: number[] = [];
  for (let i = 0; i < runs; i++) help.push(await wallMs(['--help'], /Commands:/));
  const farm = await startFarm({
    scenario: parseScenario(
      {
        name: 'cli-bench',
        seed: 7,
        rigs: [{ count: 1, model: 'L7', firmware: '1.3.4' }],
      },
      'bench/cli.ts',
    ),
    baseIp: '127.81.0.1',
    servicePort: 0,
  });
  const rig = farm.rigs[0];
  if (!rig) throw new Error('the farm has no rig');
  const dataDir = mkdtempSync(join(tmpdir(), 'rigdeck-cli-bench-'));
  const scan: number[] = [];
  try {
    const target = `${rig.ip}:${rig.httpPort}`;
    for (let i = 0; i < runs; i++)
      scan.push(await wallMs(['scan', target, '--json', '--data', dataDir], /"vnish"/));
  } finally {
    await farm.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { cli_start_ms: round(median(help), 1), cli_scan_one_ms: round(median(scan), 1) };
}
