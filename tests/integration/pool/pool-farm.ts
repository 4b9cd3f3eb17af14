// @vitest-environment node
// The virtual farm with only its ProHashing fake (REST + WAMP router on its own ephemeral 127.0.0.1 port),
// a few rigs on a private port range, and a manual clock; plus the rigs' pool settings as the connector's
// mapping input. Everything stays on loopback.
import { type RigPoolInput } from '../../../electron/pool/prohashing/mapping';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';

export const ACCOUNT = 'acme';
export const API_KEY = 'ef'.repeat(32);

export const SCENARIO = {
  name: 'pool-connector',
  account: { name: ACCOUNT, apiKey: API_KEY, coin: 'litecoin' },
  rigs: [
    { count: 3, model: 'L7' },
    { name: 'elsewhere', pools: [{ url: 'stratum+tcp://ltc.example.org:3333', user: 'someone', pass: 'x' }] },
    { name: 'spare', worker: 'old-spare-7' },
  ],
};

export async function poolFarm(basePort: number): Promise<Farm> {
  const farm = await startFarm({
    scenario: parseScenario(SCENARIO, 'pool-connector'),
    basePort,
    servicePort: 0,
    clock: 'manual',
    seed: 7,
    services: { prohashing: true, abacus: false, control: false },
  });
  // Rigs boot and start hashing; the pool opens a session per rig.
  await farm.advance(300);
  return farm;
}

export function farmRigs(farm: Farm): RigPoolInput[] {
  return farm.rigs.map((r) => ({
    rigId: r.name,
    pools: farm.rig(r.name).active.pools.map((p) => ({ url: p.url, user: p.user, password: p.pass })),
  }));
}

export function prohashingOf(farm: Farm): { url: string; wsUrl: string; apiKey: string } {
  const ph = farm.prohashing;
  if (!ph) throw new Error('the farm has no ProHashing fake');
  return { url: `${ph.url}/api/v1`, wsUrl: ph.wsUrl, apiKey: ph.apiKey };
}
