/**
 * The normalized rig snapshot: what one poll of one miner says, whatever the firmware or protocol.
 * It will cross the UI contract, so it is a zod schema of plain JSON (times are epoch ms numbers).
 *
 * Units are in the field names: hashrates in MH/s (`…Mhs`), power in W, efficiency in J/MH,
 * temperatures in °C, frequency in MHz, voltage in mV. `null` always means "the miner did not say"
 * (never a fake 0), so a UI can tell "0 MH/s" from "unknown".
 */
import { z } from 'zod';

const n = z.number().nullable();

export const minerStates = [
  'mining',
  'initializing',
  'starting',
  'auto-tuning',
  'restarting',
  'shutting-down',
  'stopped',
  'failure',
  /** Not reported, or a state this RigDeck does not know (the raw text is in `minerStateRaw`). */
  'unknown',
] as const;
export type MinerState = (typeof minerStates)[number];

export const chainStates = [
  'initializing',
  'mining',
  'stopped',
  'failure',
  'disconnected',
  'disabled',
  'unknown',
] as const;
export type ChainState = (typeof chainStates)[number];

export const poolStatuses = ['active', 'working', 'offline', 'disabled', 'rejecting', 'unknown'] as const;
export type PoolStatus = (typeof poolStatuses)[number];

export const snapshotSources = ['vnish-rest', 'cgminer-rpc'] as const;
export type SnapshotSource = (typeof snapshotSources)[number];

export const tempRangeSchema = z.object({ minC: n, maxC: n });
export type TempRange = z.infer<typeof tempRangeSchema>;

/** Chip counts per grade exactly as Vnish grades them: grey = OK (UIs draw it green), orange = warning, red = bad / not hashing. */
export const chipGradesSchema = z.object({
  grey: z.number().int().nonnegative(),
  orange: z.number().int().nonnegative(),
  red: z.number().int().nonnegative(),
});
export type ChipGrades = z.infer<typeof chipGradesSchema>;

export const chainSnapshotSchema = z.object({
  /** As the firmware numbers it: 1-based on Vnish REST; cgminer indices as found (may be offset). */
  id: z.number().int(),
  state: z.enum(chainStates),
  stateRaw: z.string().nullable(),
  description: z.string().nullable(),
  frequencyMhz: n,
  voltageMv: n,
  powerW: n,
  hashrateMhs: n,
  idealHashrateMhs: n,
  /** Real-time hashrate as a percentage of ideal, as the firmware computes it. */
  hashratePercent: n,
  hwErrors: n,
  chipTemp: tempRangeSchema,
  boardTemp: tempRangeSchema,
  /** Null when the source gives no per-grade counts. */
  chipGrades: chipGradesSchema.nullable(),
  chipCount: z.number().int().nonnegative().nullable(),
  inletWaterTempC: n,
  outletWaterTempC: n,
});
export type ChainSnapshot = z.infer<typeof chainSnapshotSchema>;

export const fanSnapshotSchema = z.object({
  id: z.number().int(),
  rpm: n,
  maxRpm: n,
  status: z.enum(['ok', 'lost', 'unknown']),
});
export type FanSnapshot = z.infer<typeof fanSnapshotSchema>;

export const poolSnapshotSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  user: z.string(),
  /** Vnish: UserPool | DevFee | Refund; RPC pools are always "user". */
  kind: z.enum(['user', 'devfee', 'refund', 'unknown']),
  status: z.enum(poolStatuses),
  statusRaw: z.string().nullable(),
  accepted: n,
  rejected: n,
  stale: n,
  /** Current difficulty as the firmware prints it ("131K"). */
  difficulty: z.string().nullable(),
  pingMs: n,
});
export type PoolSnapshot = z.infer<typeof poolSnapshotSchema>;

export const presetSnapshotSchema = z.object({
  /** Preset id: a watt number as text on real firmware, or "disabled" for manual freq/volt. */
  name: z.string(),
  pretty: z.string().nullable(),
  status: z.enum(['tuned', 'untuned', 'unknown']),
  /** Parsed from `pretty` ("3425 watt ~ 9500 MH"). */
  watts: n,
  hashrateMhs: n,
  /** Manual globals (when the preset is disabled): MHz and the firmware's 10 mV units. */
  globalsFreqMhz: n,
  globalsVolt10mV: n,
});
export type PresetSnapshot = z.infer<typeof presetSnapshotSchema>;

export const rigIdentitySchema = z.object({
  /** "Vnish" on AnthillOS; from RPC, the firmware named in the Type string, if any. */
  firmware: z.string().nullable(),
  firmwareVersion: z.string().nullable(),
  /** Display name, e.g. "Antminer L7". */
  model: z.string().nullable(),
  /** Lower-case code from Vnish /info `model`, e.g. "l7". */
  modelCode: z.string().nullable(),
  serial: z.string().nullable(),
  mac: z.string().nullable(),
  hostname: z.string().nullable(),
  ip: z.string().nullable(),
  algorithm: z.enum(['scrypt', 'sha256d', 'unknown']),
  /** The unit the firmware reported hashrates in, before RigDeck converted them to MH/s. */
  reportedHashUnit: z.string().nullable(),
});
export type RigIdentity = z.infer<typeof rigIdentitySchema>;

export const rigSnapshotSchema = z.object({
  takenAtMs: z.number(),
  source: z.enum(snapshotSources),
  identity: rigIdentitySchema,
  minerState: z.enum(minerStates),
  minerStateRaw: z.string().nullable(),
  /** Seconds in the current state (Vnish implements it for `mining` only). */
  minerStateSec: n,
  failureCode: n,
  failureDescription: z.string().nullable(),
  /** Vnish ≥1.3 throttle percentage (20..100; 100 = not throttled). */
  throttledPercent: n,
  restartRequired: z.boolean().nullable(),
  rebootRequired: z.boolean().nullable(),
  /** Control board (OS) uptime. */
  uptimeSec: n,
  /** Mining process uptime (cgminer Elapsed). */
  minerUptimeSec: n,
  hashrateMhs: n,
  averageHashrateMhs: n,
  /** Ideal hashrate for the current tune. */
  nominalHashrateMhs: n,
  /** Factory rating. */
  stockHashrateMhs: n,
  errorHashrateMhs: n,
  powerW: n,
  /** W / (MH/s), computed from powerW and hashrateMhs. */
  efficiencyJPerMh: n,
  hwErrors: n,
  hwErrorsPercent: n,
  chipTemp: tempRangeSchema,
  boardTemp: tempRangeSchema,
  chains: z.array(chainSnapshotSchema),
  fans: z.array(fanSnapshotSchema),
  fanDutyPercent: n,
  fanMode: z.string().nullable(),
  pools: z.array(poolSnapshotSchema),
  preset: presetSnapshotSchema.nullable(),
  /** Parts of the poll that failed or were absent ("perf-summary: timeout"), so a UI can say what is missing. */
  incomplete: z.array(z.string()),
});
export type RigSnapshot = z.infer<typeof rigSnapshotSchema>;

export const chipDetailSchema = z.object({
  id: z.number().int(),
  hashrateMhs: n,
  frequencyMhz: n,
  voltage: n,
  tempC: n,
  errors: n,
  grade: z.enum(['grey', 'orange', 'red', 'unknown']),
  throttled: z.boolean().nullable(),
});
export type ChipDetail = z.infer<typeof chipDetailSchema>;

/** Per-chip detail of one chain (Vnish /chains on 1.2.x, /boards on 1.3.x): for a chip map, not for every poll. */
export const chainChipsSchema = z.object({
  id: z.number().int(),
  state: z.enum(chainStates),
  description: z.string().nullable(),
  frequencyMhz: n,
  hashrateMhs: n,
  nominalHashrateMhs: n,
  chips: z.array(chipDetailSchema),
});
export type ChainChips = z.infer<typeof chainChipsSchema>;

export function emptyTempRange(): TempRange {
  return { minC: null, maxC: null };
}

export function asMinerState(raw: string | null): MinerState {
  return minerStates.find((s) => s === raw) ?? 'unknown';
}

export function asChainState(raw: string | null): ChainState {
  return chainStates.find((s) => s === raw) ?? 'unknown';
}

export function asPoolStatus(raw: string | null): PoolStatus {
  return poolStatuses.find((s) => s === raw) ?? 'unknown';
}

/**
 * "fe:07:26:3c:be:1b" / "FE-07-26-3C-BE-1B" / "fe07263cbe1b" → "FE:07:26:3C:BE:1B". Anything that is not six hex
 * pairs (the anonymised "02:55:97:22:3M:72" in the captures, "N/A") and the all-zero / all-ones placeholders are
 * null: a rig's identity falls back to its MAC, and a malformed one must not become an identity.
 */
export function normalizeMac(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (!/^[0-9A-Fa-f]{2}([:-]?[0-9A-Fa-f]{2}){5}$/.test(trimmed)) return null;
  const hex = trimmed.replace(/[:-]/g, '').toUpperCase();
  if (/^0+$/.test(hex) || /^F+$/.test(hex)) return null;
  return hex.match(/../g)?.join(':') ?? null;
}

/** Serial as identity: firmware prints "N/A", "", "0" or whitespace when it has none. */
export function normalizeSerial(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '' || /^(n\/?a|none|null|unknown|0+)$/i.test(trimmed)) return null;
  return trimmed;
}
