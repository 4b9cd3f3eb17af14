/**
 * A rig sample's chains packed into one BLOB (rig_samples.chains) instead of a row per chain: a row's key and
 * record header cost more than its values, and a rig's chains mostly share frequency, voltage and state.
 *
 * Layout (version-free: a new layout gets a new column): varint count, then per chain in ascending chain id
 * the fields of `chainFields`, each a token: 0 = NULL, else zigzag(value − the previous chain's value) + 1
 * (the first chain's "previous" is 0; a NULL counts as 0 for the next chain). Tokens are LEB128 varints (7 bits
 * a byte, low bits first, high bit = more bytes follow). Values are the stored integers of schema.ts, so no
 * precision is lost here. Migration 0010 builds the same bytes in SQL; tests compare the two.
 */

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

const zigzag = (d: number): number => (d >= 0 ? 2 * d : -2 * d - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/** Arithmetic, not bit operators: stored values may exceed 32 bits (hashrate of a SHA-256 board in MH/s). */
function pushVarint(out: number[], u: number): void {
  let v = u;
  while (v >= 128) {
    out.push((v % 128) + 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

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
    values.forEach((v, k) => pushVarint(out, v === null ? 0 : zigzag(v - (prev?.[k] ?? 0)) + 1));
    prev = values;
  }
  return Buffer.from(out);
}

/** The inverse of packChains; a truncated or malformed blob yields the chains read before the damage. */
export function unpackChains(blob: Uint8Array | null): StoredChain[] {
  if (blob === null) return [];
  let i = 0;
  const next = (): number | null => {
    let v = 0;
    let mul = 1;
    while (i < blob.length) {
      const b = blob[i++] ?? 0;
      v += (b & 127) * mul;
      if (b < 128) return v;
      mul *= 128;
      if (mul > 2 ** 56) return null;
    }
    return null;
  };
  const count = next();
  const out: StoredChain[] = [];
  if (count === null) return out;
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
      const token = next();
      if (token === null) return out;
      const v = token === 0 ? null : unzigzag(token - 1) + (prev?.[f] ?? 0);
      if (f === 'chain' || f === 'state') c[f] = v ?? 0;
      else c[f] = v;
    }
    out.push(c);
    prev = c;
  }
  return out;
}
