// @vitest-environment node
// One Vnish poll as the collector reads it, against a miner on loopback answering what the firmware says while
// it starts: /summary with no miner object (then /status says what the miner is doing), garbage, an error.
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVnish, type VnishDetail } from '../../../electron/collector/read-rig';
import { MinerError } from '../../../electron/miners/errors';
import { createMinerAgent } from '../../../electron/miners/vnish/http';
import { createVnishClient } from '../../../electron/miners/vnish/client';

let server: Server;
let port = 0;
// What the miner answers, by path; changed per test.
let replies: Record<string, { status: number; body: string }> = {};
const asked: string[] = [];
const agent = createMinerAgent();

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const r = replies[req.url ?? ''] ?? { status: 404, body: '{"err":"not found"}' };
    res.writeHead(r.status, { 'content-type': 'application/json' }).end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const T = 1_800_000_000_000;
const options = () => ({ now: () => T, signal: new AbortController().signal, timeoutMs: 2000 });
const client = () => createVnishClient({ host: '127.0.0.1', port, agent, family: '1.3' });
const cached = (state: string): VnishDetail => ({
  info: null,
  infoAtMs: null,
  uptimeSec: null,
  status: {
    miner_state: state,
    miner_state_time: 5,
    description: null,
    failure_code: null,
    throttled: null,
    find_miner: null,
    restart_required: null,
    reboot_required: null,
    unlocked: null,
    unlock_timeout: null,
    warranty: null,
  },
  perf: null,
  atMs: T - 60_000,
});

describe('readVnish, the summary-only poll', () => {
  it('asks /status when /summary has no miner object yet, and shows what it says', async () => {
    replies = {
      '/api/v1/summary': { status: 200, body: '{}' },
      '/api/v1/status': { status: 200, body: '{"miner_state":"starting","miner_state_time":12}' },
    };
    asked.length = 0;
    const read = await readVnish(client(), cached('mining'), false, options());
    expect(asked).toEqual(['/api/v1/summary', '/api/v1/status']);
    expect(read.snapshot.minerState).toBe('starting');
    expect(read.snapshot.incomplete).toEqual(['summary: no miner data yet']);
  });

  it('keeps the last /status when asking it again fails, never inventing a state', async () => {
    replies = { '/api/v1/summary': { status: 200, body: '{"miner":null}' } };
    const read = await readVnish(client(), cached('initializing'), false, options());
    expect(read.snapshot.minerState).toBe('initializing');
    const none = await readVnish(client(), null, false, options());
    expect(none.snapshot.minerState).toBe('unknown');
    expect(none.snapshot.hashrateMhs).toBeNull();
  });

  it('does not ask /status when the summary says the state, and reads the figures as sent', async () => {
    replies = {
      '/api/v1/summary': {
        status: 200,
        body: '{"miner":{"miner_status":{"miner_state":"mining"},"hr_realtime":"9500.5","power_consumption":3400}}',
      },
    };
    asked.length = 0;
    const read = await readVnish(client(), cached('starting'), false, options());
    expect(asked).toEqual(['/api/v1/summary']);
    expect(read.snapshot).toMatchObject({ minerState: 'mining', hashrateMhs: 9500.5, powerW: 3400 });
  });

  it('fails with what the miner said on garbage or an error reply: no figures kept as if live', async () => {
    replies = { '/api/v1/summary': { status: 200, body: '<html>busy</html>' } };
    const garbage = await readVnish(client(), cached('mining'), false, options()).catch((e: unknown) => e);
    expect(garbage).toBeInstanceOf(MinerError);
    expect((garbage as MinerError).code).toBe('bad_reply');
    replies = { '/api/v1/summary': { status: 500, body: '{"err":"cgminer is down"}' } };
    const refused = await readVnish(client(), cached('mining'), false, options()).catch((e: unknown) => e);
    expect((refused as MinerError).code).toBe('miner_error');
    expect((refused as MinerError).message).toContain('cgminer is down');
  });
});
