/**
 * The scrypt models RigDeck manages, from docs/vnish.md §7. Hardware (boards × chips, fans) is from pyasic's
 * device tables; hashrate and power are "typical figures (from outside the code; verify)" in the
 * reference, so they are defaults a caller can override, not truths. L7/L9 preset lists and thermal
 * limits are a GAP there: the catalog says so (null) instead of inventing them.
 */
import { type HashUnit } from '../../shared/units';

export const MODEL_CODES = ['L7', 'L9', 'L3+'] as const;
export type ModelCode = (typeof MODEL_CODES)[number];

export type ModelSpec = {
  code: ModelCode;
  /** Display name as Vnish /info `miner` and pyasic write it. */
  name: string;
  algorithm: 'scrypt';
  /** The unit Vnish reports this model's hashrates in (hr_measure "MH/s" on scrypt, docs/vnish.md §7). */
  hashUnit: HashUnit;
  chains: number;
  chipsPerChain: number;
  fans: number;
  /** Typical hashrate (MH/s) and its published spread. */
  nominalMhs: number;
  nominalRangeMhs: { min: number; max: number };
  /** Typical wall power (W) and its published spread. */
  powerW: number;
  powerRangeW: { min: number; max: number };
  /**
   * Watts of the lowest and highest Vnish preset. GAP in the references (no L7/L9/L3+ preset list is
   * published); null until configured from a real miner's /autotune/presets.
   */
  presetWattsRange: { min: number; max: number } | null;
  /** Chip temperature at which the firmware protects itself. GAP (INFERRED ~90 °C for stock Bitmain scrypt); configurable. */
  chipTempLimitC: number | null;
};

export const MODEL_CATALOG: Readonly<Record<ModelCode, ModelSpec>> = {
  L7: {
    code: 'L7',
    name: 'Antminer L7',
    algorithm: 'scrypt',
    hashUnit: 'MH/s',
    chains: 3,
    chipsPerChain: 120,
    fans: 4,
    nominalMhs: 9500,
    nominalRangeMhs: { min: 9050, max: 9500 },
    powerW: 3425,
    powerRangeW: { min: 3425, max: 3425 },
    presetWattsRange: null,
    chipTempLimitC: null,
  },
  L9: {
    code: 'L9',
    name: 'Antminer L9',
    algorithm: 'scrypt',
    hashUnit: 'MH/s',
    chains: 3,
    chipsPerChain: 110,
    fans: 4,
    nominalMhs: 16000,
    nominalRangeMhs: { min: 15000, max: 17000 },
    powerW: 3360,
    powerRangeW: { min: 3150, max: 3360 },
    presetWattsRange: null,
    chipTempLimitC: null,
  },
  'L3+': {
    code: 'L3+',
    name: 'Antminer L3+',
    algorithm: 'scrypt',
    hashUnit: 'MH/s',
    chains: 4,
    chipsPerChain: 72,
    fans: 2,
    nominalMhs: 504,
    nominalRangeMhs: { min: 504, max: 504 },
    powerW: 800,
    powerRangeW: { min: 800, max: 800 },
    presetWattsRange: null,
    chipTempLimitC: null,
  },
};

export type ModelOverrides = Partial<Record<ModelCode, Partial<Omit<ModelSpec, 'code'>>>>;

/** The catalog with site-specific corrections (measured figures, a real preset range) applied. */
export function withOverrides(overrides: ModelOverrides): Record<ModelCode, ModelSpec> {
  const out = { ...MODEL_CATALOG };
  for (const code of MODEL_CODES) {
    const patch = overrides[code];
    if (patch) out[code] = { ...out[code], ...patch, code };
  }
  return out;
}

/**
 * Finds the model in whatever text a miner gives: "Antminer L7", "ANTMINER L3+", "l9" (/info model),
 * "Antminer L7 (Vnish 1.2.7)" (RPC Type), "antminer_l3plus". Null for anything else (S19, T21, …).
 */
export function findModel(
  text: string | null,
  catalog: Readonly<Record<ModelCode, ModelSpec>> = MODEL_CATALOG,
): ModelSpec | null {
  if (text === null) return null;
  const up = text.toUpperCase().replace(/\(.*$/, '').trim();
  if (/(^|[^A-Z0-9])L3(\+|PLUS|[^0-9]|$)/.test(up)) return catalog['L3+'];
  if (/(^|[^A-Z0-9])L7([^0-9]|$)/.test(up)) return catalog.L7;
  if (/(^|[^A-Z0-9])L9([^0-9]|$)/.test(up)) return catalog.L9;
  return null;
}

/**
 * The algorithm a model name implies, for when a miner does not say (`hr_measure` "N/A", /info
 * unreachable): Antminer L-series mine scrypt, S/T-series SHA-256 (docs/vnish.md §1 scope).
 */
export function algorithmFromModelName(text: string | null): 'scrypt' | 'sha256d' | null {
  if (text === null) return null;
  const up = text.toUpperCase().replace(/\(.*$/, '');
  if (/(^|[^A-Z0-9])L\d/.test(up)) return 'scrypt';
  if (/(^|[^A-Z0-9])[ST]\d/.test(up)) return 'sha256d';
  return null;
}
