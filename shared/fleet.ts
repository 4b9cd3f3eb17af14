/** The fleet registry as the UI sees it. Passwords never appear here: only whether one is set. */
import { z } from 'zod';

import { fleetSummarySchema, rigLiveSchema } from './telemetry';

export const MAX_NAME = 64;
export const MAX_LABELS = 16;

export const rigRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  labels: z.array(z.string()),
  ip: z.string(),
  httpPort: z.number().int(),
  rpcPort: z.number().int().nullable(),
  serial: z.string().nullable(),
  mac: z.string().nullable(),
  model: z.string().nullable(),
  firmware: z.string().nullable(),
  firmwareVersion: z.string().nullable(),
  hostname: z.string().nullable(),
  addedAt: z.number().int(),
  updatedAt: z.number().int(),
  /** A password of its own is stored (else the fleet default, else Vnish's factory "admin"). */
  hasOwnPassword: z.boolean(),
});
export type RigRecord = z.infer<typeof rigRecordSchema>;

export const rigNameSchema = z
  .string()
  .trim()
  .min(1, 'A name cannot be empty.')
  .max(MAX_NAME, `A name has at most ${MAX_NAME} characters.`);

export const labelsSchema = z
  .array(z.string().trim().min(1, 'A label cannot be empty.').max(32, 'A label has at most 32 characters.'))
  .max(MAX_LABELS, `At most ${MAX_LABELS} labels.`);

export const addressSchema = z.object({
  ip: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:-]+$/, 'An address is an IP or a host name.'),
  port: z.number().int().min(1).max(65535).optional(),
  rpcPort: z.number().int().min(1).max(65535).optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const fleetChangeSchema = z.object({
  added: z.array(rigRecordSchema),
  updated: z.array(rigRecordSchema),
  removed: z.array(z.string()),
  /** Live state of the rigs whose figures or liveness changed since the last event (never the whole fleet). */
  live: z.array(rigLiveSchema),
  /** The fleet totals, when they changed. */
  summary: fleetSummarySchema.nullable(),
});
export type FleetChange = z.infer<typeof fleetChangeSchema>;

export const addResultSchema = z.object({
  added: z.array(rigRecordSchema),
  updated: z.array(rigRecordSchema),
  failed: z.array(z.object({ ip: z.string(), reason: z.string() })),
});
export type AddResult = z.infer<typeof addResultSchema>;

/** Vnish's factory password, used when neither the rig nor the fleet has one set (docs/vnish.md §2). */
export const VNISH_DEFAULT_PASSWORD = 'admin';

// One spelling of identity for discovery, the registry and the connectors.
export { normalizeMac, normalizeSerial } from './rig';

/** A fleet.changed payload with only the parts given; the rest empty. */
export function fleetChange(part: Partial<FleetChange>): FleetChange {
  return {
    added: part.added ?? [],
    updated: part.updated ?? [],
    removed: part.removed ?? [],
    live: part.live ?? [],
    summary: part.summary ?? null,
  };
}
