/**
 * Chains and fans out of a bmminer `stats` detail record (docs/vnish.md §5 "`stats` shape"): numbered keys
 * (`chain_acnN`, `chain_rateN`, `temp_chipN` "a-b-c-d", `fanN`, …) whose indices can be offset (S9 uses
 * 6–8, S19 1–3), and absent slots that show up as 0 / "" / "0-0-0-0" (chain 4 in the S19 capture).
 */
import { type ChainSnapshot, type FanSnapshot, type TempRange } from '../../../shared/rig';
import { toMhs, type HashUnit } from '../../../shared/units';
import { toNumber, toText } from '../lenient';

const MAX_INDEX = 16;

/** "78-50-69-70" → its non-zero readings; a plain number works too. Zero means "no sensor". */
export function dashReadings(value: unknown): number[] {
  const single = toNumber(value);
  if (single !== null) return single === 0 ? [] : [single];
  const s = toText(value);
  if (s === null) return [];
  return s
    .split('-')
    .map((part) => toNumber(part))
    .filter((v): v is number => v !== null && v !== 0);
}

function rangeOf(values: number[]): TempRange {
  if (values.length === 0) return { minC: null, maxC: null };
  return { minC: Math.min(...values), maxC: Math.max(...values) };
}

/** chain_acsN: `o` = OK chip, `x` = bad (docs/vnish.md §5); spaces group domains. Null when empty. */
export function gradesFromAcs(acs: string | null): { grey: number; orange: number; red: number } | null {
  if (acs === null) return null;
  let grey = 0;
  let red = 0;
  for (const ch of acs) {
    if (ch === 'o') grey++;
    else if (ch === 'x' || ch === 'X') red++;
  }
  return grey + red === 0 ? null : { grey, orange: 0, red };
}

/**
 * bmminer's chain_volN unit is not documented (GAP): values below 100 are read as volts, above as mV
 * (INFERRED; 13.6 V boards either way).
 */
export function chainVoltageMv(value: unknown): number | null {
  const v = toNumber(value);
  if (v === null || v === 0) return null;
  return v < 100 ? v * 1000 : v;
}

type Present = { index: number; present: boolean };

function chainSlots(d: Record<string, unknown>): Present[] {
  const slots: Present[] = [];
  for (let i = 1; i <= MAX_INDEX; i++) {
    const keys = [`chain_acn${i}`, `chain_rate${i}`, `chain_acs${i}`];
    if (!keys.some((k) => k in d)) continue;
    const acn = toNumber(d[`chain_acn${i}`]) ?? 0;
    const rate = toNumber(d[`chain_rate${i}`]) ?? 0;
    slots.push({ index: i, present: acn > 0 || rate > 0 });
  }
  return slots;
}

/**
 * Per-chain snapshots. A slot with no chips and no rate is absent on a miner with fewer chains
 * (S19 chain 4) but a broken board on one that should have it (docs/vnish.md §7 failure 1), so with the
 * expected chain count from the catalog the missing ones are reported as disconnected.
 */
export function chainsFromStats(
  d: Record<string, unknown>,
  unit: HashUnit,
  expectedChains: number | null,
): ChainSnapshot[] {
  const slots = chainSlots(d);
  const present = slots.filter((s) => s.present);
  const wanted = Math.max(present.length, expectedChains ?? 0);
  const chosen = [...present, ...slots.filter((s) => !s.present).slice(0, wanted - present.length)];
  chosen.sort((a, b) => a.index - b.index);
  return chosen.map(({ index: i, present: isPresent }) => {
    const acs = toText(d[`chain_acs${i}`]);
    const grades = gradesFromAcs(acs === null ? null : acs.trim());
    const acn = toNumber(d[`chain_acn${i}`]);
    const rate = toMhs(toNumber(d[`chain_rate${i}`]), unit);
    const chip = dashReadings(d[`temp_chip${i}`]);
    const pcb = dashReadings(d[`temp_pcb${i}`]);
    return {
      id: i,
      state: !isPresent ? 'disconnected' : rate !== null && rate > 0 ? 'mining' : 'unknown',
      stateRaw: null,
      description: isPresent ? null : 'no chips detected (RPC chain_acn is 0)',
      frequencyMhz: toNumber(d[`freq_avg${i}`]) ?? toNumber(d[`freq${i}`]),
      voltageMv: chainVoltageMv(d[`chain_vol${i}`]),
      powerW: toNumber(d[`chain_consumption${i}`]),
      hashrateMhs: isPresent ? rate : 0,
      idealHashrateMhs: toMhs(toNumber(d[`chain_rateideal${i}`]), unit),
      hashratePercent: null,
      hwErrors: toNumber(d[`chain_hw${i}`]),
      chipTemp: rangeOf(chip.length > 0 ? chip : dashReadings(d[`temp2_${i}`])),
      boardTemp: rangeOf(pcb.length > 0 ? pcb : dashReadings(d[`temp${i}`])),
      chipGrades: grades,
      chipCount: acn === null ? null : Math.min(Number.MAX_SAFE_INTEGER, Math.max(0, Math.round(acn))),
      inletWaterTempC: null,
      outletWaterTempC: null,
    };
  });
}

/**
 * fanN keys. With `fan_num`, the first fan_num slots that spin are fans, plus silent slots up to
 * fan_num (lost fans read 0 rpm, docs/vnish.md §7 failure 2); without it, only the spinning ones.
 */
export function fansFromStats(d: Record<string, unknown>): FanSnapshot[] {
  const slots: Array<{ id: number; rpm: number }> = [];
  for (let i = 1; i <= MAX_INDEX; i++) {
    const rpm = toNumber(d[`fan${i}`]);
    if (rpm !== null) slots.push({ id: i, rpm });
  }
  const fanNum = toNumber(d['fan_num']);
  const spinning = slots.filter((s) => s.rpm > 0);
  const want = fanNum === null ? spinning.length : Math.max(spinning.length, Math.round(fanNum));
  const chosen = [
    ...spinning,
    ...slots.filter((s) => s.rpm <= 0).slice(0, Math.max(0, want - spinning.length)),
  ];
  chosen.sort((a, b) => a.id - b.id);
  return chosen.map((s) => ({ id: s.id, rpm: s.rpm, maxRpm: null, status: s.rpm > 0 ? 'ok' : 'lost' }));
}
