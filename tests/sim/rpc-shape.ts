// The comparison behind rpc-shapes.test.ts: which JSON type a key of a real reply has, and what a
// virtual reply may send instead. A number may arrive as a string only where string-numbers.ts names a
// real capture of the rig's firmware family showing it, and only on a rig with that quirk turned on.
import { readFileSync } from 'node:fs';
import { type StringFormat, stringNumberKey } from '../../sim/cgminer/string-numbers';

/** 'integer' and 'decimal' are both JSON numbers; the captures keep the decimal point, so they differ. */
export type Kind = 'integer' | 'decimal' | 'number' | 'string' | 'boolean' | 'dashes' | 'marks';

export type Shape = Map<string, Kind>;

const fixtures = new URL('../fixtures/', import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, fixtures), 'utf8');
}

/** Key -> kind over every object of the section in a pretty-printed capture (decimal if any is). */
export function captureShape(file: string, section: string, index: number): Shape {
  const text = fixtureText(`antminer-stock-rpc/${file}`);
  const parsed = JSON.parse(text) as Record<string, Array<Record<string, unknown>>>;
  const obj = parsed[section]?.[index];
  if (!obj) throw new Error(`${file}: no ${section}[${index}]`);
  const decimal = new Set<string>();
  for (const m of text.matchAll(/"([^"]+)": -?\d+\.\d+/g)) if (m[1] !== undefined) decimal.add(m[1]);
  const shape: Shape = new Map();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'number') shape.set(k, decimal.has(k) ? 'decimal' : 'integer');
    else if (typeof v === 'string') shape.set(k, 'string');
    else if (typeof v === 'boolean') shape.set(k, 'boolean');
    else throw new Error(`${file}: ${k} has an unexpected type`);
  }
  return shape;
}

export type Facts = {
  identityTypePattern: string;
  version: Record<string, Kind>;
  summary: Record<string, Kind>;
  stats: Record<string, Kind>;
  statsPatterns: Record<string, Kind>;
};

export function vnishFacts(): Facts {
  return JSON.parse(fixtureText('vnish-rpc-facts.json')) as Facts;
}

function fits(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'decimal':
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'dashes':
      return typeof value === 'string' && /^\d+(-\d+)*$/.test(value);
    case 'marks':
      return typeof value === 'string' && /^( [ox]+)*$/.test(value);
  }
}

function quirkAllows(value: unknown, format: StringFormat | undefined): boolean {
  if (format === undefined || typeof value !== 'string') return false;
  return format === 'integer' ? /^\d+$/.test(value) : /^\d+\.\d{2}$/.test(value);
}

/**
 * Every way `actual` departs from the expected kinds: a key of a different type (unless the rig's
 * family quirk names it), a key missing (unless `optional` says the model may lack it), and, when
 * `known` is given, a key that neither `expected` nor `known` knows.
 */
export function shapeProblems(
  actual: Record<string, unknown>,
  expected: ReadonlyMap<string, Kind>,
  quirks: ReadonlyMap<string, StringFormat>,
  optional: RegExp,
  known?: (key: string) => Kind | undefined,
): string[] {
  const out: string[] = [];
  for (const [key, kind] of expected) {
    if (!(key in actual)) {
      if (!optional.test(key)) out.push(`"${key}" missing`);
      continue;
    }
    const v = actual[key];
    if (!fits(v, kind) && !quirkAllows(v, quirks.get(key)))
      out.push(`"${key}" is ${JSON.stringify(v)}, a real reply has ${kind}`);
  }
  if (known === undefined) return out;
  for (const [key, v] of Object.entries(actual)) {
    if (expected.has(key)) continue;
    const kind = known(key);
    if (kind === undefined) out.push(`"${key}" is in no capture or reference`);
    else if (!fits(v, kind) && !quirkAllows(v, quirks.get(key)))
      out.push(`"${key}" is ${JSON.stringify(v)}, the reference says ${kind}`);
  }
  return out;
}

/** The rig's string-number quirks that apply inside one reply section, by key. */
export function quirksIn(
  all: ReadonlyMap<string, StringFormat>,
  section: string,
): ReadonlyMap<string, StringFormat> {
  const out = new Map<string, StringFormat>();
  for (const [k, format] of all) {
    const key = k.slice(section.length + 1);
    if (k === stringNumberKey(section, key)) out.set(key, format);
  }
  return out;
}
