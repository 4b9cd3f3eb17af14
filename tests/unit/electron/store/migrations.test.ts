// @vitest-environment node
/**
 * Migrations are append-only: a released one is never edited, and new ones come after the newest. Each SQL
 * file's hash is recorded in checksums.json when it is added; editing an old file fails here.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { type StoredChain, packChains, unpackChains } from '../../../../electron/store/chain-codec';
import { DB_FILE, DEFAULT_MIGRATIONS_DIR, openDb } from '../../../../electron/store/db';
import { createHistoryStore } from '../../../../electron/store/history';
import { allMetrics, metricCodecs } from '../../../../electron/store/history-codec';
import type { AggRow } from '../../../../electron/store/history-sql';
import { rigs } from '../../../../electron/store/schema';
import { STORED_ROLLUP_COLUMNS, expandRow, packSpread } from '../../../../electron/store/spread-codec';
import { tempDir } from '../../../helpers/core';
import { HOUR, T0, cycle, storedChain } from '../../../helpers/history';

const dir = DEFAULT_MIGRATIONS_DIR;
const sqlFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.sql'))
  .sort();
const checksums = JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')) as Record<string, string>;
const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; when: number; tag: string }[];
};

describe('migrations', () => {
  it('has a recorded checksum for every file, and no released file was edited', () => {
    expect(Object.keys(checksums).sort()).toEqual(sqlFiles);
    for (const f of sqlFiles) {
      const hash = createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex');
      expect(hash, `${f} was edited after release; add a new migration instead`).toBe(checksums[f]);
    }
  });

  it('keeps the journal in order: one entry per file, each newer than the last', () => {
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(sqlFiles);
    for (let i = 1; i < journal.entries.length; i++) {
      expect(journal.entries[i]?.when).toBeGreaterThan(journal.entries[i - 1]?.when ?? 0);
    }
  });

  it('migrates an empty file, and opening it again is a no-op', () => {
    const data = tempDir();
    const db = openDb(data);
    const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).toContain('rigs');
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    db.$client.close();
    const again = openDb(data);
    expect(again.$client.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    again.$client.close();
    expect(readdirSync(data)).toContain(DB_FILE);
  });

  it('creates the history tables, the sample tables WITHOUT ROWID', () => {
    const db = openDb(tempDir());
    const tables = db.$client
      .prepare("SELECT name, sql LIKE '%WITHOUT ROWID' AS compact FROM sqlite_master WHERE type = 'table'")
      .all() as { name: string; compact: number }[];
    const compact = tables.filter((t) => t.compact).map((t) => t.name);
    expect(compact.sort()).toEqual([
      'pool_balance_samples',
      'pool_worker_samples',
      'rig_samples',
      'rig_samples_1h',
      'rig_samples_5m',
    ]);
    for (const t of [
      'rig_keys',
      'fleet_samples_5m',
      'fleet_samples_1h',
      'events',
      'commands',
      'recommendations',
    ])
      expect(tables.map((x) => x.name)).toContain(t);
    db.$client.close();
  });

  it('upgrades a file created by the previous schema (0000 only): its rigs survive and history works', () => {
    // The previous release's migrations folder: only the first file and a journal that knows only it.
    const previous = tempDir('rigdeck-migrations-');
    mkdirSync(join(previous, 'meta'));
    copyFileSync(join(dir, '0000_rigs.sql'), join(previous, '0000_rigs.sql'));
    const first = { ...journal, entries: journal.entries.slice(0, 1) };
    writeFileSync(join(previous, 'meta', '_journal.json'), JSON.stringify(first));

    const data = tempDir();
    const old = openDb(data, previous);
    const oldTables = old.$client.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(oldTables).not.toContain('rig_samples');
    // Raw SQL: the current schema has columns (name_auto, 0006) that the old file does not have yet.
    old.$client
      .prepare(
        "INSERT INTO rigs (id, name, ip, added_at, updated_at) VALUES ('r1', 'L7-0001', '10.0.0.7', 1, 2)",
      )
      .run();
    old.$client.close();

    const db = openDb(data);
    expect(db.select().from(rigs).all()).toMatchObject([{ id: 'r1', name: 'L7-0001', ip: '10.0.0.7' }]);
    const store = createHistoryStore(db);
    store.writeCycle(cycle(['r1'], T0, 3));
    const r = store.query({ rigId: 'r1', metrics: ['power_w'], fromMs: T0, toMs: T0 + HOUR });
    expect(r.series[0]?.points).toEqual([[T0, 3400, 3400, 3400]]);
    expect(db.$client.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.$client.close();
  });

  it('0006 gives older rigs that share a name (any case) a suffix, oldest keeps it, and makes names unique', () => {
    const previous = tempDir('rigdeck-migrations-');
    mkdirSync(join(previous, 'meta'));
    const before = journal.entries.filter((e) => e.idx < 6);
    for (const e of before) copyFileSync(join(dir, `${e.tag}.sql`), join(previous, `${e.tag}.sql`));
    writeFileSync(join(previous, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: before }));
    const data = tempDir();
    const old = openDb(data, previous);
    const insert = old.$client.prepare(
      'INSERT INTO rigs (id, name, ip, added_at, updated_at) VALUES (?, ?, ?, ?, 0)',
    );
    insert.run('aaaaaaaa-1', 'rig-07', '10.0.0.7', 1);
    insert.run('bbbbbbbb-2', 'RIG-07', '10.0.0.8', 2);
    insert.run('cccccccc-3', 'rig-07', '10.0.0.9', 2);
    insert.run('dddddddd-4', 'rig-08', '10.0.0.10', 1);
    old.$client.close();

    const db = openDb(data);
    const names = db.select({ id: rigs.id, name: rigs.name }).from(rigs).orderBy(rigs.id).all();
    expect(names).toEqual([
      { id: 'aaaaaaaa-1', name: 'rig-07' },
      { id: 'bbbbbbbb-2', name: 'RIG-07-bbbbbbbb' },
      { id: 'cccccccc-3', name: 'rig-07-cccccccc' },
      { id: 'dddddddd-4', name: 'rig-08' },
    ]);
    expect(() => db.$client.prepare("UPDATE rigs SET name = 'Rig-08' WHERE id = 'aaaaaaaa-1'").run()).toThrow(
      /UNIQUE/,
    );
    db.$client.close();
  });

  it('0010 packs every chain row into its sample row, byte for byte as the writer does, and drops chain_samples', () => {
    const { data, old } = before0010();
    const sample = old.$client.prepare(
      'INSERT INTO rig_samples (minute, rig, second, hashrate_mhs, power_w, miner_state) VALUES (?, ?, ?, 9500, 3400, 0)',
    );
    const chainRow = old.$client.prepare(
      'INSERT INTO chain_samples (minute, rig, second, chain, state, hashrate_mhs, chip_temp_dc, board_temp_dc, ' +
        'frequency_dmhz, voltage_mv, chips_red, chips_orange) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const c = storedChain;
    // Per sample: its chains in the old shape, covering NULLs, negatives, every varint width, and values past
    // 32 bits (a SHA-256 board in MH/s).
    const cases: { at: [number, number, number]; chains: StoredChain[] }[] = [
      { at: [29_453_761, 1, 2], chains: [c({}), c({ chain: 2, hashrateMhs: 3100 }), c({ chain: 3 })] },
      {
        at: [29_453_761, 2, 2],
        chains: [
          c({ chain: 0, state: 3, hashrateMhs: null, chipTempDc: -40, boardTempDc: null, chipsRed: 7 }),
          c({ chain: 5, hashrateMhs: 70_000_000_000, voltageMv: 0, chipsOrange: null }),
          c({ chain: 200, chipTempDc: 1_000_000, frequencyDmhz: -1 }),
        ],
      },
      { at: [29_453_762, 1, 0], chains: [c({ chain: 1, hashrateMhs: 2 ** 40 + 3 })] },
      { at: [29_453_762, 2, 59], chains: [] },
    ];
    for (const { at, chains } of cases) {
      sample.run(...at);
      // Inserted out of chain order: the migration orders them as the writer does.
      for (const x of [...chains].reverse())
        chainRow.run(
          ...at,
          x.chain,
          x.state,
          x.hashrateMhs,
          x.chipTempDc,
          x.boardTempDc,
          x.frequencyDmhz,
          x.voltageMv,
          x.chipsRed,
          x.chipsOrange,
        );
    }
    old.$client.close();

    const db = openDb(data);
    const rows = db.$client
      .prepare<[], { minute: number; rig: number; second: number; chains: Buffer | null; power_w: number }>(
        'SELECT minute, rig, second, chains, power_w FROM rig_samples ORDER BY minute, rig, second',
      )
      .all();
    expect(rows.map((r) => [r.minute, r.rig, r.second])).toEqual(cases.map((x) => x.at));
    rows.forEach((r, i) => {
      const expected = cases[i]?.chains ?? [];
      expect(r.power_w).toBe(3400);
      expect(unpackChains(r.chains)).toEqual(expected);
      expect(r.chains).toEqual(packChains(expected));
    });
    const tables = db.$client.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).not.toContain('chain_samples');
    expect(db.$client.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.$client.close();
  });

  it("0010 packs the per-rig rollups' min and max into spread, byte for byte as the folds do, values unchanged", () => {
    const { data, old } = before0010();
    // Old shape: 21 columns. Rows with NULL metrics, min = avg = max, wide and 40-bit spreads, negatives.
    const cols = allMetrics.map((m) => metricCodecs[m].column);
    const wide = cols.flatMap((c) => [`${c}_avg`, `${c}_min`, `${c}_max`]);
    const rows: AggRow[] = [
      [5_890_000, 12, ...cols.flatMap((_, m) => [9500 + m, 9400 + m, 9600 + m])],
      [5_890_000, 1, ...cols.flatMap((_, m) => (m % 2 ? [null, null, null] : [-40, -41, 2 ** 40]))],
      [5_890_001, 240, ...cols.flatMap(() => [753, 753, 753])],
      [5_890_002, 3, ...cols.flatMap(() => [0, -(2 ** 41), 3])],
    ];
    for (const [table, key] of [
      ['rig_samples_5m', 'bucket'],
      ['rig_samples_1h', 'hour'],
    ] as const) {
      const insert = old.$client.prepare(
        `INSERT INTO ${table} (${key}, rig, n, ${wide.join(', ')}) VALUES (${Array(wide.length + 3)
          .fill('?')
          .join(', ')})`,
      );
      rows.forEach(([t, n, ...values], i) => insert.run(t, (i % 2) + 1, n, ...values));
    }
    old.$client.close();

    const db = openDb(data);
    for (const [table, key] of [
      ['rig_samples_5m', 'bucket'],
      ['rig_samples_1h', 'hour'],
    ] as const) {
      const stored = db.$client
        .prepare<[], unknown[]>(
          `SELECT ${key}, n, ${STORED_ROLLUP_COLUMNS}, rig FROM ${table} ORDER BY ${key}, rig`,
        )
        .raw(true)
        .all();
      expect(stored.map(expandRow)).toEqual(rows);
      stored.forEach((s, i) => expect(s[2 + cols.length]).toEqual(packSpread(rows[i] ?? [])));
      expect(stored.map((s) => s.at(-1))).toEqual([1, 2, 1, 2]);
    }
    const compact = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID'")
      .pluck()
      .all();
    expect(compact).toEqual(expect.arrayContaining(['rig_samples_5m', 'rig_samples_1h']));
    expect(db.$client.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.$client.close();
  });
});

/** A data directory migrated up to 0009, open with that schema. */
function before0010() {
  const previous = tempDir('rigdeck-migrations-');
  mkdirSync(join(previous, 'meta'));
  const before = journal.entries.filter((e) => e.idx < 10);
  for (const e of before) copyFileSync(join(dir, `${e.tag}.sql`), join(previous, `${e.tag}.sql`));
  writeFileSync(join(previous, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: before }));
  const data = tempDir();
  return { data, old: openDb(data, previous) };
}
