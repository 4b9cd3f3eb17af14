/**
 * A virtual farm of an e2e spec's own, in a child process, on loopback addresses and ports probed free first (never
 * assumed), so the specs pass beside a running `npm run demo` or another farm.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export type FarmInfo = {
  prohashing: { url: string; wsUrl: string; account: string; apiKey: string } | null;
};
export type FarmRig = { name: string; ip: string };
export type E2eFarm = {
  child: ChildProcess;
  /** The farm's control API (faults, /rigs, /farm). */
  control: string;
  /** The first three octets of the farm's /24, e.g. "127.0.21". */
  net: string;
  rigs: FarmRig[];
  info: FarmInfo;
};

function canBind(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, host, () => s.close(() => resolve(true)));
  });
}

/** Three consecutive free loopback ports (ProHashing, Abacus, control API). */
async function freeServicePort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const p = 30_000 + Math.floor(Math.random() * 20_000);
    if ((await canBind(p)) && (await canBind(p + 1)) && (await canBind(p + 2))) return p;
  }
  throw new Error('no three free consecutive ports on 127.0.0.1');
}

/** A loopback /24 whose first `count` addresses can take a miner's ports 80 and 4028. */
async function freeNet(count: number, from: number): Promise<string> {
  for (let net = from; net < from + 60; net++) {
    const ips = Array.from({ length: count }, (_, i) => `127.0.${net}.${i + 1}`);
    const free = await Promise.all(ips.map(async (ip) => (await canBind(80, ip)) && canBind(4028, ip)));
    if (free.every(Boolean)) return `127.0.${net}`;
  }
  throw new Error('no free loopback addresses for the farm');
}

/**
 * Starts `sim/cli.ts` on a scenario; `from` is where the search for a free /24 starts (specs running one after
 * the other may pick different ones), `speed` how many simulated seconds pass per real one.
 */
export async function startE2eFarm<S extends { rigs: ReadonlyArray<{ count: number }> }>(
  scenario: S,
  options: { from: number; speed?: number },
): Promise<E2eFarm> {
  const dir = mkdtempSync(join(tmpdir(), 'rigdeck-e2e-farm-'));
  const file = join(dir, 'farm.json');
  writeFileSync(file, JSON.stringify(scenario));
  const count = scenario.rigs.reduce((n, r) => n + r.count, 0);
  const servicePort = await freeServicePort();
  const net = await freeNet(count, options.from);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'sim/cli.ts',
      '--scenario',
      file,
      '--base-ip',
      `${net}.1`,
      '--service-port',
      String(servicePort),
      ...(options.speed ? ['--speed', String(options.speed)] : []),
      '--quiet',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`farm did not start:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('control API')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`farm exited with ${code}:\n${out}`)));
  });
  const control = `http://127.0.0.1:${servicePort + 2}`;
  const get = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${control}${path}`, { headers: { connection: 'close' } })).json()) as T;
  return { child, control, net, rigs: await get<FarmRig[]>('/rigs'), info: await get<FarmInfo>('/farm') };
}
