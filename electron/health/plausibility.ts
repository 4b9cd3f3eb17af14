/**
 * Physical bounds on a reading, in one place. A miner that replies negative hashrate or power, or chip
 * temperatures of −874 and 728 °C, is not reporting its state: those figures are nulled before anything sums,
 * shows or stores them, and what was taken out becomes an 'implausible-reading' problem on the rig.
 */
import { type ChainSnapshot, type RigSnapshot, type TempRange } from '../../shared/rig';
import { findModel, type ModelSpec } from '../miners/models';
import { fmt, type Finding, type Rule, NONE } from './types';

export const TEMP_MIN_C = -40;
export const TEMP_MAX_C = 150;
/** Far above a model's published maximum (overclocked rigs exceed it, by tens of percent, not by 2×). */
const HASHRATE_HEADROOM = 2;
const POWER_HEADROOM = 2.5;
/** Any model RigDeck does not know: generous ceilings that still catch nonsense. */
const ANY_MAX_MHS = 1e9;
const ANY_MAX_W = 30_000;
const FAN_MAX_RPM = 30_000;

export type Bounds = { maxMhs: number; maxChainMhs: number; maxW: number };

export function boundsFor(model: ModelSpec | null): Bounds {
  if (model === null) return { maxMhs: ANY_MAX_MHS, maxChainMhs: ANY_MAX_MHS, maxW: ANY_MAX_W };
  const maxMhs = model.nominalRangeMhs.max * HASHRATE_HEADROOM;
  return { maxMhs, maxChainMhs: maxMhs, maxW: model.powerRangeW.max * POWER_HEADROOM };
}

export function modelOf(s: RigSnapshot, registryModel: string | null): ModelSpec | null {
  return modelNamed(s.identity.model) ?? modelNamed(s.identity.modelCode) ?? modelNamed(registryModel);
}

// Asked at every poll with the few names a fleet has: each name is read once (case, regexes), then looked up.
const named = new Map<string, ModelSpec | null>();
const NAMES_KEPT = 256;

function modelNamed(text: string | null): ModelSpec | null {
  if (text === null) return null;
  let model = named.get(text);
  if (model === undefined) {
    model = findModel(text);
    // A miner sending a new name every poll must not grow this without bound.
    if (named.size >= NAMES_KEPT) named.clear();
    named.set(text, model);
  }
  return model;
}

/** Notes found so far; `chain` prefixes them ("chain 2 …"). Text is built only for a note: most readings have none. */
type Check = { notes: string[]; chain: number | null };

const note = (c: Check, text: string): void => {
  c.notes.push(c.chain === null ? text : `chain ${c.chain} ${text}`);
};

function rate(v: number | null, max: number, what: string, c: Check): number | null {
  if (v === null) return null;
  if (Number.isFinite(v) && v >= 0 && v <= max) return v;
  note(c, `${what} ${fmt(v)} MH/s`);
  return null;
}

function watts(v: number | null, max: number, what: string, c: Check): number | null {
  if (v === null) return null;
  if (Number.isFinite(v) && v >= 0 && v <= max) return v;
  note(c, `${what} ${fmt(v)} W`);
  return null;
}

function temp(v: number | null, what: string, c: Check): number | null {
  if (v === null) return null;
  if (Number.isFinite(v) && v >= TEMP_MIN_C && v <= TEMP_MAX_C) return v;
  note(c, `${what} ${fmt(v)} °C`);
  return null;
}

function range(r: TempRange, what: string, c: Check): TempRange {
  const minC = temp(r.minC, what, c);
  const maxC = temp(r.maxC, what, c);
  return minC === r.minC && maxC === r.maxC ? r : { minC, maxC };
}

function chain(ch: ChainSnapshot, b: Bounds, c: Check): ChainSnapshot {
  const before = c.notes.length;
  c.chain = ch.id;
  const hashrateMhs = rate(ch.hashrateMhs, b.maxChainMhs, 'hashrate', c);
  const powerW = watts(ch.powerW, b.maxW, 'power', c);
  const chipTemp = range(ch.chipTemp, 'chip', c);
  const boardTemp = range(ch.boardTemp, 'board', c);
  c.chain = null;
  if (c.notes.length === before) return ch;
  return { ...ch, hashrateMhs, powerW, chipTemp, boardTemp };
}

/**
 * The reading with every figure that cannot be physical nulled, and what was taken out (empty, and the same
 * object, when all was plausible: the common case costs no copy).
 */
export function checkReading(
  s: RigSnapshot,
  model: ModelSpec | null,
): { snapshot: RigSnapshot; notes: string[] } {
  const b = boundsFor(model);
  const c: Check = { notes: [], chain: null };
  const hashrateMhs = rate(s.hashrateMhs, b.maxMhs, 'hashrate', c);
  const averageHashrateMhs = rate(s.averageHashrateMhs, b.maxMhs, 'average hashrate', c);
  const powerW = watts(s.powerW, b.maxW, 'power', c);
  const chipTemp = range(s.chipTemp, 'chip', c);
  const boardTemp = range(s.boardTemp, 'board', c);
  const chains = s.chains.map((ch) => chain(ch, b, c));
  let fansBad = false;
  const fans = s.fans.map((f) => {
    if (f.rpm === null || (Number.isFinite(f.rpm) && f.rpm >= 0 && f.rpm <= FAN_MAX_RPM)) return f;
    c.notes.push(`fan ${f.id} ${fmt(f.rpm)} rpm`);
    fansBad = true;
    return { ...f, rpm: null };
  });
  if (c.notes.length === 0) return { snapshot: s, notes: [] };
  const efficiencyJPerMh =
    hashrateMhs !== null && powerW !== null && hashrateMhs > 0 ? powerW / hashrateMhs : null;
  return {
    snapshot: {
      ...s,
      hashrateMhs,
      averageHashrateMhs,
      powerW,
      efficiencyJPerMh,
      chipTemp,
      boardTemp,
      chains,
      fans: fansBad ? fans : s.fans,
    },
    notes: c.notes,
  };
}

const MAX_NOTES = 4;

export const plausibilityRule: Rule = ({ input }) => {
  const notes = input.implausible;
  if (notes.length === 0) return NONE;
  const more = notes.length > MAX_NOTES ? ` and ${notes.length - MAX_NOTES} more` : '';
  const f: Finding = {
    code: 'implausible-reading',
    severity: 'warning',
    text: `implausible reading ignored: ${notes.slice(0, MAX_NOTES).join(', ')}${more}`,
    subject: '',
  };
  return [f];
};
