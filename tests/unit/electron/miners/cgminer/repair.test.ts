// @vitest-environment node
// The RPC JSON repairs of docs/vnish.md §5: each quirk on its own, then properties — valid JSON passes
// through unchanged, quirk-damaged JSON comes back to the same value, and nothing ever throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRepaired, repairJson } from '../../../../../electron/miners/cgminer/repair';

const parse = (text: string): unknown => parseRepaired(repairJson(text).text);

describe('repairJson quirks', () => {
  it('strips the NUL terminator and NULs anywhere outside strings', () => {
    expect(parse('{"a":1}\0')).toEqual({ a: 1 });
    expect(parse('{"a":\u00001}\0\0')).toEqual({ a: 1 });
  });
  it('inserts the missing comma of `}{` (real Vnish 3.8.6 stats)', () => {
    expect(parse('{"STATS":[{"Type":"Antminer S9 (vnish 3.8.6)"}{"GHS 5s":"13.5"}],"id":1}')).toEqual({
      STATS: [{ Type: 'Antminer S9 (vnish 3.8.6)' }, { 'GHS 5s': '13.5' }],
      id: 1,
    });
  });
  it('fixes `[,{`, a leading comma, trailing and doubled commas', () => {
    expect(parse('[,{"a":1},,{"b":2},]')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parse(',{"a":1,}')).toEqual({ a: 1 });
  });
  it('escapes raw newlines and control characters inside strings', () => {
    expect(parse('{"Msg":"line1\nline2\tend"}')).toEqual({ Msg: 'line1\nline2\tend' });
  });
  it('turns bare inf/nan into null, and leaves strings containing them alone', () => {
    expect(parse('{"t":inf,"u":-inf,"v":nan,"w":"Nano inf"}')).toEqual({
      t: null,
      u: null,
      v: null,
      w: 'Nano inf',
    });
  });
  it('keeps an invalid backslash escape as a literal backslash', () => {
    expect(parse('{"path":"C:\\miner\\x"}')).toEqual({ path: 'C:\\miner\\x' });
  });
  it('cuts a truncated buffer back to the last complete member and closes it', () => {
    const r = repairJson('{"STATUS":[{"STATUS":"S","Code":70}],"STATS":[{"a":1},{"b":');
    expect(r.truncated).toBe(true);
    expect(parseRepaired(r.text)).toEqual({ STATUS: [{ STATUS: 'S', Code: 70 }], STATS: [{ a: 1 }] });
  });
  it('ignores garbage after the first complete value', () => {
    expect(parse('{"a":1}\0{"junk"')).toEqual({ a: 1 });
  });
  it('returns empty text for an empty reply', () => {
    expect(repairJson('\0').text).toBe('');
  });
});

/** Damages compact JSON the ways firmware does, outside strings only. */
function damage(text: string, flags: { comma: boolean; glue: boolean; nul: boolean }): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inString && escaped) escaped = false;
    else if (inString && ch === '\\') escaped = true;
    else if (ch === '"') inString = !inString;
    if (!inString && flags.glue && ch === ',' && text.charAt(i - 1) === '}' && text.charAt(i + 1) === '{')
      continue;
    if (
      !inString &&
      flags.comma &&
      (ch === '}' || ch === ']') &&
      text.charAt(i - 1) !== '{' &&
      text.charAt(i - 1) !== '['
    ) {
      out += ',';
    }
    out += ch;
  }
  return flags.nul ? `${out}\0` : out;
}

describe('repairJson properties', () => {
  it('leaves valid JSON meaning unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parse(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('undoes trailing commas, `}{` glue and the NUL terminator', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), fc.boolean(), fc.boolean(), (value, comma, glue, nul) => {
        const text = JSON.stringify(value);
        expect(parse(damage(text, { comma, glue, nul }))).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, whatever the bytes, and any cut of a valid reply parses or is reported truncated', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const r = repairJson(text);
        expect(typeof r.text).toBe('string');
        parseRepaired(r.text);
      }),
      { numRuns: 300 },
    );
    const container = fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue()));
    fc.assert(
      fc.property(container, fc.nat(), (value, at) => {
        const text = JSON.stringify(value);
        const r = repairJson(text.slice(0, at % (text.length + 1)));
        if (!r.truncated && r.text !== '') expect(parseRepaired(r.text)).not.toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
