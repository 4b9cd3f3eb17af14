// @vitest-environment node
/**
 * Migrations are append-only: a released one is never edited, and new ones come after the newest. Each SQL
 * file's hash is recorded in checksums.json when it is added; editing an old file fails here.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DB_FILE, DEFAULT_MIGRATIONS_DIR, openDb } from '../../../../electron/store/db';
import { tempDir } from '../../../helpers/core';

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
});
