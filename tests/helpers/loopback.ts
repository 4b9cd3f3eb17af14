import { createServer } from 'node:net';

/**
 * Tests share the machine with whatever else runs on loopback (`npm run demo`'s farm on 127.0.1.x:80, other
 * suites): they probe for addresses and ports they can bind instead of assuming any.
 */
export function canBind(ip: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen({ host: ip, port, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

/**
 * The first `127.a.b` prefix, from `candidates`, whose every host address (.1–.254) has all of `ports` free: a
 * scan of that /24 then meets only what the test put there. Null when none is (e.g. not root, for port 80).
 */
export async function freeSlash24(candidates: readonly string[], ports: readonly number[]) {
  for (const prefix of candidates) {
    const checks = Array.from({ length: 254 }, (_, i) => `${prefix}.${i + 1}`).flatMap((ip) =>
      ports.map((port) => canBind(ip, port)),
    );
    if ((await Promise.all(checks)).every(Boolean)) return prefix;
  }
  return null;
}

/** Candidate /24s in 127/8 for farms of per-miner addresses, the demo's own (127.0.1) first, then quiet ones. */
export const SLASH24_CANDIDATES = ['127.0.1', '127.0.201', '127.0.202', '127.0.203', '127.31.7', '127.99.42'];

/** A run of `count` consecutive free ports on `ip`, searched from `from` upward (an OS-picked port is random). */
export async function freePortRange(count: number, from = 23_000, ip = '127.0.0.1'): Promise<number> {
  for (let base = from; base + count <= 65_000; base += count) {
    const free = await Promise.all(Array.from({ length: count }, (_, i) => canBind(ip, base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports on ${ip} from ${from}`);
}
