// @vitest-environment node
// The Abacus.AI fake: endpoint discovery, streaming appends, predictions, envelope, auth failures, 429.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Farm } from '../../sim/index';
import { get, testFarm } from './helpers';

describe('Abacus.AI fake', () => {
  let farm: Farm;
  beforeAll(async () => {
    farm = await testFarm({ name: 'abacus', rigs: [{ count: 1 }] }, 22100, { abacusRateLimit: 3 });
  });
  afterAll(async () => farm?.stop());

  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${farm.abacus?.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it('getApiEndpoint, appendMultipleData and predict with the envelope', async () => {
    const a = farm.abacus;
    if (!a) throw new Error('no abacus');
    const ep = await (
      await fetch(
        `${a.url}/api/v0/getApiEndpoint?deploymentId=${a.deploymentId}&deploymentToken=${a.deploymentToken}`,
      )
    ).json();
    expect(get(ep, 'success')).toBe(true);
    expect(get(ep, 'result', 'predictEndpoint')).toBe(a.url);
    expect(typeof get(ep, 'requestId')).toBe('string');
    const app = await post(`/api/v0/appendMultipleData?streamingToken=${a.streamingToken}`, {
      featureGroupId: a.featureGroupId,
      data: [{ rig_id: 'rig-01', temp_max_c: 70 }],
    });
    expect(app.body).toMatchObject({ success: true });
    const pred = await post(
      `/api/v0/predict?deploymentToken=${a.deploymentToken}&deploymentId=${a.deploymentId}`,
      {
        queryData: { rig_id: 'rig-01', temp_max_c: 92, hashrate_mhs: 7000, hashrate_nominal_mhs: 9500 },
      },
    );
    expect(get(pred.body, 'result', 'status')).toBe('critical');
    const again = await post(
      `/api/v0/predict?deploymentToken=${a.deploymentToken}&deploymentId=${a.deploymentId}`,
      {
        queryData: { rig_id: 'rig-01', temp_max_c: 92, hashrate_mhs: 7000, hashrate_nominal_mhs: 9500 },
      },
    );
    expect(again.body['result']).toEqual(pred.body['result']);
  });

  it('documented auth failures and 429 past the rate', async () => {
    const a = farm.abacus;
    if (!a) throw new Error('no abacus');
    const bad = await post(`/api/v0/predict?deploymentToken=nope&deploymentId=${a.deploymentId}`, {
      queryData: {},
    });
    expect(bad.status).toBe(403);
    expect(bad.body).toMatchObject({ success: false, errorType: 'PermissionDeniedError' });
    const fg = await post(`/api/v0/appendData?streamingToken=${a.streamingToken}`, {
      featureGroupId: 'missing',
      data: {},
    });
    expect(fg.body).toMatchObject({ success: false, errorType: 'DataNotFoundError' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (
          await post(
            `/api/v0/predictMultiple?deploymentToken=${a.deploymentToken}&deploymentId=${a.deploymentId}`,
            { queryData: [{}] },
          )
        ).status,
      );
    }
    expect(statuses).toContain(429);
  });
});
