// @vitest-environment node
// A miner that answers every write with success but applies nothing (docs/vnish.md §3.7): the runner must not
// report success. A small HTTP server on loopback plays that miner; the read-back waits, then says so. The
// same miner shows the audit row is on disk before a write reaches it.
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../electron/control/audit';
import { createControl, type Control } from '../../../electron/control/runner';
import { openDb } from '../../../electron/store/db';
import { type AuditEntry } from '../../../shared/control';
import { tempDir } from '../../helpers/core';
import { modelSchema } from '../../../electron/miners/vnish/schemas-info';
import { presetsSchema } from '../../../electron/miners/vnish/schemas-tuning';

let server: Server;
let control: Control;
const posted: string[] = [];
/** Called as each write reaches the miner. */
let onPost: (url: string) => void = () => undefined;
let port = 0;

const replies: Record<string, unknown> = {
  'GET /api/v1/status': { miner_state: 'mining', miner_state_time: 100, find_miner: false, unlocked: true },
  'GET /api/v1/settings': { miner: { overclock: { preset: '3425', globals: { freq: 500, volt: 1360 } } } },
  'POST /api/v1/unlock': { token: 'a'.repeat(32) },
  'POST /api/v1/find-miner': { on: true },
  'POST /api/v1/settings': { restart_required: true, reboot_required: false },
};

const facts = {
  firmwareVersion: '1.2.7',
  model: modelSchema.parse({ overclock: { min_freq: 200, max_freq: 800 } }),
  presets: presetsSchema.parse([{ name: '3425' }, { name: '3700' }]),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const key = `${req.method ?? ''} ${req.url ?? ''}`;
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') {
        posted.push(req.url ?? '');
        onPost(req.url ?? '');
      }
      const body = replies[key];
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      res.end(body === undefined ? '{"err":"not found"}' : JSON.stringify(body));
    });
  });
  // Port 0: the kernel hands out one that is free on loopback.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  control = createControl({
    target: () => ({ host: '127.0.0.1', port, password: 'admin', facts }),
    markRestarting: () => undefined,
    audit: null,
    timing: { readBackMs: 300, readBackIntervalMs: 20, callTimeoutMs: 2_000 },
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('a miner that accepts but does not apply', () => {
  it('leaves the LED and the preset unverified, after sending each write once', async () => {
    const [led] = await control.run({ action: { kind: 'locate', on: true }, rigIds: ['r1'], face: 'cli' });
    expect(led).toMatchObject({ rigId: 'r1', outcome: 'unverified' });
    expect(led?.message).toBe(
      'The miner accepted the command but did not show the locate LED on within 300 ms.',
    );
    const [preset] = await control.run({
      action: { kind: 'preset', name: '3700' },
      rigIds: ['r1'],
      face: 'cli',
    });
    expect(preset).toMatchObject({ outcome: 'unverified', restartRequired: true });
    expect(preset?.message).toContain('did not show preset 3700 in its settings');
    expect(posted).toEqual(['/api/v1/find-miner', '/api/v1/unlock', '/api/v1/settings']);
  });
});

describe('the audit log around a command', () => {
  it('holds the row before the miner hears of the command, and completes it after', async () => {
    const log = createAuditLog(openDb(tempDir()));
    const audited = createControl({
      target: (rigId) => (rigId === 'r1' ? { host: '127.0.0.1', port, password: 'admin', facts } : null),
      markRestarting: () => undefined,
      audit: log,
      timing: { readBackMs: 100, readBackIntervalMs: 20, callTimeoutMs: 2_000 },
    });
    const seenByMiner: AuditEntry[][] = [];
    onPost = () => void seenByMiner.push(log.list({ limit: 10 }));
    try {
      const results = await audited.run({
        action: { kind: 'preset', name: '3700' },
        rigIds: ['r1', 'gone'],
        face: 'headless',
      });
      expect(results.map((r) => r.outcome)).toEqual(['unverified', 'refused']);
    } finally {
      onPost = () => undefined;
    }
    // When the write reached the miner its row was there, started, not finished.
    const atWrite = seenByMiner.at(-1)?.find((e) => e.rigId === 'r1');
    expect(atWrite).toMatchObject({
      action: 'preset',
      params: { name: '3700' },
      face: 'headless',
      outcome: null,
    });
    expect(atWrite?.startedAtMs).not.toBeNull();
    expect(atWrite?.finishedAtMs).toBeNull();

    const rows = log.list({ limit: 10 });
    expect(rows).toHaveLength(2);
    const [a, b] = rows;
    expect(a?.batchId).toBe(b?.batchId);
    const byRig = new Map(rows.map((r) => [r.rigId, r]));
    expect(byRig.get('r1')).toMatchObject({ outcome: 'unverified', restartRequired: true });
    expect(byRig.get('gone')).toMatchObject({
      outcome: 'refused',
      startedAtMs: null,
      message: 'Unknown rig; nothing was sent.',
    });
    expect(byRig.get('gone')?.finishedAtMs).not.toBeNull();
  });
});
