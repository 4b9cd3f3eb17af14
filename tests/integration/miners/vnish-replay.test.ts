// @vitest-environment node
// The Vnish REST client against a tiny scripted HTTP server on 127.0.0.1 replaying reference-shaped
// replies: auth (token cache, Bearer, one re-unlock on 401, 403/429), /chains vs /boards by version,
// bare and wrapped presets, empty 200 bodies, {err} bodies, HTML, keep-alive reuse and its bound,
// timeouts, aborts, size limits and refused connections.
import { afterEach, describe, expect, it } from 'vitest';
import { createVnishClient } from '../../../electron/miners/vnish/client';
import { createVnishControl } from '../../../electron/miners/vnish/control';
import { createMinerAgent } from '../../../electron/miners/vnish/http';
import { readVnishSnapshot } from '../../../electron/miners/vnish/snapshot';
import { caught, closeAll, fake, json, needsToken, TOKEN, unlockOk } from './replay-server';

afterEach(closeAll);

describe('Vnish REST client against a replay server', () => {
  it('unlocks once, caches the token and sends it as Bearer', async () => {
    const srv = await fake({
      'POST /api/v1/unlock': unlockOk,
      'GET /api/v1/autotune/presets': needsToken((_q, res) =>
        json(res, 200, [{ name: '3425', pretty: '3425 watt ~ 9500 MH', status: 'tuned' }]),
      ),
    });
    const tokens = new Map<string, string>();
    const client = createVnishClient({
      host: '127.0.0.1',
      port: srv.port,
      tokens,
      agent: createMinerAgent(),
    });
    await client.presets();
    await client.presets();
    expect(srv.seen.filter((s) => s.url === '/api/v1/unlock')).toHaveLength(1);
    expect(
      srv.seen.filter((s) => s.url === '/api/v1/autotune/presets').every((s) => s.auth === `Bearer ${TOKEN}`),
    ).toBe(true);
    expect(tokens.get(`127.0.0.1:${srv.port}`)).toBe(TOKEN);
  });

  it('on 401 drops the token, unlocks again and retries once; a second 401 is an auth error', async () => {
    let presetsCalls = 0;
    const srv = await fake({
      'POST /api/v1/unlock': unlockOk,
      'GET /api/v1/autotune/presets': (_q, res) =>
        presetsCalls++ === 0 ? res.writeHead(401).end() : json(res, 200, { presets: [] }),
      'POST /api/v1/mining/stop': (_q, res) => res.writeHead(401).end(),
    });
    const tokens = new Map([[`127.0.0.1:${srv.port}`, 'stale-token']]);
    const client = createVnishClient({
      host: '127.0.0.1',
      port: srv.port,
      tokens,
      agent: createMinerAgent(),
    });
    expect(await client.presets()).toEqual([]);
    expect(srv.seen.map((s) => s.auth)).toEqual(['Bearer stale-token', undefined, `Bearer ${TOKEN}`]);
    const control = createVnishControl(client.transport);
    const error = await caught(control.mining('stop'));
    expect(error.code).toBe('auth');
    expect(srv.seen.filter((s) => s.url === '/api/v1/mining/stop')).toHaveLength(2);
  });

  it('a wrong password is auth; 429 on unlock is auth with the status', async () => {
    const srv = await fake({ 'POST /api/v1/unlock': (_q, res) => json(res, 403, {}) });
    const wrong = createVnishClient({
      host: '127.0.0.1',
      port: srv.port,
      password: 'nope',
      agent: createMinerAgent(),
    });
    expect((await caught(wrong.presets())).code).toBe('auth');
    const srv2 = await fake({ 'POST /api/v1/unlock': (_q, res) => res.writeHead(429).end() });
    const limited = createVnishClient({ host: '127.0.0.1', port: srv2.port, agent: createMinerAgent() });
    const error = await caught(limited.unlock());
    expect(error).toMatchObject({ code: 'auth', status: 429 });
  });

  it('reads presets as a bare array or wrapped in {presets}', async () => {
    const item = { name: '3425', pretty: '3425 watt ~ 9500 MH', status: 'tuned', modded_psu_required: false };
    const bare = await fake({
      'POST /api/v1/unlock': unlockOk,
      'GET /api/v1/autotune/presets': (_q, r) => json(r, 200, [item]),
    });
    const wrapped = await fake({
      'POST /api/v1/unlock': unlockOk,
      'GET /api/v1/autotune/presets': (_q, r) => json(r, 200, { presets: [item] }),
    });
    for (const srv of [bare, wrapped]) {
      const presets = await createVnishClient({
        host: '127.0.0.1',
        port: srv.port,
        agent: createMinerAgent(),
      }).presets();
      expect(presets.map((p) => [p.name, p.status])).toEqual([['3425', 'tuned']]);
    }
  });

  it('asks /chains on 1.2.x and /boards on 1.3.x, falling back on 404', async () => {
    const chain = {
      id: 1,
      freq: 500,
      hr_nominal: 3166,
      hr_realtime: 3170,
      status: { state: 'mining' },
      chips: [],
      sensors: [],
    };
    const v12 = await fake({
      'GET /api/v1/info': (_q, r) => json(r, 200, { fw_version: '1.2.7' }),
      'GET /api/v1/chains': (_q, r) => json(r, 200, [chain]),
    });
    const v13 = await fake({
      'GET /api/v1/info': (_q, r) => json(r, 200, { fw_version: '1.3.4' }),
      'GET /api/v1/boards': (_q, r) => json(r, 200, [chain]),
    });
    const v13chainsOnly = await fake({
      'GET /api/v1/info': (_q, r) => json(r, 200, { fw_version: '1.3.0-alpha' }),
      'GET /api/v1/chains': (_q, r) => json(r, 200, [chain]),
    });
    for (const [srv, paths] of [
      [v12, ['/api/v1/info', '/api/v1/chains']],
      [v13, ['/api/v1/info', '/api/v1/boards']],
      [v13chainsOnly, ['/api/v1/info', '/api/v1/boards', '/api/v1/chains']],
    ] as const) {
      const chips = await createVnishClient({
        host: '127.0.0.1',
        port: srv.port,
        agent: createMinerAgent(),
      }).chainChips();
      expect(chips).toHaveLength(1);
      expect(srv.seen.map((s) => s.url)).toEqual(paths);
    }
  });

  it('falls back when /boards answers with the SPA page, and remembers the path that worked', async () => {
    const chain = { id: 1, status: { state: 'mining' }, chips: [] };
    const srv = await fake({
      'GET /api/v1/info': (_q, r) => json(r, 200, { fw_version: '1.3.4' }),
      'GET /api/v1/boards': (_q, r) =>
        r.writeHead(200, { 'content-type': 'text/html' }).end('<html>AnthillOS</html>'),
      'GET /api/v1/chains': (_q, r) => json(r, 200, [chain]),
    });
    const client = createVnishClient({ host: '127.0.0.1', port: srv.port, agent: createMinerAgent() });
    expect(await client.chainChips()).toHaveLength(1);
    expect(await client.chainChips()).toHaveLength(1);
    expect(srv.seen.map((s) => s.url)).toEqual([
      '/api/v1/info',
      '/api/v1/boards',
      '/api/v1/chains',
      '/api/v1/chains',
    ]);
  });

  it('treats an empty 200 body as success and {err} as miner_error with the miner’s words', async () => {
    const srv = await fake({
      'POST /api/v1/unlock': unlockOk,
      'POST /api/v1/mining/restart': (_q, res) => res.writeHead(200).end(),
      'POST /api/v1/mining/switch-pool': (_q, res) => json(res, 500, { err: 'Could not find pool' }),
      'POST /api/v1/mining/pause': (_q, res) =>
        json(res, 200, { err: 'CGMiner err: Cgminer error failed-to-activate-pause-mode ' }),
      'POST /api/v1/system/reboot': (_q, res) => json(res, 200, { after: 3 }),
    });
    const client = createVnishClient({ host: '127.0.0.1', port: srv.port, agent: createMinerAgent() });
    const control = createVnishControl(client.transport);
    await expect(control.mining('restart')).resolves.toBeUndefined();
    expect(await control.reboot()).toEqual({ afterSec: 3 });
    const notFound = await caught(control.switchPool(7));
    expect(notFound).toMatchObject({ code: 'miner_error', status: 500, minerMessage: 'Could not find pool' });
    const pause = await caught(control.mining('pause'));
    expect(pause.minerMessage).toBe('CGMiner err: Cgminer error failed-to-activate-pause-mode');
    expect(srv.seen.find((s) => s.url === '/api/v1/mining/switch-pool')).toBeDefined();
  });

  it('an HTML page instead of JSON is a bad_reply', async () => {
    const srv = await fake({
      'GET /api/v1/summary': (_q, res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><title>AnthillOS</title>'),
    });
    const error = await caught(
      createVnishClient({ host: '127.0.0.1', port: srv.port, agent: createMinerAgent() }).summary(),
    );
    expect(error.code).toBe('bad_reply');
    expect(error.message).toMatch(/HTML/);
  });

  it('reuses one keep-alive connection for sequential calls, and bounds concurrent sockets', async () => {
    const srv = await fake({ 'GET /api/v1/status': (_q, res) => json(res, 200, { miner_state: 'mining' }) });
    const client = createVnishClient({ host: '127.0.0.1', port: srv.port, agent: createMinerAgent() });
    for (let i = 0; i < 10; i++) await client.status();
    expect(srv.connections).toBe(1);
    const busy = await fake({
      'GET /api/v1/status': (_q, res) => setImmediate(() => json(res, 200, { miner_state: 'mining' })),
    });
    const bounded = createVnishClient({
      host: '127.0.0.1',
      port: busy.port,
      agent: createMinerAgent({ maxSocketsPerHost: 2 }),
    });
    await Promise.all(Array.from({ length: 12 }, () => bounded.status()));
    expect(busy.connections).toBeLessThanOrEqual(2);
    expect(busy.seen).toHaveLength(12);
  });

  it('times out a miner that never answers, honours an AbortSignal, and refuses oversized replies', async () => {
    const srv = await fake({
      'GET /api/v1/status': () => undefined,
      'GET /api/v1/info': (_q, res) => json(res, 200, { miner: 'x'.repeat(10_000) }),
    });
    const client = createVnishClient({
      host: '127.0.0.1',
      port: srv.port,
      timeoutMs: 200,
      agent: createMinerAgent(),
      maxBytes: 1000,
    });
    expect((await caught(client.status())).code).toBe('timeout');
    const controller = new AbortController();
    const pending = client.status({ signal: controller.signal, timeoutMs: 60_000 });
    controller.abort();
    expect((await caught(pending)).code).toBe('aborted');
    expect((await caught(client.info())).code).toBe('bad_reply');
  });

  it('a closed port is unreachable', async () => {
    const srv = await fake({});
    const port = srv.port;
    await closeAll();
    expect(
      (await caught(createVnishClient({ host: '127.0.0.1', port, agent: createMinerAgent() }).info())).code,
    ).toBe('unreachable');
  });

  it('builds a snapshot when a secondary endpoint fails, and says which one', async () => {
    const srv = await fake({
      'GET /api/v1/summary': (_q, r) =>
        json(r, 200, {
          miner: { hr_realtime: 9500, power_consumption: 3425, miner_status: { miner_state: 'mining' } },
        }),
      'GET /api/v1/info': (_q, r) =>
        json(r, 200, { hr_measure: 'MH/s', miner: 'Antminer L7', fw_name: 'Vnish', fw_version: '1.2.7' }),
      'GET /api/v1/status': (_q, r) => json(r, 500, { err: 'internal' }),
      'GET /api/v1/perf-summary': (_q, r) =>
        r.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'),
    });
    const client = createVnishClient({ host: '127.0.0.1', port: srv.port, agent: createMinerAgent() });
    const snapshot = await readVnishSnapshot(client, { now: () => 42 });
    expect(snapshot).toMatchObject({ takenAtMs: 42, hashrateMhs: 9500, minerState: 'mining', preset: null });
    expect(snapshot.incomplete).toEqual(['status: miner_error', 'perf-summary: bad_reply']);
  });
});
