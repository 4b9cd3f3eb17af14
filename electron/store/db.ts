import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

import * as schema from './schema';

export const DB_FILE = 'rigdeck.db';
// A path, not `new URL(…, import.meta.url)`: the CLI bundle must not turn the folder into an asset.
export const DEFAULT_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (creating if needed) the one SQLite file in the data directory and brings its schema up to date.
 * WAL lets the UI read while a poll cycle writes; synchronous=NORMAL is durable across a process crash in WAL
 * mode and loses at most the last transaction on power loss, which the collector can re-poll.
 */
export function openDb(dataDir: string, migrationsDir = DEFAULT_MIGRATIONS_DIR): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new Database(join(dataDir, DB_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsDir });
  return db;
}
