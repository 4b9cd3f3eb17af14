// @vitest-environment node
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core';
import { type RunningServer, ServerConfigError, startServer } from '../../electron/server';
import {
  type PasswordRecord,
  clearPasswordRecord,
  hashPassword,
  verifyPassword,
  writePasswordRecord,
} from '../../electron/server/password';
import { createLoginThrottle } from '../../electron/server/throttle';
import { makeCore, quietLog, tempDir } from '../helpers/core';
import { TestSocket } from '../helpers/ws';

const running: { server: RunningServer; core: Core }[] = [];
const sockets: TestSocket[] = [];

function staticDir(): string {
  const dir = tempDir('rigdeck-static-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>RigDeck</title>');
  writeFileSync(join(dir, 'assets', 'app-abc.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'app-abc.js.map'), '{"version":3,"sources":["secret.ts"]}');
  writeFileSync(join(dir, 'assets', 'big-abc.js'), BIG_JS);
  return dir;
}

const BIG_JS = Array.from({ length: 400 }, (_, i) => `export const rig${i} = 'rig-${i}';`).join('\n');

/** A GET with exactly these headers, the body as the bytes sent (fetch would decompress it). */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

type BootOptions = {
  password?: string;
  host?: string;
  throttle?: ReturnType<typeof createLoginThrottle>;
  allowedHosts?: string[];
  metrics?: boolean;
};

async function boot(opts: BootOptions = {}) {
  const core = makeCore();
  if (opts.password) writePasswordRecord(core.info.dataDir, await hashPassword(opts.password));
  // Counts every check against the password: the throttle must hold bursts to its allowance.
  const verified = { count: 0 };
  const server = await startServer({
    core,
    host: opts.host ?? '127.0.0.1',
    port: 0,
    staticDir: staticDir(),
    log: quietLog,
    verify: (password: string, record: PasswordRecord) => {
      verified.count += 1;
      return verifyPassword(password, record);
    },
    ...(opts.throttle ? { throttle: opts.throttle } : {}),
    ...(opts.allowedHosts ? { allowedHosts: opts.allowedHosts } : {}),
    ...(opts.metrics ? { metrics: true } : {}),
  });
  running.push({ server, core });
  return { core, server, verified, wsUrl: `ws://127.0.0.1:${server.port}/ws` };
}

/** A raw HTTP request to loopback with a Host header of our choosing (fetch would not let us set one). */
function get(port: number, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function socket(url: string, headers?: Record<string, string>) {
  const s = new TestSocket(url, headers);
  sockets.push(s);
  await s.opened();
  return s;
}

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const r of running.splice(0)) await r.server.close();
});

describe('headless server: contract over WebSocket', () => {
  it('greets, answers calls, validates and pushes settings.changed to every open socket', async () => {
    const { wsUrl } = await boot();
    const a = await socket(wsUrl);
    const b = await socket(wsUrl);
    expect(await a.next('hello')).toMatchObject({ auth: 'none' });
    await b.next('hello');

    const info = await a.call('app.info');
    expect(info).toMatchObject({ type: 'result', result: { name: 'RigDeck', face: 'headless' } });

    const bad = await a.call('settings.update', { pollIntervalSec: 1 });
    expect(bad).toMatchObject({
      type: 'error',
      error: { code: 'invalid_argument', issues: [{ path: 'pollIntervalSec' }] },
    });

    const ok = await a.call('settings.update', { theme: 'light' });
    expect(ok).toMatchObject({ type: 'result', result: { theme: 'light' } });
    expect(await b.next('event')).toMatchObject({ event: 'settings.changed', payload: { theme: 'light' } });
  });

  it('answers every kind of bad message with an error and stays up', async () => {
    const { wsUrl } = await boot();
    const s = await socket(wsUrl);
    await s.next('hello');
    const garbage = [
      'not json',
      '[]',
      'null',
      '{"type":"call"}',
      '{"type":"call","id":1,"method":{"$gt":""}}',
      JSON.stringify({ type: 'call', id: 'x'.repeat(100), method: 'app.info' }),
      JSON.stringify({ type: 'teleport', id: 3 }),
      JSON.stringify({ type: 'call', id: 4, method: '__proto__' }),
      // Prototype pollution attempt: JSON.parse makes "__proto__" an own key, which the strict schema refuses.
      '{"type":"call","id":5,"method":"settings.update","params":{"__proto__":{"theme":"light"}}}',
    ];
    for (const g of garbage) {
      s.send(g);
      const err = await s.next('error');
      expect(['bad_message', 'unknown_method', 'invalid_argument'], g.slice(0, 60)).toContain(err.error.code);
    }
    expect(await s.call('settings.get')).toMatchObject({ result: { theme: 'dark' } });
    s.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await s.next('error')).error.code).toBe('bad_message');

    // A message over the size limit closes that socket only (1009), and the server keeps serving others.
    s.send(
      JSON.stringify({ type: 'call', id: 9, method: 'app.info', params: { pad: 'x'.repeat(1_100_000) } }),
    );
    expect(await s.closed).toBe(1009);

    const fresh = await socket(wsUrl);
    await fresh.next('hello');
    expect(await fresh.call('settings.get')).toMatchObject({ type: 'result' });
  });

  it('refuses a WebSocket from another origin and one on another path', async () => {
    const { server } = await boot();
    const evil = new TestSocket(`ws://127.0.0.1:${server.port}/ws`, { Origin: 'http://evil.example' });
    await expect(evil.opened()).rejects.toThrow(/403/);
    const other = new TestSocket(`ws://127.0.0.1:${server.port}/other`);
    await expect(other.opened()).rejects.toThrow(/403/);
    const same = await socket(`ws://127.0.0.1:${server.port}/ws`, {
      Origin: `http://127.0.0.1:${server.port}`,
    });
    expect(await same.next('hello')).toMatchObject({ type: 'hello' });
  });

  it('serves the renderer with a strict CSP, deep links to index.html, and nothing outside the bundle', async () => {
    const { server } = await boot();
    const base = `http://127.0.0.1:${server.port}`;
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(index.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    expect((await fetch(`${base}/settings`)).status).toBe(200);
    const asset = await fetch(`${base}/assets/app-abc.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    // A source map that made it into the bundle is still never served.
    const map = await fetch(`${base}/assets/app-abc.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('secret.ts');
    expect((await fetch(`${base}/..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(400);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('headless server: compressed assets', () => {
  it('sends a text asset gzipped to a browser that accepts it, with the same headers, and as is otherwise', async () => {
    const { server } = await boot();
    const gz = await rawGet(server.port, '/assets/big-abc.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toBe('Accept-Encoding');
    expect(gz.headers['content-length']).toBe(String(gz.body.length));
    expect(gz.headers['content-security-policy']).toContain("script-src 'self'");
    expect(gz.headers['cache-control']).toContain('immutable');
    expect(gz.body.length).toBeLessThan(BIG_JS.length / 3);
    expect(gunzipSync(gz.body).toString()).toBe(BIG_JS);

    const without: Record<string, string>[] = [
      {},
      { 'Accept-Encoding': 'gzip;q=0, br' },
      { 'Accept-Encoding': 'identity' },
    ];
    for (const headers of without) {
      const plain = await rawGet(server.port, '/assets/big-abc.js', headers);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(BIG_JS);
      expect(plain.headers['x-content-type-options']).toBe('nosniff');
    }
    // A file too small to gain is sent as it is, whatever the browser accepts.
    const small = await rawGet(server.port, '/assets/app-abc.js', { 'Accept-Encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('console.log(1)');
  });

  it('serves a file rewritten on disk (a rebuild) as it now is, not as it was first read', async () => {
    const dir = staticDir();
    const core = makeCore();
    const server = await startServer({ core, host: '127.0.0.1', port: 0, staticDir: dir, log: quietLog });
    running.push({ server, core });
    const first = await rawGet(server.port, '/', { 'Accept-Encoding': 'gzip' });
    expect(first.body.toString()).toContain('<title>RigDeck</title>');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>RigDeck, rebuilt</title>');
    const second = await rawGet(server.port, '/', { 'Accept-Encoding': 'gzip' });
    expect(second.body.toString()).toContain('rebuilt');
  });
});

describe('headless server: password', () => {
  it('refuses to listen beyond loopback without a password', async () => {
    const core = makeCore();
    await expect(
      startServer({ core, host: '0.0.0.0', port: 0, staticDir: staticDir(), log: quietLog }),
    ).rejects.toBeInstanceOf(ServerConfigError);
  });

  it('makes every socket log in first; a wrong password is refused, the right one gets a session token', async () => {
    const { wsUrl } = await boot({ password: 'farm-password-1' });
    const s = await socket(wsUrl);
    expect(await s.next('hello')).toMatchObject({ auth: 'required' });
    expect(await s.call('settings.get')).toMatchObject({ type: 'error', error: { code: 'unauthorized' } });

    s.send({ type: 'login', password: 'wrong-password' });
    expect(await s.next('login.error')).toMatchObject({
      error: { code: 'unauthorized', message: 'Wrong password.' },
    });
    expect(await s.call('settings.get')).toMatchObject({ type: 'error', error: { code: 'unauthorized' } });

    s.send({ type: 'login', password: 'farm-password-1' });
    const ok = await s.next('login.ok');
    expect(ok.token.length).toBeGreaterThan(20);
    expect(await s.call('settings.get')).toMatchObject({ type: 'result' });

    // A reconnecting tab presents its token instead of the password.
    const again = await socket(wsUrl);
    await again.next('hello');
    again.send({ type: 'login', token: ok.token });
    expect(await again.next('login.ok')).toMatchObject({ token: ok.token });
    const forged = await socket(wsUrl);
    await forged.next('hello');
    forged.send({ type: 'login', token: 'forged-token' });
    expect(await forged.next('login.error')).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('throttles repeated failures, even for the right password, across sockets from one address', async () => {
    const throttle = createLoginThrottle({
      freeAttempts: 2,
      baseLockMs: 60_000,
      maxLockMs: 60_000,
      maxEntries: 100,
    });
    const { wsUrl } = await boot({ password: 'farm-password-1', throttle });
    const s = await socket(wsUrl);
    await s.next('hello');
    for (let i = 0; i < 2; i++) {
      s.send({ type: 'login', password: `guess-${i}` });
      expect((await s.next('login.error')).error.code).toBe('unauthorized');
    }
    const other = await socket(wsUrl);
    await other.next('hello');
    other.send({ type: 'login', password: 'farm-password-1' });
    const limited = await other.next('login.error');
    expect(limited.error.code).toBe('rate_limited');
    expect(limited.error.retryAfterMs).toBeGreaterThan(50_000);
  });

  it('does not deliver events to a socket that has not logged in', async () => {
    const { wsUrl, core } = await boot({ password: 'farm-password-1' });
    const outsider = await socket(wsUrl);
    await outsider.next('hello');
    core.settings.update({ theme: 'light' });
    await expect(outsider.next('event', 300)).rejects.toThrow(/no event/);
  });
});

describe('headless server: login bursts', () => {
  it('checks at most the free attempts of 100 guesses sent at once on one socket', async () => {
    const { wsUrl, verified } = await boot({ password: 'farm-password-1' });
    const s = await socket(wsUrl);
    await s.next('hello');
    for (let i = 0; i < 100; i++) {
      s.send({ type: 'login', password: i === 50 ? 'farm-password-1' : `guess-${i}` });
    }
    const codes: string[] = [];
    for (let i = 0; i < 100; i++) codes.push((await s.next('login.error', 30_000)).error.code);
    expect(verified.count).toBeGreaterThan(0);
    expect(verified.count).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(95);
    expect(await s.call('settings.get')).toMatchObject({ type: 'error', error: { code: 'unauthorized' } });
  });

  it('checks at most the free attempts of 10 sockets × 10 guesses', async () => {
    const { wsUrl, verified } = await boot({ password: 'farm-password-1' });
    const all = await Promise.all(Array.from({ length: 10 }, () => socket(wsUrl)));
    await Promise.all(all.map((s) => s.next('hello')));
    for (const s of all) for (let i = 0; i < 10; i++) s.send({ type: 'login', password: `guess-${i}` });
    for (const s of all) for (let i = 0; i < 10; i++) await s.next('login.error', 30_000);
    expect(verified.count).toBeGreaterThan(0);
    expect(verified.count).toBeLessThanOrEqual(5);
  });

  it('checks at most the free attempts of 50 parallel wrong Basic logins on /metrics, and says 429', async () => {
    const { server, verified } = await boot({ password: 'farm-password-1', metrics: true });
    const auth = `Basic ${Buffer.from('prometheus:wrong-password').toString('base64')}`;
    const host = `127.0.0.1:${server.port}`;
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => get(server.port, '/metrics', { Host: host, Authorization: auth })),
    );
    expect(verified.count).toBeGreaterThan(0);
    expect(verified.count).toBeLessThanOrEqual(5);
    expect(replies.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(45);
    expect(replies.every((r) => r.status === 429 || r.status === 401)).toBe(true);
  });
});

describe('headless server: Host header (DNS rebinding)', () => {
  it('refuses every request naming a host it does not serve, before anything else', async () => {
    const { server } = await boot({ metrics: true });
    for (const path of ['/', '/healthz', '/metrics', '/assets/app-abc.js', '/settings']) {
      const r = await get(server.port, path, { Host: `evil.example:${server.port}` });
      expect(r.status, path).toBe(421);
      expect(r.body, path).not.toContain('RigDeck</title>');
    }
    const ws = new TestSocket(`ws://127.0.0.1:${server.port}/ws`, {
      Host: `evil.example:${server.port}`,
      Origin: `http://evil.example:${server.port}`,
    });
    sockets.push(ws);
    await expect(ws.opened()).rejects.toThrow(/421/);
  });

  it('answers loopback names and addresses, and names allowed with --allow-host', async () => {
    const { server } = await boot({ allowedHosts: ['rigdeck.farm.lan'] });
    for (const host of ['127.0.0.1', 'localhost', '[::1]', 'rigdeck.farm.lan', 'RigDeck.Farm.Lan.']) {
      expect((await get(server.port, '/', { Host: `${host}:${server.port}` })).status, host).toBe(200);
    }
    expect((await get(server.port, '/', { Host: 'farm.lan' })).status).toBe(421);
    const ws = await socket(`ws://127.0.0.1:${server.port}/ws`, { Host: `rigdeck.farm.lan:${server.port}` });
    expect(await ws.next('hello')).toMatchObject({ type: 'hello' });
  });
});

describe('headless server: sessions and the password at run time', () => {
  it('logging out on one socket logs out every socket holding that token', async () => {
    const { wsUrl } = await boot({ password: 'farm-password-1' });
    const a = await socket(wsUrl);
    await a.next('hello');
    a.send({ type: 'login', password: 'farm-password-1' });
    const { token } = await a.next('login.ok');
    const b = await socket(wsUrl);
    await b.next('hello');
    b.send({ type: 'login', token });
    await b.next('login.ok');
    expect(await b.call('settings.get')).toMatchObject({ type: 'result' });

    a.send({ type: 'logout' });
    expect(await b.next('login.error')).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await b.call('settings.get')).toMatchObject({ type: 'error', error: { code: 'unauthorized' } });
    const c = await socket(wsUrl);
    await c.next('hello');
    c.send({ type: 'login', token });
    expect(await c.next('login.error')).toMatchObject({ error: { code: 'unauthorized' } });
  });

  // Bound to every interface for the rule's sake, but all traffic here stays on 127.0.0.1.
  it('clearing the password while listening beyond loopback locks the server instead of opening it', async () => {
    const { core, server } = await boot({ password: 'farm-password-1', host: '0.0.0.0', metrics: true });
    const wsUrl = `ws://127.0.0.1:${server.port}/ws`;
    const before = await socket(wsUrl);
    await before.next('hello');

    clearPasswordRecord(core.info.dataDir);
    const after = new TestSocket(wsUrl);
    sockets.push(after);
    await expect(after.opened()).rejects.toThrow(/503/);
    before.send({ type: 'login', password: 'anything-at-all' });
    expect(await before.next('login.error')).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await before.call('settings.get')).toMatchObject({
      type: 'error',
      error: { code: 'unauthorized' },
    });
    const metrics = await get(server.port, '/metrics', { Host: `127.0.0.1:${server.port}` });
    expect(metrics.status).toBe(503);

    // Setting a password again reopens it to those who know it.
    writePasswordRecord(core.info.dataDir, await hashPassword('farm-password-2'));
    const again = await socket(wsUrl);
    expect(await again.next('hello')).toMatchObject({ auth: 'required' });
  });
});
