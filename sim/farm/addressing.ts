// Where each virtual miner listens. Like a real LAN, every miner gets its own loopback address with
// ports 80 and 4028 when the process may bind them; otherwise all share 127.0.0.1 with a port range.
import { createServer } from 'node:net';

export type Addressing =
  | { mode: 'per-ip'; baseIp: string; httpPort: number; rpcPort: number }
  | { mode: 'port-range'; host: string; basePort: number };

export type MinerAddress = { ip: string; httpPort: number; rpcPort: number };

export function isLoopback(ip: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip);
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0) >>> 0;
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** Miner i's address. Per-IP mode skips .0 and .255 host bytes so addresses look like real hosts. */
export function addressFor(a: Addressing, index: number): MinerAddress {
  if (a.mode === 'port-range')
    return { ip: a.host, httpPort: a.basePort + 2 * index, rpcPort: a.basePort + 2 * index + 1 };
  let n = ipToInt(a.baseIp);
  for (let i = 0; i < index; i++) {
    n += 1;
    while ((n & 255) === 0 || (n & 255) === 255) n += 1;
  }
  const ip = intToIp(n);
  if (!isLoopback(ip)) throw new Error(`miner ${index} would be outside 127.0.0.0/8 (${ip})`);
  return { ip, httpPort: a.httpPort, rpcPort: a.rpcPort };
}

/** Can this process bind `ip:port`? (root for port 80, and the kernel routes all of 127/8 to lo.) */
export function canBind(ip: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen({ host: ip, port, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

export type AddressingRequest = { baseIp?: string; basePort?: number };

export async function chooseAddressing(req: AddressingRequest): Promise<Addressing> {
  if (req.basePort !== undefined) return { mode: 'port-range', host: '127.0.0.1', basePort: req.basePort };
  const baseIp = req.baseIp ?? '127.0.1.1';
  if (!isLoopback(baseIp)) throw new Error(`--base-ip must be a loopback address (127.x.x.x), got ${baseIp}`);
  if (await canBind(baseIp, 80)) return { mode: 'per-ip', baseIp, httpPort: 80, rpcPort: 4028 };
  if (req.baseIp !== undefined) throw new Error(`cannot bind ${baseIp}:80; run as root or use --base-port`);
  return { mode: 'port-range', host: '127.0.0.1', basePort: 18000 };
}
