// @vitest-environment node
// Property tests: payloads generated from Vnish's own OpenAPI documents (v1.2.7 and v1.3.4) for every
// endpoint RigDeck parses. Each generated payload is first checked against the spec with ajv (so the
// generator is right), then must be accepted by our parser, and the normalizer must turn any mix of
// them into a snapshot that passes the shared zod schema and survives a JSON round trip.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type z } from 'zod';
import { chainChipsSchema as sharedChainChipsSchema, rigSnapshotSchema } from '../../../../../shared/rig';
import { parseWith } from '../../../../../electron/miners/parse';
import { normalizeVnish } from '../../../../../electron/miners/vnish/normalize';
import { normalizeChainChips } from '../../../../../electron/miners/vnish/normalize-chips';
import {
  authCheckSchema,
  factoryInfoSchema,
  infoSchema,
  modelSchema,
} from '../../../../../electron/miners/vnish/schemas-info';
import { statusSchema, summarySchema } from '../../../../../electron/miners/vnish/schemas-summary';
import {
  chainChipsSchema,
  perfSummarySchema,
  presetsSchema,
} from '../../../../../electron/miners/vnish/schemas-tuning';
import {
  findMinerSchema,
  locateMinerSchema,
  rebootAfterSchema,
  saveResultSchema,
  settingsSchema,
  unlockSchema,
} from '../../../../../electron/miners/vnish/schemas-control';
import {
  loadDoc,
  responseSchema,
  SchemaArbitraries,
  type OpenApiDoc,
} from '../../../../helpers/openapi-arbitrary';
import { specValidator } from '../../../../helpers/openapi-ajv';
import { stringifySomeNumbers } from '../../../../helpers/mutate-json';

const REF = join(import.meta.dirname, '../../../../../sim/vnish/openapi');
const RUNS = { numRuns: 60 };

type Endpoint = { path: string; method: 'get' | 'post'; schema: z.ZodType };

const COMMON: Endpoint[] = [
  { path: '/info', method: 'get', schema: infoSchema },
  { path: '/model', method: 'get', schema: modelSchema },
  { path: '/status', method: 'get', schema: statusSchema },
  { path: '/summary', method: 'get', schema: summarySchema },
  { path: '/perf-summary', method: 'get', schema: perfSummarySchema },
  { path: '/autotune/presets', method: 'get', schema: presetsSchema },
  { path: '/chains/factory-info', method: 'get', schema: factoryInfoSchema },
  { path: '/auth-check', method: 'get', schema: authCheckSchema },
  { path: '/settings', method: 'get', schema: settingsSchema },
  { path: '/settings', method: 'post', schema: saveResultSchema },
  { path: '/system/reboot', method: 'post', schema: rebootAfterSchema },
  { path: '/find-miner', method: 'post', schema: findMinerSchema },
];

const VERSIONS: Array<{ file: string; endpoints: Endpoint[] }> = [
  {
    file: 'v1.2.7.json',
    endpoints: [...COMMON, { path: '/chains', method: 'get', schema: chainChipsSchema }],
  },
  {
    file: 'v1.3.4.json',
    endpoints: [
      ...COMMON,
      { path: '/boards', method: 'get', schema: chainChipsSchema },
      { path: '/mining/throttle', method: 'post', schema: saveResultSchema },
      { path: '/locate-miner', method: 'post', schema: locateMinerSchema },
    ],
  },
];

function generator(doc: OpenApiDoc) {
  const arbs = new SchemaArbitraries(doc);
  const valid = specValidator(doc);
  return (path: string, method: 'get' | 'post') => {
    const schema = responseSchema(doc, path, method);
    return { arb: arbs.of(schema), check: (value: unknown) => valid(schema, value) };
  };
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = parseWith(schema, value, 'test');
  if (!result.ok) throw result.error;
  return result.value;
}

for (const { file, endpoints } of VERSIONS) {
  describe(`Vnish ${file}`, () => {
    const doc = loadDoc(`${REF}/${file}`);
    const gen = generator(doc);

    for (const ep of endpoints) {
      it(`accepts every spec-valid ${ep.method.toUpperCase()} ${ep.path} reply`, () => {
        const { arb, check } = gen(ep.path, ep.method);
        fc.assert(
          fc.property(arb, (value) => {
            expect(check(value)).toBeNull();
            expect(parseWith(ep.schema, value, ep.path).ok).toBe(true);
          }),
          RUNS,
        );
      });
    }

    it('accepts /unlock replies, refusing only the empty token the spec does not forbid', () => {
      const { arb, check } = gen('/unlock', 'post');
      fc.assert(
        fc.property(arb, (value) => {
          expect(check(value)).toBeNull();
          const result = parseWith(unlockSchema, value, '/unlock');
          const token = (value as { token: string }).token;
          expect(result.ok).toBe(token !== '');
          if (!result.ok) expect(result.error.code).toBe('bad_reply');
        }),
        RUNS,
      );
    });

    const info = gen('/info', 'get').arb;
    const summary = gen('/summary', 'get').arb;
    const status = gen('/status', 'get').arb;
    const perf = gen('/perf-summary', 'get').arb;
    const replies = fc.record({
      info: fc.option(info.map((v) => parsed(infoSchema, v))),
      summary: fc.option(summary.map((v) => parsed(summarySchema, v))),
      status: fc.option(status.map((v) => parsed(statusSchema, v))),
      perf: fc.option(perf.map((v) => parsed(perfSummarySchema, v))),
    });

    it('normalizes any combination of replies into a valid, JSON-safe snapshot', () => {
      fc.assert(
        fc.property(replies, fc.integer({ min: 0, max: 2 ** 45 }), (r, takenAtMs) => {
          const snapshot = normalizeVnish(r, { takenAtMs });
          expect(rigSnapshotSchema.safeParse(snapshot).success).toBe(true);
          expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
        }),
        RUNS,
      );
    });

    it('honours hr_measure: GH/s values are multiplied by 1000, MH/s kept', () => {
      fc.assert(
        fc.property(
          info,
          summary,
          fc.constantFrom('GH/s', 'MH/s'),
          fc.double({ min: 0, max: 1e6, noNaN: true }),
          (i, s, unit, hr) => {
            const inf = parsed(infoSchema, { ...(i as object), hr_measure: unit });
            const sum = parsed(summarySchema, s);
            if (sum.miner === null) return;
            const snapshot = normalizeVnish(
              { info: inf, summary: { miner: { ...sum.miner, hr_realtime: hr } }, status: null, perf: null },
              { takenAtMs: 0 },
            );
            expect(snapshot.hashrateMhs).toBe(unit === 'GH/s' ? hr * 1000 : hr);
            expect(snapshot.identity.reportedHashUnit).toBe(unit);
          },
        ),
        RUNS,
      );
    });

    it('reads numbers sent as strings exactly like the numbers', () => {
      fc.assert(
        fc.property(info, summary, fc.infiniteStream(fc.boolean()), (i, s, coin) => {
          const flip = (): boolean => coin.next().value === true;
          const a = normalizeVnish(
            { info: parsed(infoSchema, i), summary: parsed(summarySchema, s), status: null, perf: null },
            { takenAtMs: 1 },
          );
          const b = normalizeVnish(
            {
              info: parsed(infoSchema, stringifySomeNumbers(i, flip)),
              summary: parsed(summarySchema, stringifySomeNumbers(s, flip)),
              status: null,
              perf: null,
            },
            { takenAtMs: 1 },
          );
          expect(b).toEqual(a);
        }),
        RUNS,
      );
    });

    it('normalizes per-chip detail into the shared chain-chips schema', () => {
      const path = file === 'v1.2.7.json' ? '/chains' : '/boards';
      fc.assert(
        fc.property(
          gen(path, 'get').arb,
          fc.constantFrom('MH/s' as const, 'GH/s' as const),
          (value, unit) => {
            for (const chain of normalizeChainChips(parsed(chainChipsSchema, value), unit)) {
              expect(sharedChainChipsSchema.safeParse(chain).success).toBe(true);
            }
          },
        ),
        { numRuns: 30 },
      );
    });
  });
}
