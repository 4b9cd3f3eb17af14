// @vitest-environment node
// A real WAMP client library (autobahn-js, as ProHashing's own consumers use, docs/prohashing.md §3.1)
// logs in to the ProHashing fake with WAMP-CRA and receives call results and diffs.
// Needs the npm package `autobahn` (22.11.1, the last release that supports Node 20).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Farm } from '../../sim/index';
import { testFarm } from './helpers';

type Session = {
  call(procedure: string, args?: unknown[]): Promise<unknown>;
  subscribe(topic: string, handler: (args: unknown[]) => void): Promise<unknown>;
};
type Connection = {
  onopen: (s: Session) => void;
  onclose: (reason: string) => boolean;
  open(): void;
  close(): void;
};
type Autobahn = {
  Connection: new (o: Record<string, unknown>) => Connection;
  auth_cra: { sign(key: string, challenge: string): string };
};

function isAutobahn(m: unknown): m is Autobahn {
  return typeof m === 'object' && m !== null && 'Connection' in m && 'auth_cra' in m;
}

// A variable specifier keeps TypeScript from resolving the module before the package is installed.
const moduleName = 'autobahn';
const loaded: unknown = await import(moduleName)
  .then((m: { default?: unknown }) => m.default ?? m)
  .catch(() => null);
const autobahn = isAutobahn(loaded) ? loaded : null;

describe.skipIf(autobahn === null)('ProHashing fake with autobahn-js', () => {
  let farm: Farm;
  beforeAll(async () => {
    farm = await testFarm({ name: 'autobahn', rigs: [{ count: 2 }] }, 21900);
    await farm.advance(300);
  });
  afterAll(async () => farm?.stop());

  it('logs in with WAMP-CRA web/web, calls f_all_miner_updates and receives miner diffs', async () => {
    const ab = autobahn;
    const ph = farm.prohashing;
    if (!ab || !ph) throw new Error('setup');
    const session = await new Promise<Session>((resolve, reject) => {
      const conn = new ab.Connection({
        url: ph.wsUrl,
        realm: 'mining',
        authmethods: ['wampcra'],
        authid: 'web',
        max_retries: 0,
        onchallenge: (_s: unknown, method: string, extra: { challenge: string }) => {
          if (method !== 'wampcra') throw new Error(method);
          return ab.auth_cra.sign('web', extra.challenge);
        },
      });
      conn.onopen = resolve;
      conn.onclose = (reason) => {
        reject(new Error(reason));
        return false;
      };
      conn.open();
    });
    const miners = (await session.call('f_all_miner_updates', [ph.apiKey])) as Array<{ miner_name: string }>;
    expect(miners.map((m) => m.miner_name).sort()).toEqual(['rig-01', 'rig-02']);
    const diffs: unknown[] = [];
    await session.subscribe(`miner_update_diffs_${ph.apiKey}`, (args) => diffs.push(...args));
    await farm.advance(120);
    await new Promise((r) => setTimeout(r, 100));
    expect(diffs.length).toBeGreaterThan(0);
  });
});
