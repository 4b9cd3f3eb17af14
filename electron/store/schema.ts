/**
 * The database schema (drizzle, SQLite). Changing it means generating a new migration with
 * `npm run db:generate`; released migrations are never edited (tests/unit/electron/store/migrations.test.ts).
 */
import { sql } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

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
    /** The name is RigDeck's default (worker, hostname, model + MAC), not the technician's: it may follow the pool's worker name. */
    nameAuto: integer('name_auto', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    // Names are unique case-insensitively (migration 0006 suffixed older duplicates): a name picks one rig.
    uniqueIndex('rigs_name_nocase_unique').on(sql`${t.name} COLLATE NOCASE`),
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

/*
 * History. Values are stored as small integers in fixed units, so a raw row costs ~35 bytes on disk plus ~36 for
 * three packed chains, and a per-rig rollup row ~48–57 with min/max packed (measured by bench/history.ts; the
 * budget is 2 MB per rig-year at default retention; docs/history-storage.md). Times are whole
 * seconds, minute numbers (t / 60), 5-minute bucket numbers (t / 300) or hour numbers (t / 3600), never ms;
 * NULL (0 bytes) whenever the miner did not say.
 *   hashrate_mhs, pool_hashrate_mhs  MH/s, rounded (≥ 500 MH/s on every scrypt ASIC we poll: < 0.2 % error)
 *   power_w                          W, rounded
 *   efficiency_e4                    J/MH × 10⁴ (0.3579 J/MH → 3579)
 *   chip_temp_dc, board_temp_dc      °C × 10 (deci-degrees)
 *   fan_rpm                          rpm
 *   frequency_dmhz                   MHz × 10;  voltage_mv  mV
 *   miner_state, state               codes in history-codec.ts (fixed numbers, not enum positions)
 * The tables marked WITHOUT ROWID are rebuilt so by migration 0002 (and the per-rig rollups again by 0010, which
 * packed chains and rollup min/max; docs/history-storage.md) since drizzle cannot declare it: a future
 * drizzle-kit migration that recreates one of them must keep `WITHOUT ROWID`, or every row pays again for a
 * hidden rowid and a second copy of its key.
 */

/** Integer surrogate for the rigs' text UUIDs: 1–2 bytes per history row instead of 36. History outlives the registry row. */
export const rigKeys = sqliteTable('rig_keys', {
  key: integer('key').primaryKey(),
  rigId: text('rig_id').notNull().unique(),
});

/**
 * Raw samples, keyed by (minute number, rig, second within the minute): a poll cycle's rows land in a few
 * adjacent pages (keyed by rig first, a cycle dirtied one page per rig and ingest ran 6× slower), one rig's
 * range is a primary-key seek per minute, and folding or pruning a 5-minute bucket reads one contiguous run.
 * t = minute × 60 + second; bucket = minute / 5. WITHOUT ROWID.
 */
export const rigSamples = sqliteTable(
  'rig_samples',
  {
    minute: integer('minute').notNull(),
    rig: integer('rig').notNull(),
    second: integer('second').notNull(),
    hashrateMhs: integer('hashrate_mhs'),
    powerW: integer('power_w'),
    efficiencyE4: integer('efficiency_e4'),
    chipTempDc: integer('chip_temp_dc'),
    boardTempDc: integer('board_temp_dc'),
    fanRpm: integer('fan_rpm'),
    poolHashrateMhs: integer('pool_hashrate_mhs'),
    minerState: integer('miner_state').notNull(),
    /**
     * The sample's chains packed into one value (chain-codec.ts; migration 0010 replaced a chain_samples row
     * per chain): raw only, kept as long as the sample. NULL when the miner reported no chains.
     */
    chains: blob('chains', { mode: 'buffer' }),
  },
  (t) => [primaryKey({ columns: [t.minute, t.rig, t.second] })],
);

/** avg (rounded to the column's unit), min and max of every metric over a bucket, and how many samples it holds. */
const rollupColumns = () => ({
  n: integer('n').notNull(),
  hashrateMhsAvg: integer('hashrate_mhs_avg'),
  hashrateMhsMin: integer('hashrate_mhs_min'),
  hashrateMhsMax: integer('hashrate_mhs_max'),
  powerWAvg: integer('power_w_avg'),
  powerWMin: integer('power_w_min'),
  powerWMax: integer('power_w_max'),
  efficiencyE4Avg: integer('efficiency_e4_avg'),
  efficiencyE4Min: integer('efficiency_e4_min'),
  efficiencyE4Max: integer('efficiency_e4_max'),
  chipTempDcAvg: integer('chip_temp_dc_avg'),
  chipTempDcMin: integer('chip_temp_dc_min'),
  chipTempDcMax: integer('chip_temp_dc_max'),
  boardTempDcAvg: integer('board_temp_dc_avg'),
  boardTempDcMin: integer('board_temp_dc_min'),
  boardTempDcMax: integer('board_temp_dc_max'),
  fanRpmAvg: integer('fan_rpm_avg'),
  fanRpmMin: integer('fan_rpm_min'),
  fanRpmMax: integer('fan_rpm_max'),
  poolHashrateMhsAvg: integer('pool_hashrate_mhs_avg'),
  poolHashrateMhsMin: integer('pool_hashrate_mhs_min'),
  poolHashrateMhsMax: integer('pool_hashrate_mhs_max'),
});

/**
 * The per-rig rollups' columns: n, each metric's average as a column (SQL sums and averages those), and min
 * and max packed as differences from the average in `spread` (spread-codec.ts; migration 0010).
 */
const rigRollupColumns = () => ({
  n: integer('n').notNull(),
  hashrateMhsAvg: integer('hashrate_mhs_avg'),
  powerWAvg: integer('power_w_avg'),
  efficiencyE4Avg: integer('efficiency_e4_avg'),
  chipTempDcAvg: integer('chip_temp_dc_avg'),
  boardTempDcAvg: integer('board_temp_dc_avg'),
  fanRpmAvg: integer('fan_rpm_avg'),
  poolHashrateMhsAvg: integer('pool_hashrate_mhs_avg'),
  spread: blob('spread', { mode: 'buffer' }),
});

/**
 * Per-rig 5-minute rollups, keyed (bucket, rig) like raw: a fold appends one contiguous run at the end of the
 * table (keyed by rig first it dirtied one page per rig, 8 MB of WAL per fold at 1,000 rigs), pruning drops a
 * prefix, and a rig's day is 288 primary-key seeks. WITHOUT ROWID.
 */
export const rigSamples5m = sqliteTable(
  'rig_samples_5m',
  { bucket: integer('bucket').notNull(), rig: integer('rig').notNull(), ...rigRollupColumns() },
  (t) => [primaryKey({ columns: [t.bucket, t.rig] })],
);

/** Per-rig hourly rollups, keyed (hour, rig); hour = floor(t / 3600). WITHOUT ROWID. */
export const rigSamples1h = sqliteTable(
  'rig_samples_1h',
  { hour: integer('hour').notNull(), rig: integer('rig').notNull(), ...rigRollupColumns() },
  (t) => [primaryKey({ columns: [t.hour, t.rig] })],
);

/**
 * Fleet rollups, so a fleet chart reads one row per bucket however many rigs there are. n = rigs that reported;
 * hashrate, power and pool hashrate are sums over rigs, temperatures the hottest rig, fan the slowest, and
 * efficiency is Σ power / Σ hashrate. Hourly rows are the mean of the hour's 5-minute rows (see rollup.ts).
 */
export const fleetSamples5m = sqliteTable('fleet_samples_5m', {
  bucket: integer('bucket').primaryKey(),
  ...rollupColumns(),
});
export const fleetSamples1h = sqliteTable('fleet_samples_1h', {
  hour: integer('hour').primaryKey(),
  ...rollupColumns(),
});

/**
 * Where maintenance stands, one row (id 1), in bucket and hour numbers: everything before *_done_to is folded,
 * everything before *_pruned_to is deleted, and dirty_from..dirty_to are folded buckets that late samples
 * landed in since, to fold again. A bucket already pruned from raw is never re-folded (it would lose data).
 */
export const rollupState = sqliteTable('rollup_state', {
  id: integer('id').primaryKey(),
  bucketsDoneTo: integer('buckets_done_to'),
  hoursDoneTo: integer('hours_done_to'),
  dirtyFrom: integer('dirty_from'),
  dirtyTo: integer('dirty_to'),
  rawPrunedTo: integer('raw_pruned_to'),
  bucketsPrunedTo: integer('buckets_pruned_to'),
  hoursPrunedTo: integer('hours_pruned_to'),
});

/** The rig log (fleet-wide when rig_id is null). Times in ms: events are rare and precise order matters. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey(),
    rigId: text('rig_id'),
    atMs: integer('at_ms').notNull(),
    kind: text('kind', { enum: ['liveness', 'miner-state', 'failure', 'reboot', 'note'] }).notNull(),
    text: text('text').notNull(),
    liveness: text('liveness', { enum: ['unknown', 'online', 'stale', 'offline'] }),
  },
  (t) => [index('events_rig_at_idx').on(t.rigId, t.atMs), index('events_at_idx').on(t.atMs)],
);

/** What ProHashing reported per worker, one row per worker per pool poll (shared/pool.ts PoolWorker, trimmed). */
export const poolWorkerSamples = sqliteTable(
  'pool_worker_samples',
  {
    worker: text('worker').notNull(),
    atS: integer('at_s').notNull(),
    online: integer('online', { mode: 'boolean' }).notNull(),
    hashrateHs: real('hashrate_hs').notNull(),
    shareCount: real('share_count'),
    connections: integer('connections').notNull(),
  },
  // Time first: rows arrive in time order and retention drops a prefix.
  (t) => [primaryKey({ columns: [t.atS, t.worker] })],
);

/** Balances per payout coin over time (shared/pool.ts PoolBalance, trimmed). */
export const poolBalanceSamples = sqliteTable(
  'pool_balance_samples',
  {
    coin: text('coin').notNull(),
    atS: integer('at_s').notNull(),
    balance: real('balance').notNull(),
    unpaid: real('unpaid'),
    paid24h: real('paid_24h'),
    total: real('total'),
    paid: real('paid'),
  },
  (t) => [primaryKey({ columns: [t.atS, t.coin] })],
);

/**
 * Audit log of commands to rigs, one row per rig a command was for: written before the command is sent,
 * completed when it ends, never deleted (electron/control/audit.ts). Rows with no outcome were cut short.
 */
export const commands = sqliteTable(
  'commands',
  {
    id: text('id').primaryKey(),
    rigId: text('rig_id').notNull(),
    action: text('action').notNull(),
    /** JSON object of the command's parameters (never secrets). */
    params: text('params').notNull().default('{}'),
    requestedAt: integer('requested_at').notNull(),
    /** When it left the rig's queue and went to the miner; null when refused before sending. */
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    /** shared/control.ts `outcomes`; null while pending or running. */
    outcome: text('outcome', { enum: ['done', 'refused', 'failed', 'unverified'] }),
    /** What came of it, in words (the miner's own words on a refusal). The column predates successes. */
    message: text('error'),
    /** Which face asked (CallContext.face). Null only on rows from before it was recorded. */
    face: text('face', { enum: ['desktop', 'headless', 'cli'] }),
    /** Rows of one request to several rigs share it. */
    batchId: text('batch_id'),
    /** The miner said a mining restart is needed for the change to take effect. */
    restartRequired: integer('restart_required', { mode: 'boolean' }),
  },
  (t) => [
    index('commands_rig_requested_idx').on(t.rigId, t.requestedAt),
    index('commands_requested_idx').on(t.requestedAt),
  ],
);

export type CommandRow = typeof commands.$inferSelect;

/** Tuning advice, from RigDeck's own rules ('local') or the Abacus service. */
export const recommendations = sqliteTable(
  'recommendations',
  {
    id: text('id').primaryKey(),
    rigId: text('rig_id').notNull(),
    source: text('source', { enum: ['local', 'abacus'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    /** JSON: the figures behind the advice. */
    score: text('score').notNull().default('{}'),
  },
  (t) => [index('recommendations_rig_created_idx').on(t.rigId, t.createdAt)],
);

/**
 * Alerts, open and past (shared/alerts.ts Alert). `key` is rig + problem code + subject: one active alert per key.
 * notified_at_ms is when it was last handed to the notifiers, so a restart neither raises nor notifies it again.
 */
export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    rigId: text('rig_id'),
    rigName: text('rig_name'),
    ip: text('ip'),
    code: text('code').notNull(),
    subject: text('subject').notNull(),
    severity: text('severity', { enum: ['info', 'warning', 'critical'] }).notNull(),
    text: text('text').notNull(),
    sinceMs: integer('since_ms').notNull(),
    raisedAtMs: integer('raised_at_ms').notNull(),
    updatedAtMs: integer('updated_at_ms').notNull(),
    clearedAtMs: integer('cleared_at_ms'),
    state: text('state', { enum: ['open', 'acknowledged', 'cleared'] }).notNull(),
    acknowledgedAtMs: integer('acknowledged_at_ms'),
    snoozedUntilMs: integer('snoozed_until_ms'),
    inMaintenance: integer('in_maintenance', { mode: 'boolean' }).notNull(),
    notifiedAtMs: integer('notified_at_ms'),
  },
  (t) => [
    index('alerts_state_idx').on(t.state),
    index('alerts_cleared_idx').on(t.clearedAtMs),
    index('alerts_rig_raised_idx').on(t.rigId, t.raisedAtMs),
  ],
);
export type AlertRow = typeof alerts.$inferSelect;

/** Maintenance windows: a rig, or every rig with a label, whose alerts are kept but never notified. */
export const maintenanceWindows = sqliteTable('maintenance_windows', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['rig', 'label'] }).notNull(),
  /** The rig id or the label, by kind. */
  target: text('target').notNull(),
  fromMs: integer('from_ms').notNull(),
  toMs: integer('to_ms').notNull(),
  note: text('note').notNull().default(''),
});

/**
 * Bulk command jobs (shared/jobs.ts): written when the job is made and on every change, so a job running
 * when RigDeck stops is found at the next start and marked interrupted, never lost and never resumed.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    action: text('action').notNull(),
    /** JSON object of the action's parameters (never secrets). */
    params: text('params').notNull().default('{}'),
    face: text('face', { enum: ['desktop', 'headless', 'cli'] }).notNull(),
    state: text('state', { enum: ['running', 'done', 'cancelled', 'interrupted', 'halted'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    finishedAt: integer('finished_at'),
    /** Null: not paced. */
    concurrency: integer('concurrency'),
    staggerMs: integer('stagger_ms').notNull(),
  },
  (t) => [index('jobs_created_idx').on(t.createdAt)],
);
export type JobRow = typeof jobs.$inferSelect;

export const jobRigs = sqliteTable(
  'job_rigs',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    rigId: text('rig_id').notNull(),
    /** The order the rigs were asked in, which is the order they start. */
    seq: integer('seq').notNull(),
    state: text('state', {
      enum: ['queued', 'running', 'done', 'refused', 'failed', 'unverified', 'cancelled', 'interrupted'],
    }).notNull(),
    message: text('message'),
    restartRequired: integer('restart_required', { mode: 'boolean' }),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rigId] })],
);
export type JobRigRow = typeof jobRigs.$inferSelect;

/**
 * Settings backups (electron/control/backups/): a rig's own GET /settings document, kept whole, taken before a
 * risky change or by hand; the newest N per rig are kept (settings: control.backupsPerRig).
 */
export const rigBackups = sqliteTable(
  'rig_backups',
  {
    id: text('id').primaryKey(),
    rigId: text('rig_id').notNull(),
    takenAt: integer('taken_at').notNull(),
    /** The action it came before ("preset", "firmware", …) or "manual". */
    reason: text('reason').notNull(),
    firmwareVersion: text('firmware_version'),
    summary: text('summary').notNull(),
    /** The document as JSON text, exactly as the miner sent it (network and all: it is never sent back whole). */
    document: text('document').notNull(),
  },
  (t) => [index('rig_backups_rig_idx').on(t.rigId, t.takenAt)],
);
export type RigBackupRow = typeof rigBackups.$inferSelect;

/**
 * Abacus.AI streaming retry queue (electron/advice/abacus/queue.ts): one feature row per line, oldest first, kept
 * until Abacus.AI accepted it, so an outage or a restart loses nothing up to the configured bound.
 */
export const abacusQueue = sqliteTable('abacus_queue', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  queuedAt: integer('queued_at').notNull(),
  /** The row as JSON (docs/abacus.md §10); never a token. */
  row: text('row').notNull(),
});

/** Recommendations dismissed (shared/advice.ts): hidden while their evidence fingerprint stays the same. */
export const adviceDismissals = sqliteTable('advice_dismissals', {
  id: text('id').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  dismissedAt: integer('dismissed_at').notNull(),
});
export type AdviceDismissalRow = typeof adviceDismissals.$inferSelect;

/** Recommendations applied, with the figures before and (once measured) after: JSON AdviceWindow values. */
export const adviceApplied = sqliteTable(
  'advice_applied',
  {
    id: text('id').primaryKey(),
    recommendationId: text('recommendation_id').notNull(),
    rigId: text('rig_id').notNull(),
    kind: text('kind').notNull(),
    source: text('source').notNull(),
    title: text('title').notNull(),
    /** JSON: {action, params}. */
    action: text('action').notNull(),
    jobId: text('job_id').notNull(),
    appliedAt: integer('applied_at').notNull(),
    windowMs: integer('window_ms').notNull(),
    measuredAt: integer('measured_at'),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('advice_applied_at_idx').on(t.appliedAt)],
);
export type AdviceAppliedRow = typeof adviceApplied.$inferSelect;

/*
 * The map (migration 0006): rooms hold racks, a rack is rows × slots, a placement puts one rig in one slot.
 * A rig is in at most one slot (rig_id is the key), a slot holds at most one rig (unique rack, row, slot), and
 * deleting a rig, a rack or a room frees its slots (cascades).
 */
export const mapRooms = sqliteTable('map_rooms', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
});
export type MapRoomRow = typeof mapRooms.$inferSelect;

export const mapRacks = sqliteTable(
  'map_racks',
  {
    id: text('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => mapRooms.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    rows: integer('rows').notNull(),
    slots: integer('slots').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('map_racks_room_idx').on(t.roomId)],
);
export type MapRackRow = typeof mapRacks.$inferSelect;

export const mapPlacements = sqliteTable(
  'map_placements',
  {
    rigId: text('rig_id')
      .primaryKey()
      .references(() => rigs.id, { onDelete: 'cascade' }),
    rackId: text('rack_id')
      .notNull()
      .references(() => mapRacks.id, { onDelete: 'cascade' }),
    row: integer('row').notNull(),
    slot: integer('slot').notNull(),
  },
  (t) => [uniqueIndex('map_placements_slot_unique').on(t.rackId, t.row, t.slot)],
);
export type MapPlacementRow = typeof mapPlacements.$inferSelect;
