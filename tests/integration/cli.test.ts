// @vitest-environment node
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createNodeCore } from '../../electron/headless-core';
import { openDb } from '../../electron/store/db';
import { createHistoryStore } from '../../electron/store/history';
import { readPasswordRecord, verifyPassword } from '../../electron/server/password';
import type { HistoryQuery } from '../../shared/telemetry';
import { parseScenario, startFarm } from '../../sim/index';
import { quietLog, tempDir } from '../helpers/core';
import { DAY, MIN, T0, batch, sample } from '../helpers/history';
import { freePortRange } from '../helpers/loopback';

type Run = { code: number | null; stdout: string; stderr: string };

// A command run without --data must never touch the data folder of whoever runs the tests.
const home = tempDir();

function rigdeck(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('rigdeck CLI', () => {
  it('lists its commands with --help and refuses unknown ones', async () => {
    const help = await rigdeck(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/serve/);
    expect(help.stdout).toMatch(/passwd/);
    const bad = await rigdeck(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown command "frobnicate"/);
    const badFlag = await rigdeck(['serve', '--colour', 'red']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/colour/);
  });

  it('passwd stores a verifiable hash from stdin, refuses a weak one, and --clear removes it', async () => {
    const dir = tempDir();
    const weak = await rigdeck(['passwd', '--data', dir], 'abc\n');
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/at least 8/);
    expect(existsSync(join(dir, 'auth.json'))).toBe(false);

    const set = await rigdeck(['passwd', '--data', dir], 'farm-secret-9\n');
    expect(set.code).toBe(0);
    const rec = readPasswordRecord(dir);
    expect(rec && (await verifyPassword('farm-secret-9', rec))).toBe(true);

    const clear = await rigdeck(['passwd', '--data', dir, '--clear']);
    expect(clear.code).toBe(0);
    expect(readPasswordRecord(dir)).toBeNull();
  });

  it('serve refuses a non-loopback address without a password, with the reason', async () => {
    // A tiny UI of its own, so the test does not depend on a prior "npm run build:renderer".
    const ui = tempDir('rigdeck-ui-');
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>RigDeck</title>');
    const run = await rigdeck([
      'serve',
      '--host',
      '0.0.0.0',
      '--port',
      '0',
      '--ip-report',
      'off',
      '--ui',
      ui,
      '--data',
      tempDir(),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/without a password/);
  });
});

describe('rigdeck scan', () => {
  it('prints one JSON line per device with the documented fields, and --add registers the Vnish ones', async () => {
    const farm = await startFarm({
      scenario: parseScenario(
        {
          name: 'cli-scan',
          rigs: [
            { count: 2, model: 'L7', firmware: '1.2.7' },
            { count: 1, model: 'L7', kind: 'braiins' },
          ],
        },
        'test',
      ),
      basePort: await freePortRange(6),
      clock: 'manual',
      servicePort: 0,
      services: { prohashing: false, abacus: false, control: false },
      seed: 3,
    });
    try {
      const dir = tempDir();
      const targets = farm.rigs.map((r) => `${r.ip}:${r.httpPort}`);
      const run = await rigdeck(['scan', ...targets, '--json', '--add', '--data', dir]);
      expect(run.code).toBe(0);
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(3);
      for (const line of lines) {
        expect(Object.keys(line).sort()).toEqual([
          'firmware',
          'ip',
          'kind',
          'mac',
          'model',
          'port',
          'serial',
          'version',
        ]);
      }
      expect(
        lines
          .filter((l) => l.kind === 'vnish')
          .map((l) => l.serial)
          .sort(),
      ).toEqual(
        farm.rigs
          .filter((r) => r.kind === 'vnish')
          .map((r) => r.serial)
          .sort(),
      );
      expect(lines.find((l) => l.kind === 'unsupported')?.firmware).toMatch(/Braiins/);
      expect(run.stderr).toMatch(/2 added/);
      const core = createNodeCore({
        dataDir: dir,
        log: quietLog,
      });
      expect(core.registry.list()).toHaveLength(2);
      await core.stop();
    } finally {
      await farm.stop();
    }
  });

  it('names a bad target and exits 2', async () => {
    const run = await rigdeck(['scan', '10.0.0.0/99']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('10.0.0.0/99');
  });
});

describe('rigdeck status and export', () => {
  it('polls the registered fleet once, prints one JSON line per rig, and exports what it polled as CSV', async () => {
    const farm = await startFarm({
      scenario: parseScenario(
        { name: 'cli-status', rigs: [{ count: 2, model: 'L7', firmware: '1.3.4' }] },
        'test',
      ),
      basePort: await freePortRange(4),
      clock: 'manual',
      servicePort: 0,
      services: { prohashing: false, abacus: false, control: false },
      seed: 4,
    });
    let stopped = false;
    try {
      await farm.advance(900);
      const dir = tempDir();
      const targets = farm.rigs.map((r) => `${r.ip}:${r.httpPort}`);
      expect((await rigdeck(['scan', ...targets, '--add', '--data', dir])).code).toBe(0);

      const run = await rigdeck(['status', '--json', '--data', dir]);
      expect(run.code).toBe(0);
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(2);
      for (const l of lines) {
        expect(Object.keys(l).sort()).toEqual(
          [
            'chip_temp_max_c',
            'error',
            'fan_rpm_min',
            'hashrate_mhs',
            'health',
            'id',
            'ip',
            'last_seen',
            'liveness',
            'model',
            'name',
            'nominal_mhs',
            'power_w',
            'problems',
            'state',
          ].sort(),
        );
        expect(l.liveness).toBe('online');
        expect(l.hashrate_mhs).toBeGreaterThan(0);
        expect(l.error).toBeNull();
        expect(l.health).toBe('ok');
        expect(l.problems).toEqual([]);
        expect(Number.isNaN(Date.parse(String(l.last_seen)))).toBe(false);
      }

      const out = join(dir, 'fleet.csv');
      const exp = await rigdeck(['export', '--metrics', 'hashrate_mhs,power_w', '--out', out, '--data', dir]);
      expect(exp.code).toBe(0);
      const csv = readFileSync(out, 'utf8').trim().split('\n');
      expect(csv[0]).toMatch(/hashrate_mhs/);
      expect(csv.length).toBeGreaterThan(1);

      const bad = await rigdeck(['export', '--metrics', 'nonsense', '--data', dir]);
      expect(bad.code).toBe(2);

      // The farm gone: each rig says why it could not be read, and when it last answered (from history).
      await farm.stop();
      stopped = true;
      const gone = await rigdeck(['status', '--json', '--data', dir]);
      expect(gone.code).toBe(0);
      const goneLines = gone.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(goneLines).toHaveLength(2);
      for (const l of goneLines) {
        expect(l.liveness).not.toBe('online');
        expect(String(l.error)).toMatch(/GET \/api\/v1\/summary @ /);
        expect(l.health).not.toBe('ok');
        // History keeps whole seconds.
        const before = Date.parse(String(lines.find((o) => o.id === l.id)?.last_seen));
        expect(Date.parse(String(l.last_seen))).toBe(Math.floor(before / 1000) * 1000);
      }
    } finally {
      if (!stopped) await farm.stop();
    }
  });

  it('exports a range of many pages exactly as the store writes it whole, to stdout and to a file', async () => {
    // Two rigs every 5 minutes for 15 days, the fleet at raw resolution (1-minute rows): 21,600 minutes of
    // range, more than two pages of history.exportPage, plus a day without data in the middle.
    const dir = tempDir();
    const db = openDb(dir);
    const store = createHistoryStore(db);
    for (let day = 0; day < 15; day++) {
      if (day === 7) continue;
      const samples = [];
      for (let t = T0 + day * DAY; t < T0 + (day + 1) * DAY; t += 5 * MIN)
        samples.push(sample('a', t, { hashrateMhs: 9000 + (t % 89) }), sample('b', t + 1000));
      store.writeCycle(batch(samples));
    }
    const q: HistoryQuery = {
      rigId: null,
      metrics: ['hashrate_mhs', 'power_w'],
      fromMs: T0 + 30_000,
      toMs: T0 + 15 * DAY,
      resolution: 'raw',
    };
    let whole = '';
    const rows = store.exportCsv(q, (line) => (whole += `${line}\n`));
    db.$client.close();
    expect(rows).toBe(14 * 288 - 1);

    const args = ['export', '--resolution', 'raw', '--metrics', 'hashrate_mhs,power_w', '--data', dir];
    const range = ['--from', new Date(q.fromMs).toISOString(), '--to', new Date(q.toMs).toISOString()];
    const run = await rigdeck([...args, ...range]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(whole);
    expect(run.stderr).toContain(`${rows} rows.`);

    const out = join(dir, 'fleet.csv');
    const toFile = await rigdeck([...args, ...range, '--out', out]);
    expect(toFile.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole);
  });

  it('alerts --json prints the alerts in a data directory, one object per line, --all with past ones', async () => {
    const dir = tempDir();
    let t = Date.parse('2026-03-01T10:00:00Z');
    const core = createNodeCore({ dataDir: dir, log: quietLog, now: () => t });
    const rig = (n: number) =>
      core.registry.upsert(
        {
          ip: `127.0.1.${n}`,
          port: 80,
          rpcPort: 4028,
          kind: 'vnish',
          firmware: 'Vnish',
          version: '1.2.7',
          model: 'Antminer L7',
          mac: `fe:07:26:3c:be:${String(n).padStart(2, '0')}`,
          serial: `SN-${n}`,
          hostname: null,
          reason: null,
          source: 'scan',
          rigId: null,
        },
        t,
      ).rig;
    const [hot, fan] = [rig(1), rig(2)];
    const overheat = {
      code: 'overheat-chip' as const,
      severity: 'critical' as const,
      text: 'chip 89 °C, limit 85 °C',
      sinceMs: t,
      subject: '',
    };
    const slow = {
      ...overheat,
      code: 'fan-slow' as const,
      severity: 'warning' as const,
      text: 'fan 1,900 rpm',
    };
    try {
      // What the collector hands the engine, poll by poll: both problems last past the sustain time (30 s),
      // then the fan recovers for longer than the clear time (60 s).
      for (let i = 0; i <= 7; i++, t += 5000) {
        core.alerts.service.observe({
          live: [
            { rigId: hot.id, problems: [overheat] },
            { rigId: fan.id, problems: [slow] },
          ],
          removed: [],
        });
      }
      for (let i = 0; i <= 13; i++, t += 5000)
        core.alerts.service.observe({ live: [{ rigId: fan.id, problems: [] }], removed: [] });
    } finally {
      await core.stop();
    }

    const active = await rigdeck(['alerts', '--json', '--data', dir]);
    expect(active.code).toBe(0);
    const lines = active.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      {
        rig_id: hot.id,
        name: hot.name,
        ip: '127.0.1.1',
        code: 'overheat-chip',
        severity: 'critical',
        text: 'chip 89 °C, limit 85 °C',
        since: '2026-03-01T10:00:00.000Z',
        state: 'open',
      },
    ]);

    const all = await rigdeck(['alerts', '--json', '--all', '--data', dir]);
    const states = all.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { name: string; state: string });
    expect(states.map((l) => [l.name, l.state])).toEqual([
      [hot.name, 'open'],
      [fan.name, 'cleared'],
    ]);

    const text = await rigdeck(['alerts', '--data', dir]);
    expect(text.stdout).toMatch(/critical\s+open\s+.*overheat-chip\s+chip 89 °C/);
  });
});

describe('rigdeck run and audit', () => {
  it('sends an action to rigs within their limits, asks --yes for disruptive ones, and lists the audit log', async () => {
    const farm = await startFarm({
      scenario: parseScenario(
        {
          name: 'cli-run',
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
      seed: 5,
      timing: { initSec: 10, startSec: 10 },
    });
    try {
      await farm.advance(60);
      const dir = tempDir();
      const core = createNodeCore({ dataDir: dir, log: quietLog });
      const added = await core.dispatch(
        'fleet.add',
        { addresses: farm.rigs.map((r) => ({ ip: r.ip, port: r.httpPort, rpcPort: r.rpcPort })) },
        { face: 'cli', peer: 'test' },
      );
      expect(added.ok).toBe(true);
      const ids = new Map(core.registry.list().map((r) => [r.httpPort, r.id]));
      await core.stop();
      const idOf = (name: string) => ids.get(farm.rigs.find((r) => r.name === name)?.httpPort ?? 0) ?? '';
      const jsonLines = (out: string) =>
        out
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>);

      const unconfirmed = await rigdeck(['run', 'stop', '--rigs', idOf('a'), '--data', dir]);
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.stderr).toMatch(/add --yes to proceed/);
      expect(farm.rig('a').phase.state).toBe('mining');

      const locate = await rigdeck(['run', 'locate', '--on', '--rigs', 'all', '--json', '--data', dir]);
      expect(locate.code).toBe(0);
      const lines = jsonLines(locate.stdout);
      expect(lines.map((l) => l.outcome)).toEqual(['done', 'done']);
      expect(Object.keys(lines[0] ?? {}).sort()).toEqual(
        ['ip', 'message', 'name', 'outcome', 'restart_required', 'rig_id'].sort(),
      );
      expect(farm.rig('a').findMiner && farm.rig('b').findMiner).toBe(true);

      const unknown = await rigdeck(['run', 'preset', '--name', '1', '--rigs', idOf('b'), '--data', dir]);
      expect(unknown.code).toBe(1);
      expect(unknown.stdout).toMatch(/refused +Unknown preset "1"/);

      const pause = await rigdeck(['run', 'pause', '--rigs', idOf('b'), '--yes', '--data', dir]);
      expect(pause.code).toBe(0);
      expect(farm.rig('b').phase).toMatchObject({ state: 'stopped', paused: true });

      const badFlag = await rigdeck([
        'run',
        'reboot',
        '--name',
        'x',
        '--rigs',
        'all',
        '--yes',
        '--data',
        dir,
      ]);
      expect(badFlag.code).toBe(2);
      expect(badFlag.stderr).toMatch(/"reboot" takes no --name/);

      const audit = await rigdeck(['audit', '--json', '--data', dir]);
      expect(audit.code).toBe(0);
      const rows = jsonLines(audit.stdout);
      expect(rows.map((r) => [r.action, r.outcome, r.face])).toEqual([
        ['pause', 'done', 'cli'],
        ['preset', 'refused', 'cli'],
        ['locate', 'done', 'cli'],
        ['locate', 'done', 'cli'],
      ]);
      expect(rows[1]?.params).toEqual({ name: '1' });
      const forA = await rigdeck(['audit', '--json', '--rig', idOf('a'), '--data', dir]);
      expect(jsonLines(forA.stdout).map((r) => r.action)).toEqual(['locate']);
    } finally {
      await farm.stop();
    }
  });
});
