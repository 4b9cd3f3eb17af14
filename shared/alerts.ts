/**
 * Alerts as both sides see them. One alert per problem (code + subject) per rig, opened after the problem has
 * lasted its sustain time and closed when it has been gone for its clear time, so a value oscillating around a
 * limit does not flap. The technician acknowledges, snoozes, or puts rigs in maintenance; cleared alerts stay as
 * history.
 */
import { z } from 'zod';

import { problemCodes, severities } from './health';

export { countAlerts } from './alert-counts';

export const alertStates = ['open', 'acknowledged', 'cleared'] as const;
export type AlertState = (typeof alertStates)[number];

const id = z.string().min(1).max(64);

export const alertSchema = z.object({
  id: z.string(),
  /** null: a fleet-level problem (a pool worker that matches no rig). */
  rigId: z.string().nullable(),
  rigName: z.string().nullable(),
  ip: z.string().nullable(),
  code: z.enum(problemCodes),
  subject: z.string(),
  severity: z.enum(severities),
  text: z.string(),
  /** When the problem started, when the alert was raised (after its sustain time), last changed, cleared. */
  sinceMs: z.number(),
  raisedAtMs: z.number(),
  updatedAtMs: z.number(),
  clearedAtMs: z.number().nullable(),
  state: z.enum(alertStates),
  acknowledgedAtMs: z.number().nullable(),
  /** Muted until then (no notification, sorted after the rest); the alert itself stays open. */
  snoozedUntilMs: z.number().nullable(),
  /** In a maintenance window: kept, never notified. */
  inMaintenance: z.boolean(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertCountsSchema = z.object({
  open: z.number().int(),
  acknowledged: z.number().int(),
  critical: z.number().int(),
  warning: z.number().int(),
});
export type AlertCounts = z.infer<typeof alertCountsSchema>;

export const alertsListRequestSchema = z
  .object({
    /** active: open and acknowledged; history: cleared; all: both. */
    scope: z.enum(['active', 'history', 'all']).default('active'),
    rigId: id.optional(),
    limit: z.number().int().min(1).max(5000).default(500),
  })
  .strict();

export const maintenanceTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rig'), rigId: id }).strict(),
  z.object({ kind: z.literal('label'), label: z.string().trim().min(1).max(32) }).strict(),
]);

export const maintenanceWindowSchema = z.object({
  id: z.string(),
  target: maintenanceTargetSchema,
  fromMs: z.number().int(),
  toMs: z.number().int(),
  note: z.string(),
});
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const maintenanceAddSchema = z
  .object({
    target: maintenanceTargetSchema,
    fromMs: z.number().int().nonnegative(),
    toMs: z.number().int().positive(),
    note: z.string().trim().max(200).default(''),
  })
  .strict()
  .refine((m) => m.toMs > m.fromMs, { message: 'The window must end after it starts.', path: ['toMs'] });

/**
 * One notification for the faces to show (desktop: Electron Notification; headless: the browser's). Already
 * grouped and throttled by the core: "5 rigs overheating: rig-03, rig-07, …" is one entry, never five.
 */
export const alertNotificationSchema = z.object({
  title: z.string(),
  body: z.string(),
  /** The rigs it is about: one opens that rig, several the Alerts page. */
  rigIds: z.array(z.string()),
  severity: z.enum(severities),
  /** Play a sound (critical alerts with the sound setting on); a silent notification otherwise. */
  sound: z.boolean(),
});
export type AlertNotification = z.infer<typeof alertNotificationSchema>;

/** Only what changed, plus the counts for the navigation badge, and what to notify now (often nothing). */
export const alertsChangedSchema = z.object({
  alerts: z.array(alertSchema),
  counts: alertCountsSchema,
  notify: z.array(alertNotificationSchema).default([]),
});
export type AlertsChanged = z.infer<typeof alertsChangedSchema>;

/** A desktop notification was clicked: the renderer shows this rig, or the Alerts page when null. */
export const alertsOpenSchema = z.object({ rigId: z.string().nullable() });

export const alertIdsSchema = z.array(id).min(1).max(10_000);
