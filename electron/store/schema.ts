/**
 * The database schema (drizzle, SQLite). Changing it means generating a new migration with
 * `npm run db:generate`; released migrations are never edited (tests/unit/electron/store/migrations.test.ts).
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A rig is a physical machine, not an address: identity is the miner serial where the firmware reports one,
 * else the MAC. The IP is an attribute that DHCP may change; a rig seen at a new address is updated, not added.
 */
export const rigs = sqliteTable(
  'rigs',
  {
    id: text('id').primaryKey(),
    serial: text('serial'),
    mac: text('mac'),
    name: text('name').notNull(),
    /** JSON array of strings: rack, row, owner… */
    labels: text('labels').notNull().default('[]'),
    ip: text('ip').notNull(),
    httpPort: integer('http_port').notNull().default(80),
    rpcPort: integer('rpc_port'),
    model: text('model'),
    firmware: text('firmware'),
    firmwareVersion: text('firmware_version'),
    hostname: text('hostname'),
    addedAt: integer('added_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('rigs_serial_unique')
      .on(t.serial)
      .where(sql`${t.serial} IS NOT NULL`),
    uniqueIndex('rigs_mac_unique')
      .on(t.mac)
      .where(sql`${t.mac} IS NOT NULL`),
    index('rigs_ip_idx').on(t.ip),
  ],
);

export type RigRow = typeof rigs.$inferSelect;
export type NewRigRow = typeof rigs.$inferInsert;
