/** What discovery reports about one address: found, identified, never silently dropped. */
import { z } from 'zod';

export const deviceKinds = ['vnish', 'unsupported', 'unknown'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export const discoverySources = ['scan', 'mdns', 'ip-report', 'manual'] as const;
export type DiscoverySource = (typeof discoverySources)[number];

export const discoveredDeviceSchema = z.object({
  ip: z.string(),
  /** HTTP port of the web UI / REST API (80 on a real LAN). */
  port: z.number().int().min(1).max(65535),
  /** CGMiner RPC port if it answered (4028 on a real LAN). */
  rpcPort: z.number().int().min(1).max(65535).nullable(),
  kind: z.enum(deviceKinds),
  /** "Vnish", "Bitmain stock", "Braiins OS", "LuxOS", "Whatsminer", … or null when unknown. */
  firmware: z.string().nullable(),
  version: z.string().nullable(),
  /** Normalised model, e.g. "Antminer L7". */
  model: z.string().nullable(),
  mac: z.string().nullable(),
  serial: z.string().nullable(),
  hostname: z.string().nullable(),
  /** For unsupported and unknown devices: why RigDeck cannot manage it, in words a technician understands. */
  reason: z.string().nullable(),
  source: z.enum(discoverySources),
  /** Set when the device is already in the fleet (matched by serial, else MAC). */
  rigId: z.string().nullable(),
});
export type DiscoveredDevice = z.infer<typeof discoveredDeviceSchema>;

export const scanRequestSchema = z
  .object({
    targets: z
      .array(z.string().trim().min(1).max(200))
      .min(1, 'Enter at least one address or range.')
      .max(32, 'At most 32 targets in one scan.'),
    /** How long a silent port waits before it counts as closed. */
    connectTimeoutMs: z.number().int().min(50).max(10_000).optional(),
    /** Addresses probed at once. */
    concurrency: z.number().int().min(1).max(2048).optional(),
  })
  .strict();
export type ScanRequest = z.infer<typeof scanRequestSchema>;

const kindCounts = z.object({
  vnish: z.number().int(),
  unsupported: z.number().int(),
  unknown: z.number().int(),
});

export const scanSummarySchema = z.object({
  scanId: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  found: z.number().int(),
  byKind: kindCounts,
  cancelled: z.boolean(),
  elapsedMs: z.number(),
  /** Set when the scan stopped because of an error rather than finishing or being cancelled. */
  error: z.string().nullable(),
});
export type ScanSummaryEvent = z.infer<typeof scanSummarySchema>;

export const scanProgressSchema = z.object({
  scanId: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  found: z.number().int(),
});

export const deviceFoundSchema = z.object({
  /** The scan that found it; null for devices that announced themselves (IP Report, mDNS). */
  scanId: z.string().nullable(),
  device: discoveredDeviceSchema,
});
