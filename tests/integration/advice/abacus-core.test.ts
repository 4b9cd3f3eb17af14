// @vitest-environment node
// Abacus.AI inside a real core on a real data directory, with the virtual farm's rigs polled for real: rows
// queued during an outage survive a restart of the core (the SQLite file) and are sent by the next one, in
// batches; the tokens go into the vault and never come out, through any contract reply or any log line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Core } from '../../../electron/core';
import { createNodeCore } from '../../../electron/headless-core';
import type { AbacusStatus } from '../../../shared/abacus';
import { methodNames } from '../../../shared/contract';
import { type Farm, parseScenario, startFarm } from '../../../sim/index';
import { tempDir } from '../../helpers/core';
import { freePortRange } from '../../helpers/loopback';
import { type Fake, startFake } from './abacus-fake';

const ctx = { face: 'headless' as const, peer: 'test' };
let farm: Farm;
let fake: Fake;
const cores: Core[] = [];
const logged: string[] = [];
const text = (...args: unknown[]) =>
  args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
const log = {
  debug: (...a: unknown[]) => void logged.push(text(...a)),
  info: (...a: unknown[]) => void logged.push(text(...a)),
  warn: (...a: unknown[]) => void logged.push(text(...a)),
  error: (...a: unknown[]) => void logged.push(text(...a)),
};
const replies: string[] = [];

async function call<T>(core: Core, method: string, params?: unknown): Promise<T> {
  const r = await core.dispatch(method, params, ctx);
  replies.push(JSON.stringify(r));
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const open = (dataDir: string) => {
  const core = createNodeCore({ face: 'headless', dataDir, log, ipReport: null });
  cores.push(core);
  return core;
};

beforeAll(async () => {
  farm = await startFarm({
    scenario: parseScenario(
      { name: 'abacus-core', rigs: [{ count: 3, model: 'L7', firmware: '1.3.4' }] },
      'test',
    ),
    basePort: await freePortRange(3),
    clock: 'manual',
    servicePort: 0,
    services: { prohashing: false, abacus: false, control: false },
    seed: 11,
    timing: { initSec: 5, startSec: 5 },
  });
  await farm.advance(30);
  fake = await startFake();
});

afterAll(async () => {
  for (const core of cores) await core.stop();
  await farm?.stop();
  await fake?.service.close();
});

describe('Abacus.AI in the core', () => {
  it('keeps the queue across a restart, sends it in batches, and never lets a token out', async () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    await call(first, 'fleet.add', {
      addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })),
    });
    await call(first, 'fleet.pollNow');
    await call(first, 'settings.update', {
      abacus: {
        enabled: true,
        baseUrl: fake.info.url,
        deploymentId: fake.info.deploymentId,
        featureGroupId: fake.info.featureGroupId,
        batchSize: 2,
      },
    });
    const configured = await call<AbacusStatus>(first, 'abacus.configure', {
      deploymentToken: fake.info.deploymentToken,
      streamingToken: fake.info.streamingToken,
    });
    expect(configured).toMatchObject({
      deploymentTokenSet: true,
      streamingTokenSet: true,
      streamingReady: true,
    });

    fake.faults.outage(502);
    await first.abacus.service.streamOnce();
    const down = await call<AbacusStatus>(first, 'abacus.status');
    expect(down.queue.rows).toBe(3);
    expect(down.lastError).toMatchObject({ kind: 'unavailable', status: 502 });
    await first.stop();

    fake.faults.outage(null);
    const second = open(dataDir);
    expect((await call<AbacusStatus>(second, 'abacus.status')).queue.rows).toBe(3);
    const appendsBefore = fake.calls.filter((m) => m === 'appendMultipleData').length;
    const rowsBefore = fake.rows.length;
    await second.abacus.service.streamOnce();
    expect(fake.calls.filter((m) => m === 'appendMultipleData').length - appendsBefore).toBe(2);
    const sent = fake.rows.slice(rowsBefore) as Record<string, unknown>[];
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((r) => r['rig_id'])).size).toBe(3);
    expect((await call<AbacusStatus>(second, 'abacus.status')).queue.rows).toBe(0);

    // Predictions for a healthy farm: answered, nothing to recommend.
    await call(second, 'fleet.pollNow');
    await second.abacus.service.predictOnce();
    expect((await call<AbacusStatus>(second, 'abacus.status')).lastPredictOkMs).not.toBeNull();
    expect(second.abacus.latestRecommendations()).toEqual([]);

    // Every reply the contract gave, the settings and app info included, and every log line: no token.
    for (const m of methodNames.filter((n) => /^(abacus|settings|app)\./.test(n) && n !== 'settings.update'))
      if (m !== 'abacus.configure' && m !== 'abacus.clearTokens') await call(second, m, {});
    const cleared = await call<AbacusStatus>(second, 'abacus.clearTokens', { tokens: ['deployment'] });
    expect(cleared).toMatchObject({
      deploymentTokenSet: false,
      streamingTokenSet: true,
      predictionsReady: false,
    });
    const everything = [...replies, ...logged].join('\n');
    for (const secret of [fake.info.deploymentToken, fake.info.streamingToken])
      expect(everything).not.toContain(secret);
    expect(logged.some((l) => l.includes('Abacus.AI stream'))).toBe(true);
  });

  it('refuses a token that cannot be one, and says why', async () => {
    const core = open(tempDir());
    const r = await core.dispatch('abacus.configure', { deploymentToken: 'short' }, ctx);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('does not look like an Abacus.AI token');
  });
});
