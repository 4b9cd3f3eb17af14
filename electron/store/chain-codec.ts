/**
 * A rig sample's chains packed into one BLOB (rig_samples.chains) instead of a row per chain: a row's key and
 * record header cost more than its values, and a rig's chains mostly share frequency, voltage and state.
 *
 * Layout (version-free: a new layout gets a new column): varint count, then per chain in ascending chain id
 * the fields of `chainFields`, each the token (varint.ts) of value − the previous chain's value (the first
 * chain's "previous" is 0; a NULL counts as 0 for the next chain). Values are the stored integers of
 * schema.ts, so no precision is lost here. Migration 0010 builds the same bytes in SQL; tests compare the two.
 */
import { pushToken, pushVarint, tokenReader } from './varint';

/** One chain as stored: integers in the units of schema.ts (deci-degrees, MHz × 10, mV, state codes). */
export type StoredChain = {
  chain: number;
  state: number;
  hashrateMhs: number | null;
  chipTempDc: number | null;
  boardTempDc: number | null;
  frequencyDmhz: number | null;
  voltageMv: number | null;
  chipsRed: number | null;
  chipsOrange: number | null;
};

/** Field order inside a packed chain: never reorder (old blobs would change meaning); append only. */
export const chainFields = [
  'chain',
  'state',
  'hashrateMhs',
  'chipTempDc',
  'boardTempDc',
  'frequencyDmhz',
  'voltageMv',
  'chipsRed',
  'chipsOrange',
] as const satisfies readonly (keyof StoredChain)[];

/** Packs chains (sorted here by chain id); null for none, so a rig without chains costs nothing. */
export function packChains(chains: readonly StoredChain[]): Buffer | null {
  if (chains.length === 0) return null;
  const sorted = [...chains].sort((a, b) => a.chain - b.chain);
  const out: number[] = [];
  pushVarint(out, sorted.length);
  let prev: readonly (number | null)[] | null = null;
  for (const c of sorted) {
    // Anything but a safe integer is NULL, also as the next chain's base.
    const values = chainFields.map((f) => {
      const v = c[f];
      return v !== null && Number.isSafeInteger(v) ? v : null;
    });
    values.forEach((v, k) => pushToken(out, v === null ? null : v - (prev?.[k] ?? 0)));
    prev = values;
  }
  return Buffer.from(out);
}

/** The inverse of packChains; a truncated or malformed blob yields the chains read before the damage. */
export function unpackChains(blob: Uint8Array | null): StoredChain[] {
  if (blob === null) return [];
  const tokens = tokenReader(blob);
  const count = tokens.varint() ?? 0;
  const out: StoredChain[] = [];
  let prev: StoredChain | null = null;
  for (let k = 0; k < count; k++) {
    const c: StoredChain = {
      chain: 0,
      state: 0,
      hashrateMhs: null,
      chipTempDc: null,
      boardTempDc: null,
      frequencyDmhz: null,
      voltageMv: null,
      chipsRed: null,
      chipsOrange: null,
    };
    for (const f of chainFields) {
      const d = tokens.next();
      if (d === undefined) return out;
      const v = d === null ? null : d + (prev?.[f] ?? 0);
      if (f === 'chain' || f === 'state') c[f] = v ?? 0;
      else c[f] = v;
    }
    out.push(c);
    prev = c;
  }
  return out;
}
