// @vitest-environment node
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import type { Core } from '../../electron/core';
import { type RunningServer, ServerConfigError, startServer } from '../../electron/server';
import { hashPassword, writePasswordRecord } from '../../electron/server/password';
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
  return dir;
}

async function boot(
  opts: { password?: string; host?: string; throttle?: ReturnType<typeof createLoginThrottle> } = {},
) {
  const core = makeCore();
  if (opts.password) writePasswordRecord(core.info.dataDir, await hashPassword(opts.password));
  const server = await startServer({
    core,
    host: opts.host ?? '127.0.0.1',
    port: 0,
    staticDir: staticDir(),
    log: quietLog,
    ...(opts.throttle ? { throttle: opts.throttle } : {}),
  });
  running.push({ server, core });
  return { core, server, wsUrl: `ws://127.0.0.1:${server.port}/ws` };
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
    expect((await fetch(`${base}/..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(400);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
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
