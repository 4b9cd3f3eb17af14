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
