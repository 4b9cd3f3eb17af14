// @vitest-environment node
// The client's timers in the core's wiring, on a manual clock against the fake: nothing before the first
// interval, a round every streamIntervalSec after, and one round soon after the user changes the connection.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { keyFileCipher } from '../../../electron/secrets/key-file-cipher';
import { openVault } from '../../../electron/secrets/vault';
import { createCoreAbacus } from '../../../electron/advice/abacus/wire';
import { openDb } from '../../../electron/store/db';
import { DEFAULT_SETTINGS, type Settings, applySettingsPatch } from '../../../shared/settings';
import type { RigLive } from '../../../shared/telemetry';
import { tempDir } from '../../helpers/core';
import { rigLive } from '../../unit/electron/advice/abacus/rig-live';
import { manualClock } from '../../unit/electron/pool/manual-clock';
import { type Fake, startFake } from './abacus-fake';

let fake: Fake;
beforeAll(async () => {
  fake = await startFake();
});
afterAll(async () => fake?.service.close());

const appends = () => fake.calls.filter((m) => m === 'appendMultipleData').length;

describe('Abacus.AI timers', () => {
  it('streams every interval, and once soon after the settings change', async () => {
    const dataDir = tempDir();
    const db = openDb(dataDir);
    const log = { info: () => undefined, warn: () => undefined };
    const clock = manualClock(Date.parse('2026-12-02T12:00:00Z'));
    let settings: Settings = applySettingsPatch(DEFAULT_SETTINGS, {
      abacus: {
        enabled: true,
        baseUrl: fake.info.url,
        featureGroupId: fake.info.featureGroupId,
        deploymentId: fake.info.deploymentId,
        streamIntervalSec: 60,
        predictIntervalSec: 600,
        callsPerSecond: 100,
      },
    });
    const listeners = new Set<(s: Settings) => void>();
    let lives: RigLive[] = [];
    const abacus = createCoreAbacus({
      db,
      vault: openVault(dataDir, keyFileCipher(dataDir), log),
      settings: { get: () => settings, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) },
      collector: { live: () => lives, snapshot: () => null },
      log,
      clock,
    });
    await abacus.handlers['abacus.configure'](
      { streamingToken: fake.info.streamingToken, deploymentToken: fake.info.deploymentToken },
      { face: 'headless', peer: 'test' },
    );
    abacus.start();
    const before = appends();
    lives = [rigLive('r1', { takenAtMs: clock.now() })];
    await clock.advance(59_000);
    expect(appends()).toBe(before);
    await clock.advance(1_000);
    await vi.waitFor(() => expect(appends()).toBe(before + 1));

    lives = [rigLive('r1', { takenAtMs: clock.now() })];
    settings = applySettingsPatch(settings, {
      abacus: { batchSize: 50, featureGroupId: fake.info.featureGroupId },
    });
    for (const l of listeners) l(settings); // nothing about the connection changed: no extra round
    await clock.advance(5_000);
    expect(appends()).toBe(before + 1);
    settings = applySettingsPatch(settings, { abacus: { enabled: false } });
    for (const l of listeners) l(settings);
    settings = applySettingsPatch(settings, { abacus: { enabled: true } });
    for (const l of listeners) l(settings);
    await clock.advance(2_000);
    await vi.waitFor(() => expect(appends()).toBe(before + 2));
    abacus.stop();
    await clock.advance(3_600_000);
    expect(appends()).toBe(before + 2);
    db.$client.close();
  });
});
