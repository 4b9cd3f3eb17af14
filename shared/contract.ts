/**
 * The one door between the renderer and the core. Every method and event is declared here once, with zod
 * schemas; the preload, electron/ipc.ts, the WebSocket server and the renderer client all derive from this map,
 * so adding a method here needs no hand-written code in any transport (only its handler in the core).
 * Secrets never cross this door: the UI learns "configured: yes", never a key.
 */
import { z } from 'zod';

import { abacusClearSchema, abacusConfigureSchema, abacusStatusSchema } from './abacus';
import {
  alertCountsSchema,
  alertIdsSchema,
  alertSchema,
  alertsChangedSchema,
  alertsListRequestSchema,
  alertsOpenSchema,
  maintenanceAddSchema,
  maintenanceWindowSchema,
} from './alerts';
import {
  auditEntrySchema,
  auditListRequestSchema,
  controlOptionsRequestSchema,
  controlRunRequestSchema,
  rigOptionsSchema,
} from './control';
import {
  adviceApplyRequestSchema,
  adviceChangedSchema,
  adviceDismissRequestSchema,
  adviceListRequestSchema,
  adviceListSchema,
  appliedAdviceSchema,
} from './advice';
import { backupSchema, backupsListRequestSchema, backupTakeRequestSchema } from './backups';
import {
  earningsHistoryRequestSchema,
  earningsHistorySchema,
  earningsSummaryRequestSchema,
  earningsSummarySchema,
} from './earnings';
import {
  firmwareBeginSchema,
  firmwareChunkSchema,
  firmwareFileSchema,
  firmwareProgressSchema,
} from './firmware';
import {
  jobIdRequestSchema,
  jobProgressSchema,
  jobSchema,
  jobSummarySchema,
  jobsListRequestSchema,
} from './jobs';
import { deviceFoundSchema, scanProgressSchema, scanRequestSchema, scanSummarySchema } from './discovery';
import {
  addResultSchema,
  addressSchema,
  fleetChangeSchema,
  labelsSchema,
  rigNameSchema,
  rigRecordSchema,
} from './fleet';
import { type Face, faces } from './faces';
import {
  importResultSchema,
  mapFileSchema,
  mapLayoutSchema,
  placedFromNameSchema,
  placeRequestSchema,
  saveRackSchema,
  saveRoomSchema,
} from './map';
import { proHashingStateSchema } from './pool';
import { rigSnapshotSchema } from './rig';
import { settingsPatchSchema, settingsSchema } from './settings';
import {
  fleetSummarySchema,
  historyCursorSchema,
  historyQuerySchema,
  historyResultSchema,
  rigEventSchema,
  rigLiveSchema,
} from './telemetry';

const empty = z.object({}).strict().optional();
const idSchema = z.string().min(1).max(64);
const poolViewSchema = z.object({ configured: z.boolean(), state: proHashingStateSchema });
const passwordSchema = z.string().min(1, 'The password cannot be empty.').max(128, 'At most 128 characters.');

// In a file of their own so domain files (control.ts) can name them without importing the contract.
export { faces, type Face } from './faces';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  face: z.enum(faces),
  dataDir: z.string(),
  platform: z.string(),
  startedAt: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

type MethodSpec = { req: z.ZodType; res: z.ZodType; doc: string };
const method = <Req extends z.ZodType, Res extends z.ZodType>(req: Req, res: Res, doc: string) =>
  ({ req, res, doc }) satisfies MethodSpec;

export const methods = {
  'app.info': method(empty, appInfoSchema, 'Version, face (desktop, headless or cli) and data directory.'),
  'settings.get': method(empty, settingsSchema, 'The current settings.'),
  'settings.update': method(
    settingsPatchSchema,
    settingsSchema,
    'Validate, merge and persist a partial update.',
  ),

  'fleet.list': method(
    empty,
    z.object({ rigs: z.array(rigRecordSchema), defaultPasswordSet: z.boolean() }),
    'Every registered rig (no secrets), and whether a fleet-wide miner password is set.',
  ),
  'fleet.add': method(
    z.object({ addresses: z.array(addressSchema).min(1).max(4096) }).strict(),
    addResultSchema,
    'Identify each address and register the Vnish miners; a known rig at a new address is updated, not duplicated.',
  ),
  'fleet.remove': method(
    z.object({ ids: z.array(idSchema).min(1).max(10_000) }).strict(),
    z.object({ removed: z.array(z.string()) }),
    'Forget rigs (and their stored passwords).',
  ),
  'fleet.rename': method(
    z.object({ id: idSchema, name: rigNameSchema }).strict(),
    rigRecordSchema,
    'Rename a rig.',
  ),
  'fleet.setLabels': method(
    z.object({ id: idSchema, labels: labelsSchema }).strict(),
    rigRecordSchema,
    'Replace the labels of a rig (rack, row, owner…).',
  ),
  'fleet.setPassword': method(
    z.object({ rigId: idSchema.nullable(), password: passwordSchema }).strict(),
    z.object({ ok: z.literal(true) }),
    "Store a miner's web password encrypted (rigId null: the fleet default). It is never sent back.",
  ),
  'fleet.clearPassword': method(
    z.object({ rigId: idSchema.nullable() }).strict(),
    z.object({ ok: z.literal(true) }),
    "Forget a rig's own password (it falls back to the fleet default), or the default itself.",
  ),

  'fleet.live': method(
    empty,
    z.object({ rigs: z.array(rigLiveSchema), summary: fleetSummarySchema }),
    'Live state of every rig (each figure with the time it was measured) and the fleet totals.',
  ),
  'fleet.pollNow': method(
    empty,
    z.object({
      rigs: z.array(rigLiveSchema),
      summary: fleetSummarySchema,
      lastSeenMs: z.record(idSchema, z.number().int().nullable()),
    }),
    'Polls every registered rig once now, then answers like fleet.live, plus when each rig last answered (history).',
  ),
  'rig.detail': method(
    z.object({ id: idSchema }).strict(),
    z.object({
      rig: rigRecordSchema,
      live: rigLiveSchema.nullable(),
      snapshot: rigSnapshotSchema.nullable(),
      events: z.array(rigEventSchema),
    }),
    'One rig: registry record, live state, the latest full snapshot (chains, fans, pools) and its recent log.',
  ),
  'history.query': method(
    historyQuerySchema,
    historyResultSchema,
    'History of metrics for a rig or the fleet over a range, at the resolution the range calls for.',
  ),
  'history.exportCsv': method(
    historyQuerySchema,
    z.object({ csv: z.string(), rows: z.number().int() }),
    'The same history as CSV text (bounded; the CLI exports larger ranges).',
  ),
  'history.exportPage': method(
    z.object({ query: historyQuerySchema, cursor: historyCursorSchema.nullable() }).strict(),
    z.object({ csv: z.string(), rows: z.number().int(), nextCursor: historyCursorSchema.nullable() }),
    'One bounded page of that CSV (the header on the first, cursor null); ask again with nextCursor until null.',
  ),

  'pool.configure': method(
    z
      .object({
        apiKey: z
          .string()
          .trim()
          .min(16, 'That does not look like a ProHashing API key.')
          .max(256)
          .nullable(),
      })
      .strict(),
    z.object({ configured: z.boolean() }),
    'Store the ProHashing API key encrypted and connect (null forgets it). The key is never sent back.',
  ),
  'pool.state': method(
    empty,
    poolViewSchema,
    'What ProHashing reports: workers, balances, market, the worker-rig mapping and connection health.',
  ),

  'discovery.scan': method(
    scanRequestSchema,
    z.object({ scanId: z.string(), total: z.number().int() }),
    'Start a scan of CIDR ranges, a-b ranges and host[:port] lists; results stream as discovery.* events.',
  ),
  'discovery.cancel': method(
    z.object({ scanId: z.string().min(1).max(64) }).strict(),
    z.object({ cancelled: z.boolean() }),
    'Stop a running scan; what was found so far stays found.',
  ),

  'alerts.list': method(
    alertsListRequestSchema,
    z.object({ alerts: z.array(alertSchema), counts: alertCountsSchema }),
    'Active alerts (open and acknowledged, worst first) or past ones, for the fleet or one rig.',
  ),
  'alerts.acknowledge': method(
    z.object({ ids: alertIdsSchema }).strict(),
    z.object({ alerts: z.array(alertSchema) }),
    'Acknowledge alerts: they stay until the problem ends, but stop reminding.',
  ),
  'alerts.snooze': method(
    z
      .object({
        ids: alertIdsSchema,
        minutes: z
          .number()
          .int()
          .min(0)
          .max(7 * 24 * 60),
      })
      .strict(),
    z.object({ alerts: z.array(alertSchema) }),
    'Mute alerts for a while (0 unmutes); they stay open and visible.',
  ),
  'maintenance.list': method(
    empty,
    z.object({ windows: z.array(maintenanceWindowSchema) }),
    'Maintenance windows, current and future: rigs in one raise alerts that are never notified.',
  ),
  'maintenance.add': method(
    maintenanceAddSchema,
    maintenanceWindowSchema,
    'Put a rig, or every rig with a label, in maintenance for a time range.',
  ),
  'maintenance.remove': method(
    z.object({ id: idSchema }).strict(),
    z.object({ removed: z.boolean() }),
    'End a maintenance window now.',
  ),

  'control.run': method(
    controlRunRequestSchema,
    z.object({ jobId: z.string() }),
    "Start a job running an action on rigs: each rig's limits are checked, power-changing actions go a few rigs at a time (settings: control), a rig is done only once the miner shows it. Reboot, restart, stop and pause need confirm. Follow it with job.progress or jobs.get.",
  ),
  'jobs.list': method(
    jobsListRequestSchema,
    z.object({ jobs: z.array(jobSummarySchema) }),
    'Command jobs, newest first, with per-state rig counts; one left running when RigDeck stopped shows as interrupted.',
  ),
  'jobs.get': method(jobIdRequestSchema, jobSchema, "One job with every rig's state and result."),
  'jobs.cancel': method(
    jobIdRequestSchema,
    jobSchema,
    'Cancel a job: rigs not yet sent are cancelled, rigs in flight finish and report.',
  ),
  'audit.list': method(
    auditListRequestSchema,
    z.object({ entries: z.array(auditEntrySchema) }),
    'The audit log of commands, newest first: who asked (face), what, for which rig, and what came of it.',
  ),

  'firmware.begin': method(
    firmwareBeginSchema,
    z.object({ uploadId: z.string() }),
    'Start sending a firmware file to the core (then firmware.chunk in order, then firmware.finish).',
  ),
  'firmware.chunk': method(
    firmwareChunkSchema,
    z.object({ received: z.number().int() }),
    'One base64 chunk of the file at its byte offset; returns the bytes received so far.',
  ),
  'firmware.finish': method(
    z.object({ uploadId: z.string().min(1).max(64) }).strict(),
    firmwareFileSchema,
    'End the upload: the core checks the file (size, archive, model, version) and keeps it only if it is sound.',
  ),
  'firmware.list': method(
    empty,
    z.object({ files: z.array(firmwareFileSchema) }),
    'Firmware files staged in the core, newest first.',
  ),
  'backups.list': method(
    backupsListRequestSchema,
    z.object({ backups: z.array(backupSchema) }),
    "One rig's settings backups, newest first.",
  ),
  'backups.take': method(
    backupTakeRequestSchema,
    backupSchema,
    "Read the rig's settings now and keep them as a backup.",
  ),
  'control.options': method(
    controlOptionsRequestSchema,
    z.object({ rigs: z.array(rigOptionsSchema) }),
    'What each rig offers for its dialogs (presets with their watts and hashrate, /model limits, throttle), from what RigDeck last read of it.',
  ),
  'audit.exportCsv': method(
    auditListRequestSchema,
    z.object({ csv: z.string(), rows: z.number().int() }),
    'The audit log as CSV text, newest first, with the same filters as audit.list (bounded by its limit).',
  ),
  'earnings.summary': method(
    earningsSummaryRequestSchema,
    earningsSummarySchema,
    'Revenue, power cost and profit per day per rig and for the fleet, balances, workers beside rigs (refresh: read rigs and pool now).',
  ),
  'earnings.history': method(
    earningsHistoryRequestSchema,
    earningsHistorySchema,
    "Balances per coin and the account's pool hashrate over 24 h, 7 d or 30 d, from stored history.",
  ),

  'abacus.configure': method(
    abacusConfigureSchema,
    abacusStatusSchema,
    'Store the Abacus.AI deployment and/or streaming token encrypted (left out: kept). Never sent back.',
  ),
  'abacus.status': method(
    empty,
    abacusStatusSchema,
    'Abacus.AI: tokens set (yes/no), breaker, retry queue, last error and last successes.',
  ),
  'abacus.clearTokens': method(abacusClearSchema, abacusStatusSchema, 'Forget the named Abacus.AI tokens.'),
  'advice.list': method(
    adviceListRequestSchema,
    adviceListSchema,
    "The open recommendations (built-in and Abacus.AI), one rig's or the fleet's; dismissed ones are left out.",
  ),
  'advice.dismiss': method(
    adviceDismissRequestSchema,
    z.object({ dismissed: z.boolean() }),
    'Dismiss a recommendation until its evidence changes.',
  ),
  'advice.apply': method(
    adviceApplyRequestSchema,
    z.object({ jobId: z.string() }),
    'Apply a recommendation through control.run (limits, audit, pacing); disruptive actions need confirm.',
  ),
  'advice.history': method(
    empty,
    z.object({ applied: z.array(appliedAdviceSchema) }),
    'Recommendations applied, newest first, with the measured effect once enough time has passed.',
  ),

  'map.get': method(
    empty,
    mapLayoutSchema,
    'The map: rooms, their racks (rows × slots) and which rig is in which slot.',
  ),
  'map.saveRoom': method(
    saveRoomSchema,
    mapLayoutSchema,
    'Add a room (id null) or rename one; names are unique.',
  ),
  'map.deleteRoom': method(
    z.object({ id: idSchema }).strict(),
    mapLayoutSchema,
    'Delete a room with its racks; their rigs become unplaced.',
  ),
  'map.saveRack': method(
    saveRackSchema,
    mapLayoutSchema,
    'Add a rack (id null), or rename, move or resize one; a size that would leave placed rigs outside is refused.',
  ),
  'map.deleteRack': method(
    z.object({ id: idSchema }).strict(),
    mapLayoutSchema,
    'Delete a rack; its rigs become unplaced.',
  ),
  'map.place': method(
    placeRequestSchema,
    mapLayoutSchema,
    'Put a rig in a slot (moving it from any other); a slot holding another rig is refused.',
  ),
  'map.unplace': method(z.object({ rigId: idSchema }).strict(), mapLayoutSchema, 'Take a rig off the map.'),
  'map.placeFromNames': method(
    empty,
    z.object({ layout: mapLayoutSchema, placed: z.array(placedFromNameSchema) }),
    'Place unplaced rigs where a label or their name says (RACK-S<n> or RACK-R<row>-S<slot>); taken slots are left alone.',
  ),
  'map.export': method(
    empty,
    mapFileSchema,
    'The layout as a JSON file, each rig named by id, serial, MAC and name.',
  ),
  'map.import': method(
    z.object({ text: z.string().min(1).max(900_000) }).strict(),
    importResultSchema,
    'Replace the layout with a file from map.export; a file that is not valid changes nothing and says why.',
  ),
} as const;

export const events = {
  'settings.changed': settingsSchema,
  /** Only what changed: a fleet of thousands must not resend every rig for one rename. */
  'fleet.changed': fleetChangeSchema,
  'pool.changed': poolViewSchema,
  'discovery.found': deviceFoundSchema,
  'discovery.progress': scanProgressSchema,
  'discovery.done': scanSummarySchema,
  /** Alerts that were opened, changed or cleared, and the counts for the navigation badge. */
  'alerts.changed': alertsChangedSchema,
  /** Desktop only: a notification was clicked, so the window should show its rig (or the Alerts page). */
  'alerts.open': alertsOpenSchema,
  /** A command job's rigs that changed state, and its totals; the last one of a job has its end state. */
  'job.progress': jobProgressSchema,
  'firmware.progress': firmwareProgressSchema,
  /** The open recommendations changed: the faces reload `advice.list`. */
  'advice.changed': adviceChangedSchema,
  /** The whole map after any change to it (it is small). A removed rig's slot is freed silently: fleet.changed says it. */
  'map.changed': mapLayoutSchema,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type EventName = keyof typeof events;

/** What a caller passes (schema input: optional fields may be left out). */
export type Req<K extends MethodName> = z.input<Methods[K]['req']>;
/** What a handler receives after validation. */
export type ParsedReq<K extends MethodName> = z.output<Methods[K]['req']>;
export type Res<K extends MethodName> = z.output<Methods[K]['res']>;
export type EventPayload<K extends EventName> = z.output<(typeof events)[K]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Who is calling: the host fills this in; handlers may use it for audit. */
export type CallContext = { face: Face; peer: string };

export type Handlers = {
  [K in MethodName]: (req: ParsedReq<K>, ctx: CallContext) => Promise<Res<K>>;
};

/** IPC channel names used by the desktop face. Kept here so preload and ipc.ts cannot drift apart. */
export const ipcChannel = (name: MethodName) => `rigdeck:call:${name}`;
export const ipcEventChannel = (name: EventName) => `rigdeck:event:${name}`;
