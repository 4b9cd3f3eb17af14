// The browser reads the headless face's messages without zod (renderer/api/server-message.ts). The schema in
// shared/wire.ts is the definition: for valid messages of every type, the same with one value anywhere replaced
// by something wrong, with extra fields, or anything at all, the reader must accept exactly what the schema
// accepts and return exactly what it returns (unknown fields dropped).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { readServerMessage } from '../../../renderer/api/server-message';
import { rpcErrorCodes } from '../../../shared/rpc-error';
import { serverMessageSchema } from '../../../shared/wire';
import { mutate, wrongValue } from '../../helpers/mutate-json';

function sameAsSchema(value: unknown): void {
  const reference = serverMessageSchema.safeParse(value);
  const fast = readServerMessage(value);
  expect(fast !== null).toBe(reference.success);
  if (reference.success) expect(fast).toStrictEqual(reference.data);
}

const id = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 70 }),
  fc.constantFrom(0, -0, 2 ** 53, 2 ** 53 - 1, 1.5, Number.NaN, Infinity, '', 'x'.repeat(64), 'x'.repeat(65)),
);
const json = fc.jsonValue({ maxDepth: 3 });
const error = fc.record(
  {
    code: fc.oneof(fc.constantFrom(...rpcErrorCodes), fc.string()),
    message: fc.string(),
    issues: fc.array(fc.record({ path: fc.string(), message: fc.string() }), { maxLength: 3 }),
    retryAfterMs: fc.oneof(fc.nat(), fc.constantFrom(-1, 0.5, -0, 2 ** 60)),
  },
  { requiredKeys: ['code', 'message'] },
);
const message = fc.oneof(
  fc.record({
    type: fc.constant('hello'),
    auth: fc.constantFrom('required', 'none', 'maybe'),
    version: fc.string(),
  }),
  fc.record({ type: fc.constant('result'), id, result: json }, { requiredKeys: ['type', 'id'] }),
  fc.record({ type: fc.constant('error'), id: fc.oneof(id, fc.constant(null)), error }),
  fc.record({ type: fc.constant('event'), event: fc.string(), payload: json }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('login.ok'), token: fc.string() }),
  fc.record({ type: fc.constant('login.error'), error }),
);

describe('readServerMessage reads a message exactly as serverMessageSchema does', () => {
  it('messages of every type, as the server sends them and with extra fields', () => {
    fc.assert(
      fc.property(message, fc.dictionary(fc.string(), json, { maxKeys: 2 }), (m, extra) => {
        sameAsSchema(m);
        sameAsSchema({ ...extra, ...m });
        if ('error' in m) sameAsSchema({ ...m, error: { ...extra, ...m.error } });
      }),
      { numRuns: 600 },
    );
  });

  it('one value anywhere replaced by something wrong', () => {
    fc.assert(
      fc.property(message, fc.nat(), wrongValue, (m, seed, bad) => {
        sameAsSchema(mutate(m, (n) => seed % n, bad));
      }),
      { numRuns: 600 },
    );
  });

  it('anything at all', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (v) => {
        sameAsSchema(v);
        sameAsSchema({ type: 'error', id: 1, error: v });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps what the client relies on: the id, the reply and the error as sent', () => {
    expect(readServerMessage({ type: 'result', id: 'a', result: { rigs: [] } })).toEqual({
      type: 'result',
      id: 'a',
      result: { rigs: [] },
    });
    expect(readServerMessage({ type: 'result', id: 1 })).toBeNull();
    expect(readServerMessage({ type: 'error', id: null, error: { code: 'nope', message: 'x' } })).toBeNull();
    expect(readServerMessage(['hello'])).toBeNull();
  });
});
