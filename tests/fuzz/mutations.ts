/**
 * Mutators shared by the fuzz families: on JSON values (one value replaced by something wrong, a key dropped,
 * numbers sent as strings) and on wire text (cut short, bytes flipped, junk inserted, a slice doubled).
 */
import fc from 'fast-check';

import { mutate, stringifySomeNumbers, wrongValue } from '../helpers/mutate-json';

function dropOneKey(value: unknown, choose: (n: number) => number): unknown {
  const copy: unknown = structuredClone(value);
  const holders: Record<string, unknown>[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const rec = v as Record<string, unknown>;
      if (Object.keys(rec).length > 0) holders.push(rec);
      Object.values(rec).forEach(walk);
    }
  };
  walk(copy);
  const target = holders[choose(holders.length)];
  if (target) {
    const keys = Object.keys(target);
    const key = keys[choose(keys.length)];
    if (key !== undefined) Reflect.deleteProperty(target, key);
  }
  return copy;
}

const chooser = (seed: number) => (n: number) => (n <= 0 ? 0 : Math.abs(seed) % n);

/** `base` as it is, or with one to three values replaced, keys dropped or numbers stringified. */
export function mutatedValue(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const replaced = fc
    .tuple(base, fc.array(fc.tuple(fc.nat(), wrongValue), { minLength: 1, maxLength: 3 }))
    .map(([v, edits]) => edits.reduce<unknown>((acc, [seed, w]) => mutate(acc, chooser(seed), w), v));
  const dropped = fc.tuple(base, fc.nat()).map(([v, seed]) => dropOneKey(v, chooser(seed)));
  const stringified = fc
    .tuple(base, fc.infiniteStream(fc.boolean()))
    .map(([v, coin]) => stringifySomeNumbers(v, () => coin.next().value === true));
  const wrapped = base.map((v): unknown => [v]);
  return fc.oneof(
    { weight: 3, arbitrary: base },
    { weight: 4, arbitrary: replaced },
    { weight: 2, arbitrary: dropped },
    { weight: 2, arbitrary: stringified },
    { weight: 1, arbitrary: wrapped },
    { weight: 1, arbitrary: wrongValue },
  );
}

const junk = fc.oneof(
  fc.string({ maxLength: 8, unit: 'binary' }),
  fc.constantFrom('\0', '}{', ',,', ']', '[', '"', '\\', 'nan', 'inf', '-', '\u00ff', '\ud800', '<html>'),
);

/** `text` as it is, or cut short, with characters flipped, junk inserted, or a slice doubled. */
export function mutatedText(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const cut = fc.tuple(text, fc.nat()).map(([t, at]) => t.slice(0, t.length === 0 ? 0 : at % t.length));
  const flipped = fc
    .tuple(
      text,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 0xffff })), { minLength: 1, maxLength: 4 }),
    )
    .map(([t, flips]) =>
      flips.reduce((acc, [at, code]) => {
        if (acc.length === 0) return acc;
        const i = at % acc.length;
        return acc.slice(0, i) + String.fromCharCode(code) + acc.slice(i + 1);
      }, t),
    );
  const inserted = fc.tuple(text, fc.nat(), junk).map(([t, at, j]) => {
    const i = t.length === 0 ? 0 : at % (t.length + 1);
    return t.slice(0, i) + j + t.slice(i);
  });
  const doubled = fc.tuple(text, fc.nat(), fc.nat()).map(([t, a, b]) => {
    if (t.length === 0) return t;
    const i = a % t.length;
    const j = i + (b % Math.max(1, t.length - i));
    return t.slice(0, j) + t.slice(i, j) + t.slice(j);
  });
  return fc.oneof(
    { weight: 3, arbitrary: text },
    { weight: 2, arbitrary: cut },
    { weight: 2, arbitrary: flipped },
    { weight: 2, arbitrary: inserted },
    { weight: 1, arbitrary: doubled },
    { weight: 1, arbitrary: fc.string({ maxLength: 64, unit: 'binary' }) },
  );
}

/** JSON text of a mutated value, itself sometimes mutated as text. */
export function mutatedJsonText(base: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return mutatedText(mutatedValue(base).map((v) => JSON.stringify(v) ?? 'null'));
}
