// @vitest-environment node
// rigdeck run with the settings actions, as a technician types them, against the virtual farm: the ProHashing
// template with the configured account, a fan target, the backups each change left, and a restore from one.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createNodeCore } from '../../electron/headless-core';
import { parseScenario, startFarm } from '../../sim/index';
import { quietLog, tempDir } from '../helpers/core';
import { freePortRange } from '../helpers/loopback';

type Run = { code: number | null; stdout: string; stderr: string };

function rigdeck(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
      cwd: join(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const jsonLines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('rigdeck run: pools, fans, backups, restore', () => {
  it('fills the ProHashing template per rig, sets fans, lists the backups and restores one', async () => {
    const farm = await startFarm({
      scenario: parseScenario(
        {
          name: 'cli-config',
          rigs: [
            { name: 'a', model: 'L7', firmware: '1.2.7' },
            { name: 'b', model: 'L9', firmware: '1.3.4' },
          ],
        },
        'test',
      ),
      basePort: await freePortRange(4),
      clock: 'manual',
      servicePort: 0,
      services: { prohashing: false, abacus: false, control: false },
      seed: 6,
      timing: { initSec: 10, startSec: 10 },
    });
    try {
      await farm.advance(60);
      const dir = tempDir();
      const core = createNodeCore({ dataDir: dir, log: quietLog });
      const ctx = { face: 'cli' as const, peer: 'test' };
      await core.dispatch(
        'settings.update',
        { control: { staggerSec: 0 }, pool: { accountName: 'farmco' } },
        ctx,
      );
      await core.dispatch(
        'fleet.add',
        { addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })) },
        ctx,
      );
      for (const rec of core.registry.list()) {
        const name = farm.rigs.find((r) => r.httpPort === rec.httpPort)?.name ?? '';
        await core.dispatch('fleet.rename', { id: rec.id, name: `rig-${name}` }, ctx);
      }
      await core.stop();

      const noCoin = await rigdeck([
        'run',
        'pool',
        '--pool-template',
        'prohashing',
        '--rigs',
        'all',
        '--data',
        dir,
      ]);
      expect(noCoin.code).toBe(2);
      expect(noCoin.stderr).toContain('--coin NAME');

      const pools = await rigdeck([
        ...['run', 'pool', '--pool-template', 'prohashing', '--coin', 'litecoin', '--region', 'eu'],
        ...['--rigs', 'all', '--json', '--data', dir],
      ]);
      expect(pools.stderr).toContain('2 of 2 done');
      expect(jsonLines(pools.stdout).map((l) => l.outcome)).toEqual(['done', 'done']);
      for (const n of ['a', 'b'])
        expect(farm.rig(n).settings.miner.pools[0]).toEqual({
          url: 'stratum+tcp://eu.mining.prohashing.com:3333',
          user: 'farmco',
          pass: `a=scrypt,c=litecoin,m=pplns,n=rig-${n}`,
        });

      const fan = await rigdeck([
        'run',
        'fan',
        '--fan',
        'auto',
        '--target',
        '66',
        '--rigs',
        'rig-a',
        '--data',
        dir,
      ]);
      expect(fan.code).toBe(0);
      expect(farm.rig('a').settings.miner.cooling.mode).toEqual({ name: 'auto', param: 66 });

      const listed = await rigdeck(['backups', '--rig', 'rig-a', '--json', '--data', dir]);
      expect(listed.code).toBe(0);
      const backups = jsonLines(listed.stdout);
      expect(backups.map((b) => b.reason)).toEqual(['fan', 'pools']);
      expect(Object.keys(backups[0] ?? {}).sort()).toEqual(
        ['firmware_version', 'id', 'reason', 'rig_id', 'summary', 'taken'].sort(),
      );

      const restore = await rigdeck([
        ...['run', 'restore', '--backup', String(backups[1]?.id), '--rigs', 'rig-a', '--yes'],
        ...['--data', dir],
      ]);
      expect(restore.code).toBe(0);
      // The backup from before the pools: the scenario's own pool and fan settings are back.
      expect(farm.rig('a').settings.miner.pools[0]?.url).not.toContain('eu.mining');
      expect(farm.rig('a').settings.miner.cooling.mode).not.toEqual({ name: 'auto', param: 66 });
    } finally {
      await farm.stop();
    }
  }, 120_000);
});
