// @vitest-environment node
// The Abacus.AI fake on a probed loopback port, and a client wired to it the way the core wires it, on a real
// SQLite file, with a manual clock so backoff, Retry-After and the breaker are stepped, not waited for.
import { createAbacusQueue } from '../../../electron/advice/abacus/queue';
import { type AbacusService, createAbacusService } from '../../../electron/advice/abacus/service';
import { createAbacusTokens } from '../../../electron/advice/abacus/tokens';
import { openVault } from '../../../electron/secrets/vault';
import { keyFileCipher } from '../../../electron/secrets/key-file-cipher';
import { openDb } from '../../../electron/store/db';
import { type AbacusSettings, DEFAULT_ABACUS_SETTINGS } from '../../../shared/abacus-settings';
import type { RigLive } from '../../../shared/telemetry';
import { startAbacus } from '../../../sim/abacus/server';
import { createRng } from '../../../sim/util/random';
import { tempDir } from '../../helpers/core';
import { freePortRange } from '../../helpers/loopback';
import { type ManualClock, manualClock } from '../../unit/electron/pool/manual-clock';

export type Fake = Awaited<ReturnType<typeof startAbacus>>;

/** On a port probed free; files run in parallel may probe the same one, so a lost race probes again. */
export async function startFake(ratePerSec = 1_000): Promise<Fake> {
  for (let attempt = 0; ; attempt++) {
    const port = await freePortRange(1, 24_100 + Math.floor(Math.random() * 4_000));
    try {
      return await startAbacus({ port, rng: createRng('abacus-client'), ratePerSec, now: Date.now });
    } catch (err) {
      if (attempt >= 10 || (err as { code?: unknown }).code !== 'EADDRINUSE') throw err;
    }
  }
}

export type Client = {
  service: AbacusService;
  clock: ManualClock;
  /** What the test changes between rounds: the rigs' live views and the settings. */
  state: { lives: RigLive[]; settings: AbacusSettings };
  logged: string[];
  dataDir: string;
  close(): void;
};

export function client(fake: Fake, over: Partial<AbacusSettings> = {}, dataDir = tempDir()): Client {
  const db = openDb(dataDir);
  const logged: string[] = [];
  const log = { info: (m: string) => void logged.push(m), warn: (m: string) => void logged.push(m) };
  const vault = openVault(dataDir, keyFileCipher(dataDir), log);
  const tokens = createAbacusTokens(vault);
  tokens.set({ deploymentToken: fake.info.deploymentToken, streamingToken: fake.info.streamingToken });
  const clock = manualClock(Date.parse('2026-12-02T12:00:00Z'));
  const state = {
    lives: [] as RigLive[],
    settings: {
      ...DEFAULT_ABACUS_SETTINGS,
      enabled: true,
      baseUrl: fake.info.url,
      deploymentId: fake.info.deploymentId,
      featureGroupId: fake.info.featureGroupId,
      callsPerSecond: 100,
      ...over,
    },
  };
  const service = createAbacusService({
    queue: createAbacusQueue(db),
    tokens,
    settings: () => state.settings,
    source: { live: () => state.lives, snapshot: () => null },
    clock,
    log,
    random: () => 0.5,
  });
  return { service, clock, state, logged, dataDir, close: () => db.$client.close() };
}
