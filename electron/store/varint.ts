/**
 * The integer tokens of the packed history columns (chain-codec.ts, spread-codec.ts): 0 = NULL, else
 * zigzag(value) + 1 (0, -1, 1, -2 … → 1, 2, 3, 4 …), as LEB128 varints (7 bits a byte, low bits first, high bit
 * = more bytes follow): a small value or difference costs one byte. Arithmetic, not bit operators: values may
 * exceed 32 bits (a SHA-256 board's hashrate in MH/s). Migration 0010 computes the same bytes in SQL.
 */

/** Appends a non-negative integer's varint to `out`. */
export function pushVarint(out: number[], u: number): void {
  let v = u;
  while (v >= 128) {
    out.push((v % 128) + 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** Appends the token of `v` (null, or not a safe integer: NULL) to `out`. */
export function pushToken(out: number[], v: number | null): void {
  pushVarint(out, v === null || !Number.isSafeInteger(v) ? 0 : v >= 0 ? 2 * v + 1 : -2 * v);
}

export type TokenReader = {
  /** The next plain varint; undefined at the end or on a malformed one (and every read after it). */
  varint(): number | undefined;
  /** The next token's value (null for NULL); undefined as for varint(). */
  next(): number | null | undefined;
};

/** Reads varints and tokens from a blob in order. */
export function tokenReader(blob: Uint8Array): TokenReader {
  let i = 0;
  const varint = (): number | undefined => {
    let u = 0;
    let mul = 1;
    while (i < blob.length) {
      const b = blob[i++] ?? 0;
      u += (b % 128) * mul;
      if (b < 128) return u;
      mul *= 128;
      if (mul > 2 ** 49) break;
    }
    i = blob.length;
    return undefined;
  };
  return {
    varint,
    next() {
      const u = varint();
      return u === undefined ? undefined : u === 0 ? null : u % 2 === 1 ? (u - 1) / 2 : -u / 2;
    },
  };
}
