/**
 * ajv (JSON Schema 2020-12) validators for a response schema of a Vnish OpenAPI document, with the
 * document's components embedded so `#/components/schemas/…` refs resolve. Used to prove that what
 * the arbitrary generator makes is valid per Vnish's own spec. OpenAPI formats are checked for range.
 */
import { Ajv2020 } from 'ajv/dist/2020';
import { type JsonSchema, type OpenApiDoc } from './openapi-arbitrary';

const INT32 = 2 ** 31;

export function specValidator(doc: OpenApiDoc): (schema: JsonSchema, value: unknown) => string | null {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('binary', true);
  const cache = new Map<JsonSchema, ReturnType<typeof ajv.compile>>();
  return (schema, value) => {
    let validate = cache.get(schema);
    if (!validate) {
      const root = typeof schema === 'boolean' ? { allOf: [schema] } : schema;
      validate = ajv.compile({ ...root, components: doc.components });
      cache.set(schema, validate);
    }
    return validate(value) ? null : ajv.errorsText(validate.errors);
  };
}
