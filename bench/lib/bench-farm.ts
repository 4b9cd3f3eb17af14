import { type Farm, startFarm } from '../../sim/index';

/**
 * A farm of plain virtual miners for a bench (manual clock, no pool or Abacus.AI): on its own loopback range
 * when that range can be bound, else on consecutive ports of 127.0.0.1 (machines without the 127/8 routes).
 */
export async function startBenchFarm(
  miners: number,
  baseIp: string,
  fallbackBasePort: number,
): Promise<Farm> {
  const common = {
    miners,
    clock: 'manual' as const,
    services: { prohashing: false, abacus: false, control: false },
  };
  try {
    return await startFarm({ ...common, baseIp });
  } catch {
    return startFarm({ ...common, basePort: fallbackBasePort });
  }
}
