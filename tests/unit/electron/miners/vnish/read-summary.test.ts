// @vitest-environment node
// The poll hot path reads /summary without zod (read-summary.ts). The zod schema is the definition: for
// every payload here, spec-generated (both firmware documents), with numbers sent as strings, with one value
// anywhere replaced by something wrong, or anything at all, the reader must return exactly what the schema
// returns, and fail exactly when it fails, with the same message.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../../../../electron/miners/parse';
import { readSummary } from '../../../../../electron/miners/vnish/read-summary';
import { summarySchema } from '../../../../../electron/miners/vnish/schemas-summary';
import { mutate, stringifySomeNumbers, wrongValue } from '../../../../helpers/mutate-json';
import { loadDoc, responseSchema, SchemaArbitraries } from '../../../../helpers/openapi-arbitrary';

const REF = join(import.meta.dirname, '../../../../../sim/vnish/openapi');

function sameAsSchema(value: unknown): void {
  const fast = readSummary(value, 'summary');
  const reference = parseWith(summarySchema, value, 'summary');
  expect(fast.ok).toBe(reference.ok);
  if (fast.ok && reference.ok) expect(fast.value).toStrictEqual(reference.value);
  if (!fast.ok && !reference.ok) expect(fast.error.message).toBe(reference.error.message);
}

describe('readSummary reads /summary exactly as the zod schema does', () => {
  for (const file of ['v1.2.7.json', 'v1.3.4.json']) {
    const summary = new SchemaArbitraries(loadDoc(`${REF}/${file}`)).of(
      responseSchema(loadDoc(`${REF}/${file}`), '/summary', 'get'),
    );

    it(`${file}: spec-valid replies, some numbers as strings`, () => {
      fc.assert(
        fc.property(summary, fc.infiniteStream(fc.boolean()), (s, coin) => {
          sameAsSchema(s);
          sameAsSchema(stringifySomeNumbers(s, () => coin.next().value === true));
        }),
        { numRuns: 150 },
      );
    });

    it(`${file}: one value anywhere replaced by something wrong`, () => {
      fc.assert(
        fc.property(summary, fc.nat(), wrongValue, (s, seed, bad) => {
          sameAsSchema(mutate(s, (n) => seed % n, bad));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('anything at all, the miner object included', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (v) => {
        sameAsSchema(v);
        sameAsSchema({ miner: v });
        sameAsSchema({ miner: { chains: [v], pools: [v], cooling: { fans: [v, 1200, '900'] } } });
      }),
      { numRuns: 300 },
    );
  });

  it('fans sent as bare rpm (older builds) and garbled ones dropped, like the schema', () => {
    sameAsSchema({ miner: { cooling: { fans: [3000, '3100', null, 'x', { rpm: '2900' }, [], 'inf'] } } });
    expect(readSummary({ miner: { cooling: { fans: [3000, 'x'] } } }, 's')).toMatchObject({
      ok: true,
      value: { miner: { cooling: { fans: [{ id: null, rpm: 3000, status: null, max_rpm: null }] } } },
    });
  });
});
