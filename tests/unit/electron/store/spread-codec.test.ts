// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { allMetrics } from '../../../../electron/store/history-codec';
import type { AggRow } from '../../../../electron/store/history-sql';
import { expandRow, packSpread } from '../../../../electron/store/spread-codec';
import { pushToken, tokenReader } from '../../../../electron/store/varint';

const M = allMetrics.length;
const row = (...triples: [number | null, number | null, number | null][]): AggRow => [
  100,
  5,
  ...Array.from({ length: M }, (_, m) => triples[m % triples.length] ?? [null, null, null]).flat(),
];
/** The stored form: time, n, the averages, the spread. */
const stored = (r: AggRow): unknown[] => [
  r[0],
  r[1],
  ...Array.from({ length: M }, (_, m) => r[2 + 3 * m]),
  packSpread(r),
];

describe('spread codec', () => {
  it('round-trips min and max exactly, a NULL metric costing nothing', () => {
    for (const r of [
      row([9500, 9214, 9785]),
      row([753, 753, 753], [null, null, null]),
      row([-40, -(2 ** 45), 2 ** 45]),
      row([null, null, null]),
    ])
      expect(expandRow(stored(r))).toEqual(r);
    expect(packSpread(row([null, null, null])).length).toBe(0);
    // Two one-byte differences per metric.
    expect(packSpread(row([753, 700, 800])).length).toBe(2 * M);
  });

  it('gives NULL min and max from a damaged spread on, and keeps the averages', () => {
    const r = row([9500, 9214, 9785]);
    const s = stored(r);
    const spread = packSpread(r);
    // Each difference here takes two bytes: three bytes hold the first min and half of the first max.
    s[2 + M] = spread.subarray(0, 3);
    const back = expandRow(s);
    expect(back.slice(2, 8)).toEqual([9500, 9214, null, 9500, null, null]);
    s[2 + M] = null;
    expect(expandRow(s).slice(2, 5)).toEqual([9500, null, null]);
    s[2 + M] = Buffer.alloc(20, 0xff);
    expect(expandRow(s).slice(2, 5)).toEqual([9500, null, null]);
  });

  it('reads tokens back as written, and stops at a truncated or overlong varint', () => {
    const out: number[] = [];
    const values = [0, -1, 1, 63, -64, 64, 2 ** 40, -(2 ** 40), null, Number.NaN, 1.5];
    for (const v of values) pushToken(out, v);
    const r = tokenReader(Uint8Array.from(out));
    expect(values.map(() => r.next())).toEqual([
      0,
      -1,
      1,
      63,
      -64,
      64,
      2 ** 40,
      -(2 ** 40),
      null,
      null,
      null,
    ]);
    expect(r.next()).toBeUndefined();
    expect(tokenReader(Uint8Array.from([0x80])).next()).toBeUndefined();
    expect(tokenReader(Uint8Array.from(Array(10).fill(0xff))).next()).toBeUndefined();
  });
});
