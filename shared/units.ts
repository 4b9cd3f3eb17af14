/**
 * Units RigDeck stores and shows. Hashrate is always MH/s inside RigDeck (scrypt is our domain: an
 * L7 does ~9,500 MH/s); firmware reports in its own unit (Vnish `hr_measure`, cgminer `rate_unit`),
 * so every value is converted exactly once, at the parser edge, by these functions.
 */

export const hashUnits = ['H/s', 'KH/s', 'MH/s', 'GH/s', 'TH/s', 'PH/s'] as const;
export type HashUnit = (typeof hashUnits)[number];

const MHS_PER_UNIT: Record<HashUnit, number> = {
  'H/s': 1e-6,
  'KH/s': 1e-3,
  'MH/s': 1,
  'GH/s': 1e3,
  'TH/s': 1e6,
  'PH/s': 1e9,
};

/**
 * Reads a unit label as firmware writes it: "GH/s", "MH/s" (Vnish hr_measure), "GH", "MH"
 * (cgminer rate_unit), "TH" (preset pretty strings), any case. Null for "N/A" or anything unknown.
 */
export function parseHashUnit(label: unknown): HashUnit | null {
  if (typeof label !== 'string') return null;
  const m = /^\s*([kmgtp]?)h(?:\/?s)?\s*$/i.exec(label);
  if (!m) return null;
  switch ((m[1] ?? '').toUpperCase()) {
    case '':
      return 'H/s';
    case 'K':
      return 'KH/s';
    case 'M':
      return 'MH/s';
    case 'G':
      return 'GH/s';
    case 'T':
      return 'TH/s';
    case 'P':
      return 'PH/s';
    default:
      return null;
  }
}

/** `value` in `unit` → MH/s. Null in, null out; non-finite values are not hashrates. */
export function toMhs(value: number | null, unit: HashUnit): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const mhs = value * MHS_PER_UNIT[unit];
  // 1e306 GH/s overflows to Infinity: a garbled reading, not a hashrate.
  return Number.isFinite(mhs) ? mhs : null;
}

/** MH/s → `unit`, for display ("9.5 GH/s"). */
export function fromMhs(mhs: number, unit: HashUnit): number {
  return mhs / MHS_PER_UNIT[unit];
}

/** The largest unit in which `mhs` is still ≥ 1, so a table can show "9.50 GH/s" and "504 MH/s". */
export function bestHashUnit(mhs: number): HashUnit {
  const abs = Math.abs(mhs);
  if (abs >= 1e9) return 'PH/s';
  if (abs >= 1e6) return 'TH/s';
  if (abs >= 1e3) return 'GH/s';
  if (abs >= 1 || abs === 0) return 'MH/s';
  if (abs >= 1e-3) return 'KH/s';
  return 'H/s';
}

export function formatHashrate(mhs: number | null, digits = 2): string {
  if (mhs === null || !Number.isFinite(mhs)) return '—';
  const unit = bestHashUnit(mhs);
  return `${fromMhs(mhs, unit).toFixed(digits)} ${unit}`;
}

/** Joules per MH = W / (MH/s). Null when not hashing: 3,425 W at 0 MH/s is not an efficiency. */
export function efficiencyJPerMh(powerW: number | null, mhs: number | null): number | null {
  if (powerW === null || mhs === null || !Number.isFinite(powerW) || !Number.isFinite(mhs)) return null;
  if (mhs <= 0 || powerW < 0) return null;
  const j = powerW / mhs;
  // A denormal hashrate (5e-324) divides to Infinity: not an efficiency either.
  return Number.isFinite(j) ? j : null;
}

/**
 * Busybox `uptime` text as Vnish puts it in /info system.uptime (docs/vnish.md §3.1): "0:06",
 * "10 days, 18:00", "5 min", "1 day, 3 min", optionally with a leading "up". Null if unrecognised.
 */
export function parseUptimeSeconds(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  let rest = text.trim().replace(/^up\s+/i, '');
  if (rest === '') return null;
  let seconds = 0;
  const days = /^(\d+)\s+days?\s*,?\s*/i.exec(rest);
  if (days) {
    seconds += Number(days[1]) * 86_400;
    rest = rest.slice(days[0].length);
  }
  if (rest === '') return days ? seconds : null;
  const hm = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(rest);
  if (hm) return seconds + Number(hm[1]) * 3600 + Number(hm[2]) * 60 + Number(hm[3] ?? 0);
  const min = /^(\d+)\s*min(?:ute)?s?$/i.exec(rest);
  if (min) return seconds + Number(min[1]) * 60;
  return null;
}

export type PresetFigures = { watts: number | null; hashrateMhs: number | null };

/**
 * Vnish preset `pretty` strings: "<W> watt ~ <HR> <unit>", unit TH, GH or MH, sometimes followed by
 * " LC" (docs/vnish.md §3.5): "3425 watt ~ 9500 MH", "1100 watt ~ 53 TH". The hashrate comes out in MH/s.
 */
export function parsePresetPretty(pretty: unknown): PresetFigures {
  if (typeof pretty !== 'string') return { watts: null, hashrateMhs: null };
  const watts = /(\d+(?:\.\d+)?)\s*w(?:att)?s?\b/i.exec(pretty);
  const rate = /~\s*(\d+(?:\.\d+)?)\s*([kmgtp]?h)(?:\/s)?\b/i.exec(pretty);
  const unit = rate ? parseHashUnit(rate[2]) : null;
  return {
    watts: watts ? Number(watts[1]) : null,
    hashrateMhs: rate && unit ? toMhs(Number(rate[1]), unit) : null,
  };
}
