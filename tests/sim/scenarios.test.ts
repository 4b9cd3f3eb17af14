// @vitest-environment node
// The shipped scenarios load, have the fleet the issue asks for, and run their faults.
import { afterAll, describe, expect, it } from 'vitest';
import { type Farm, loadScenario, startFarm } from '../../sim/index';
import { api, get } from './helpers';

describe('scenarios', () => {
  let farm: Farm | null = null;
  afterAll(async () => farm?.stop());

  it('big has 1,000 rigs; demo has 24 with the mix and faults described', () => {
    expect(loadScenario('big').rigs.reduce((n, g) => n + g.count, 0)).toBe(1000);
    const demo = loadScenario('demo');
    expect(demo.rigs.reduce((n, g) => n + g.count, 0)).toBe(24);
  });

  it('demo runs: overheat, chain failure, lost fan, offline and back, stock firmware, unknown worker', async () => {
    farm = await startFarm({ scenario: 'demo', basePort: 22300, clock: 'manual', servicePort: 0 });
    const models = farm.rigs.map((r) => r.model);
    expect(models.filter((m) => m === 'L7').length).toBeGreaterThan(12);
    expect(models.filter((m) => m === 'L9').length).toBeGreaterThan(0);
    expect(models.filter((m) => m === 'L3+').length).toBe(1);
    expect(farm.rigs.filter((r) => r.kind === 'stock-bitmain')).toHaveLength(1);
    await farm.advance(7 * 60);
    expect(farm.rig('rig-03').annotations.map((a) => a.type)).toContain('overheat');
    expect(farm.rig('rig-07').chains[1]?.state).toBe('failure');
    expect(farm.rig('rig-11').fans[2]?.lost).toBe(true);
    const offline = farm.rigs.find((r) => r.name === 'rig-15');
    if (!offline) throw new Error('rig-15');
    await expect(api(offline, '/api/v1/info')).rejects.toThrow();
    await farm.advance(3 * 60);
    expect((await api(offline, '/api/v1/info')).status).toBe(200);
    const ph = farm.prohashing;
    if (!ph) throw new Error('no pool');
    const ex = await (await fetch(`${ph.url}/api/v1/walletEx?apiKey=${ph.apiKey}`)).json();
    expect(get<Array<{ ID: string }>>(ex, 'data', 'miners').map((m) => m.ID)).toContain('old-spare-7');
  });
});
