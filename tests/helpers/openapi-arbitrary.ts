/**
 * A small JSON Schema (OpenAPI 3.1 flavour) → fast-check arbitrary converter, enough for Vnish's own
 * documents: $ref into #/components/schemas, type (also as a list, e.g. ["integer","null"]), enum,
 * const, oneOf/anyOf, allOf (object merge), properties/required (optional keys sometimes absent),
 * additionalProperties maps, items, prefixItems tuples, minimum/maximum, minLength/maxLength and the
 * int32/int64/float/double formats. Values generated here are what a spec-conforming firmware may
 * send; the tests check that with ajv too, so the generator itself is verified.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';

export type JsonSchema = boolean | { [key: string]: unknown };
export type OpenApiDoc = {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }>
  >;
  components: { schemas: Record<string, JsonSchema> };
};

export function loadDoc(file: string): OpenApiDoc {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDoc;
}

/** The schema of a 200 application/json response, e.g. responseSchema(doc, '/summary', 'get'). */
export function responseSchema(doc: OpenApiDoc, path: string, method: string): JsonSchema {
  const schema = doc.paths[path]?.[method]?.responses?.['200']?.content?.['application/json']?.schema;
  if (schema === undefined) throw new Error(`no 200 JSON schema for ${method.toUpperCase()} ${path}`);
  return schema;
}

type Obj = { [key: string]: unknown };

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asSchema(v: unknown): JsonSchema {
  return typeof v === 'boolean' || isObj(v) ? v : true;
}

const INT32 = 2 ** 31 - 1;

function numberArb(s: Obj, integer: boolean): fc.Arbitrary<number> {
  const format = typeof s['format'] === 'string' ? s['format'] : '';
  const min = typeof s['minimum'] === 'number' ? s['minimum'] : undefined;
  const max = typeof s['maximum'] === 'number' ? s['maximum'] : undefined;
  if (integer) {
    const bound = format === 'int32' ? INT32 : Number.MAX_SAFE_INTEGER;
    const lo = Math.max(
      min ?? -bound - (format === 'int32' ? 1 : 0),
      format === 'int32' ? -INT32 - 1 : -bound,
    );
    const hi = Math.min(max ?? bound, bound);
    // Mostly realistic magnitudes, sometimes the extremes the format allows.
    const small = fc.integer({ min: Math.max(lo, -100_000), max: Math.min(hi, 100_000) });
    return lo >= -100_000 && hi <= 100_000
      ? small
      : fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min: lo, max: hi }) });
  }
  const limit = format === 'float' ? 3.4e38 : Number.MAX_VALUE;
  const lo = min ?? -limit;
  const hi = max ?? limit;
  const realistic = fc.double({
    min: Math.max(lo, -1e6),
    max: Math.min(hi, 1e6),
    noNaN: true,
    noDefaultInfinity: true,
  });
  const extreme = fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  return fc
    .oneof({ weight: 4, arbitrary: realistic }, { weight: 1, arbitrary: extreme })
    .map((n) => (Object.is(n, -0) ? 0 : n));
}

function stringArb(s: Obj): fc.Arbitrary<string> {
  const minLength = typeof s['minLength'] === 'number' ? s['minLength'] : 0;
  const maxLength = typeof s['maxLength'] === 'number' ? s['maxLength'] : Math.max(minLength, 24);
  return fc.string({ minLength, maxLength, unit: 'binary' });
}

export class SchemaArbitraries {
  private readonly cache = new Map<string, fc.Arbitrary<unknown>>();

  constructor(private readonly doc: OpenApiDoc) {}

  private resolve(ref: string): JsonSchema {
    const prefix = '#/components/schemas/';
    if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref}`);
    const schema = this.doc.components.schemas[ref.slice(prefix.length)];
    if (schema === undefined) throw new Error(`dangling $ref ${ref}`);
    return schema;
  }

  /** The arbitrary for `schema`; `depth` stops runaway recursion (none in Vnish's docs, but cheap insurance). */
  of(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    if (schema === true) return fc.jsonValue({ maxDepth: 2 });
    if (schema === false) throw new Error('schema false has no values');
    if (depth > 24) return fc.constant(null);
    const ref = schema['$ref'];
    if (typeof ref === 'string') {
      let arb = this.cache.get(ref);
      if (!arb) {
        arb = this.of(this.resolve(ref), depth + 1);
        this.cache.set(ref, arb);
      }
      return arb;
    }
    if ('const' in schema) return fc.constant(schema['const']);
    if (Array.isArray(schema['enum'])) return fc.constantFrom(...(schema['enum'] as unknown[]));
    const alternatives = schema['oneOf'] ?? schema['anyOf'];
    if (Array.isArray(alternatives))
      return fc.oneof(...alternatives.map((a) => this.of(asSchema(a), depth + 1)));
    if (Array.isArray(schema['allOf'])) {
      const parts = schema['allOf'].map((a) => this.of(asSchema(a), depth + 1));
      return fc.tuple(...parts).map((values) => Object.assign({}, ...values.filter(isObj)) as unknown);
    }
    const type = schema['type'];
    if (Array.isArray(type)) {
      return fc.oneof(...type.map((t) => this.of({ ...schema, type: t }, depth + 1)));
    }
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return numberArb(schema, true);
      case 'number':
        return numberArb(schema, false);
      case 'string':
        return stringArb(schema);
      case 'array':
        return this.arrayOf(schema, depth);
      case 'object':
        return this.objectOf(schema, depth);
      default:
        // No type: an object if it has properties, else any JSON.
        return isObj(schema['properties']) ? this.objectOf(schema, depth) : fc.jsonValue({ maxDepth: 2 });
    }
  }

  private arrayOf(s: Obj, depth: number): fc.Arbitrary<unknown> {
    if (Array.isArray(s['prefixItems'])) {
      return fc.tuple(...s['prefixItems'].map((p) => this.of(asSchema(p), depth + 1)));
    }
    const items = s['items'] === undefined ? true : asSchema(s['items']);
    return fc.array(this.of(items, depth + 1), { maxLength: 6 });
  }

  private objectOf(s: Obj, depth: number): fc.Arbitrary<unknown> {
    const props = isObj(s['properties']) ? s['properties'] : {};
    const required = Array.isArray(s['required'])
      ? s['required'].filter((k): k is string => typeof k === 'string')
      : [];
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, sub] of Object.entries(props)) model[key] = this.of(asSchema(sub), depth + 1);
    const fixed = fc.record(model, { requiredKeys: required.filter((k) => k in model) });
    const extra = s['additionalProperties'];
    if (!isObj(extra)) return fixed;
    const map = fc.dictionary(fc.string({ maxLength: 12 }), this.of(extra, depth + 1), { maxKeys: 4 });
    return fc.tuple(map, fixed).map(([m, f]) => ({ ...m, ...(f as Obj) }));
  }
}
