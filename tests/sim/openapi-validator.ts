// Validates replies against Vnish's own OpenAPI 3.1 documents with a JSON Schema 2020-12 validator
// (ajv), so fidelity is checked by a schema engine, not by hand. OpenAPI formats are enforced too:
// int32/int64 ranges, float/double.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020';
import { type ValidateFunction } from 'ajv';

type Doc = { paths: Record<string, Record<string, Operation>>; components: Record<string, unknown> };
type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> };

function rewriteRefs(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, base));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${base}${v}` : rewriteRefs(v, base);
  }
  return out;
}

export type ResponseSpec = { status: string; contentType: string | null; validate: ValidateFunction | null };

export type SpecValidator = {
  doc: Doc;
  operations(): Array<{ path: string; method: string }>;
  response(path: string, method: string, status: number): ResponseSpec | null;
};

export function loadValidator(file: string, id: string): SpecValidator {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  const inRange = (min: number, max: number) => (n: number) => Number.isInteger(n) && n >= min && n <= max;
  ajv.addFormat('int32', { type: 'number', validate: inRange(-(2 ** 31), 2 ** 31 - 1) });
  ajv.addFormat('int64', {
    type: 'number',
    validate: inRange(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  });
  ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('binary', true);
  const base = `https://vnish.invalid/${id}`;
  ajv.addSchema({ $id: base, components: rewriteRefs(doc.components, base) });
  const cache = new Map<string, ResponseSpec | null>();
  return {
    doc,
    operations() {
      const out: Array<{ path: string; method: string }> = [];
      for (const [path, ops] of Object.entries(doc.paths))
        for (const method of Object.keys(ops)) out.push({ path, method: method.toUpperCase() });
      return out;
    },
    response(path, method, status) {
      const key = `${method} ${path} ${status}`;
      if (cache.has(key)) return cache.get(key) ?? null;
      const op = doc.paths[path]?.[method.toLowerCase()];
      const resp = op?.responses[String(status)];
      let spec: ResponseSpec | null = null;
      if (resp) {
        const [contentType, media] = Object.entries(resp.content ?? {})[0] ?? [null, null];
        spec = {
          status: String(status),
          contentType,
          validate:
            media && contentType === 'application/json'
              ? ajv.compile(rewriteRefs(media.schema, base) as object)
              : null,
        };
      }
      cache.set(key, spec);
      return spec;
    },
  };
}
