// @vitest-environment node
// RigDeck's Abacus.AI client against the fake (docs/abacus.md §9–§11): streaming in batches, predictions mapped
// to recommendations, 429 with Retry-After honoured, an outage opening the breaker and its recovery, malformed
// and slow replies as clear errors, a refused token stopping calls until the settings change.
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { recommendationSchema } from '../../../shared/advice';
import { rigLive } from '../../unit/electron/advice/abacus/rig-live';
import { type Client, type Fake, client, startFake } from './abacus-fake';

let fake: Fake;
const clients: Client[] = [];
const make = (...args: Parameters<typeof client> extends [Fake, ...infer R] ? R : never) => {
  const c = client(fake, ...args);
  clients.push(c);
  return c;
};
const appends = () => fake.calls.filter((m) => m === 'appendMultipleData').length;

beforeAll(async () => {
  fake = await startFake();
});
beforeEach(() => {
  fake.faults.outage(null);
  fake.faults.rateLimit(0, null);
  fake.faults.malformed(0, 'not-json');
  fake.faults.slow(0);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await fake?.service.close();
});

const fleet = (n: number, t: number) =>
  Array.from({ length: n }, (_, i) => rigLive(`rig-${i + 1}`, { takenAtMs: t }));

describe('streaming', () => {
  it('sends every measured rig in batches of batchSize, each row once', async () => {
    const c = make({ batchSize: 2 });
    c.state.lives = fleet(5, c.clock.now());
    const before = appends();
    const rowsBefore = fake.rows.length;
    await c.service.streamOnce();
    expect(appends() - before).toBe(3);
    const sent = fake.rows.slice(rowsBefore) as Record<string, unknown>[];
    expect(sent.map((r) => r['rig_id'])).toEqual(['rig-1', 'rig-2', 'rig-3', 'rig-4', 'rig-5']);
    expect(sent[0]).toMatchObject({
      sample_id: `rig-1:${c.clock.now()}`,
      temp_max_c: 68,
      hashrate_mhs: 9_400,
    });
    expect(c.service.status()).toMatchObject({ queue: { rows: 0 }, rowsSent: 5, lastError: null });
    await c.service.streamOnce(); // nothing measured since: nothing sent
    expect(appends() - before).toBe(3);
  });
});

describe('predictions', () => {
  it('maps the model answers to recommendations labelled abacus, one-click where a control fits', async () => {
    const c = make({ batchSize: 2 });
    c.state.lives = [
      rigLive('hot', { chipTempMaxC: 92 }),
      rigLive('slow', { hashrateMhs: 7_000 }),
      rigLive('fine'),
    ];
    await c.service.predictOnce();
    const recs = c.service.latestRecommendations();
    for (const r of recs) recommendationSchema.parse(r);
    expect(recs.map((r) => [r.rigId, r.source, r.action])).toEqual([
      ['hot', 'abacus', { action: 'throttle', params: { percent: 49 } }],
      ['slow', 'abacus', null],
    ]);
    expect(recs[1]).toMatchObject({ kind: 'underperforming', reason: 'hashrate at 74 % of nominal' });
    expect(c.service.status()).toMatchObject({ lastPredictOkMs: c.clock.now(), recommendations: 2 });
    // The rig cooled down: its advice goes with the next answer.
    c.state.lives[0] = rigLive('hot', { chipTempMaxC: 70 });
    await c.service.predictOnce();
    expect(c.service.latestRecommendations().map((r) => r.rigId)).toEqual(['slow']);
    // Disabled: nothing to merge.
    c.state.settings = { ...c.state.settings, enabled: false };
    expect(c.service.latestRecommendations()).toEqual([]);
  });
});

describe('trouble', () => {
  it('honours a 429 Retry-After: no call until it has passed, then carries on', async () => {
    const c = make();
    c.state.lives = fleet(2, c.clock.now());
    fake.faults.rateLimit(1, 30);
    const before = appends();
    await c.service.streamOnce();
    const calls = fake.calls.length;
    const st = c.service.status();
    expect(st.lastError).toMatchObject({ kind: 'rate-limited', status: 429, operation: 'stream' });
    expect(st.notBeforeMs).toBe(c.clock.now() + 30_000);
    expect(st.breaker.state).toBe('closed');
    expect(st.queue.rows).toBe(2);
    await c.clock.advance(29_000);
    await c.service.streamOnce();
    expect(fake.calls.length).toBe(calls);
    await c.clock.advance(1_000);
    await c.service.streamOnce();
    expect(appends() - before).toBe(1);
    expect(c.service.status()).toMatchObject({ queue: { rows: 0 }, notBeforeMs: null, rowsSent: 2 });
  });

  it('an outage opens the breaker after N failures, keeps the rows, and one probe closes it again', async () => {
    const c = make({ breakerFailures: 3, breakerCooldownSec: 60 });
    fake.faults.outage(503);
    for (let i = 0; i < 3; i++) {
      if (i > 0) await c.clock.advance(10 * 60_000); // past any backoff
      c.state.lives = fleet(2, c.clock.now());
      await c.service.streamOnce();
    }
    let st = c.service.status();
    expect(st.breaker).toMatchObject({ state: 'open', failures: 3, retryAtMs: c.clock.now() + 60_000 });
    expect(st.lastError).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(st.lastError?.message).toContain('HTTP 503 InternalServerError: Service unavailable');
    expect(st.queue.rows).toBe(6);
    expect(c.logged.some((l) => l.includes('3 failures in a row; pausing calls'))).toBe(true);
    // While open, nothing goes out, even once the outage is over; after the cooldown, one probe does.
    fake.faults.outage(null);
    const before = fake.calls.length;
    await c.clock.advance(59_000);
    await c.service.streamOnce();
    expect(fake.calls.length).toBe(before);
    await c.clock.advance(1_000);
    await c.service.streamOnce();
    st = c.service.status();
    expect(st.breaker).toMatchObject({ state: 'closed', failures: 0 });
    expect(st.queue.rows).toBe(0);
    expect(st.lastStreamOkMs).toBe(c.clock.now());
    expect(c.logged.some((l) => l.includes('answers again'))).toBe(true);
  });

  it('a malformed reply is a clear error, counted against the breaker', async () => {
    const c = make();
    c.state.lives = [rigLive('r1')];
    await c.service.predictOnce(); // endpoint discovered and cached: the faults below hit predictMultiple
    fake.faults.malformed(1, 'not-json');
    await c.service.predictOnce();
    expect(c.service.status().lastError).toMatchObject({
      kind: 'malformed',
      operation: 'predict',
      message: 'predictMultiple: the reply is not JSON',
    });
    expect(c.service.status().breaker.failures).toBe(1);
    await c.clock.advance(10 * 60_000);
    fake.faults.malformed(1, 'no-envelope');
    await c.service.predictOnce();
    expect(c.service.status().lastError?.message).toBe(
      'predictMultiple: the reply is not the Abacus.AI envelope ({success, result, …})',
    );
    await c.clock.advance(10 * 60_000);
    fake.faults.malformed(1, 'bad-result');
    await c.service.predictOnce();
    expect(c.service.status().lastError?.message).toBe('predictMultiple: the result is not a list');
    expect(c.service.latestRecommendations()).toEqual([]);
  });

  it('a slow reply times out with a clear error and the rows stay queued', async () => {
    const c = make({ timeoutSec: 1 });
    c.state.lives = [rigLive('r1', { takenAtMs: c.clock.now() })];
    fake.faults.slow(2_500);
    await c.service.streamOnce();
    expect(c.service.status()).toMatchObject({
      lastError: {
        kind: 'unavailable',
        status: null,
        message: expect.stringContaining('no answer within 1 s'),
      },
      queue: { rows: 1 },
    });
  });

  it('a refused token stops that operation until the tokens or settings change', async () => {
    const c = make();
    c.state.lives = [rigLive('r1')];
    c.state.settings = { ...c.state.settings, deploymentId: 'nosuchdeployment' };
    await c.service.predictOnce();
    expect(c.service.status().lastError).toMatchObject({
      kind: 'config',
      status: 404,
      message: expect.stringContaining('check the id'),
    });
    const before = fake.calls.length;
    await c.clock.advance(3_600_000);
    await c.service.predictOnce();
    expect(fake.calls.length).toBe(before);
    c.state.settings = { ...c.state.settings, deploymentId: fake.info.deploymentId };
    c.service.reset();
    await c.service.predictOnce();
    expect(c.service.status().lastPredictOkMs).toBe(c.clock.now());
  });

  it('a server that echoes the request back never gets a token into the error or the log', async () => {
    const echo = createServer((req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ success: false, errorType: 'InvalidParameterError', error: `bad ${req.url}` }),
      );
    });
    await new Promise<void>((r) => echo.listen({ host: '127.0.0.1', port: 0 }, r));
    try {
      const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
      const c = make({ baseUrl: url });
      c.state.lives = [rigLive('r1', { takenAtMs: c.clock.now() })];
      await c.service.streamOnce();
      const st = c.service.status();
      expect(st.lastError).toMatchObject({ kind: 'rejected', status: 400 });
      expect(st.lastError?.message).toContain('streamingToken=***');
      expect(st.queue).toMatchObject({ rows: 0, rejectedRows: 1 });
      const all = JSON.stringify(st) + c.logged.join('\n');
      expect(all).not.toContain(fake.info.streamingToken);
      expect(all).not.toContain(fake.info.deploymentToken);
    } finally {
      await new Promise<void>((r) => echo.close(() => r()));
    }
  });
});
