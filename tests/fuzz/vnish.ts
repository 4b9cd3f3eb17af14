/**
 * Vnish REST replies: bodies generated from Vnish's own OpenAPI documents (v1.2.7 and v1.3.4) for every
 * endpoint RigDeck parses, then mutated as values and as text, with odd HTTP statuses. The path is the
 * client's: interpretReply → requireJson → the endpoint's zod schema (and readSummary for /summary, which
 * must agree with summarySchema) → normalizeVnish / normalizeChainChips → the shared snapshot schemas.
 */
import fc from 'fast-check';
import { type z } from 'zod';

import { MinerError } from '../../electron/miners/errors';
import { parseWith, type Parsed } from '../../electron/miners/parse';
import { normalizeVnish, type VnishReplies } from '../../electron/miners/vnish/normalize';
import { normalizeChainChips } from '../../electron/miners/vnish/normalize-chips';
import { readSummary } from '../../electron/miners/vnish/read-summary';
import { interpretReply, requireJson } from '../../electron/miners/vnish/reply';
import {
  authCheckSchema,
  factoryInfoSchema,
  infoSchema,
  modelSchema,
} from '../../electron/miners/vnish/schemas-info';
import { statusSchema, summarySchema } from '../../electron/miners/vnish/schemas-summary';
import {
  chainChipsSchema,
  perfSummarySchema,
  presetsSchema,
} from '../../electron/miners/vnish/schemas-tuning';
import { settingsSchema } from '../../electron/miners/vnish/schemas-control';
import { chainChipsSchema as sharedChainChipsSchema, rigSnapshotSchema } from '../../shared/rig';
import { loadDoc, responseSchema, SchemaArbitraries } from '../helpers/openapi-arbitrary';
import { type Family, OracleViolation, type Outcome } from './family';
import { mutatedJsonText, mutatedText } from './mutations';

/** Where the OpenAPI documents are read from; the Vnish property tests read the same copies. */
export const VNISH_OPENAPI_DIR = '/work/shared/reference/vnish-openapi';

type Snapshotted = keyof VnishReplies;
type Endpoint = { path: string; schema: z.ZodType; into?: Snapshotted; chips?: boolean };

const COMMON: Endpoint[] = [
  { path: '/info', schema: infoSchema, into: 'info' },
  { path: '/summary', schema: summarySchema, into: 'summary' },
  { path: '/status', schema: statusSchema, into: 'status' },
  { path: '/perf-summary', schema: perfSummarySchema, into: 'perf' },
  { path: '/model', schema: modelSchema },
  { path: '/autotune/presets', schema: presetsSchema },
  { path: '/chains/factory-info', schema: factoryInfoSchema },
  { path: '/auth-check', schema: authCheckSchema },
  { path: '/settings', schema: settingsSchema },
];

const DOCS: Array<{ file: string; endpoints: Endpoint[] }> = [
  { file: 'v1.2.7.json', endpoints: [...COMMON, { path: '/chains', schema: chainChipsSchema, chips: true }] },
  { file: 'v1.3.4.json', endpoints: [...COMMON, { path: '/boards', schema: chainChipsSchema, chips: true }] },
];

export type VnishInput = { endpoint: Endpoint; status: number; contentType: string | null; text: string };

const EMPTY: VnishReplies = { info: null, summary: null, status: null, perf: null };

function typed(error: unknown): Outcome {
  if (error instanceof MinerError) return 'typed_error';
  throw new OracleViolation(`refused with ${String(error)} instead of a MinerError`);
}

function mustPass(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new OracleViolation(`${what} fails its schema: ${result.error.issues[0]?.message ?? ''}`);
  }
}

function checkVnish(input: VnishInput): Outcome {
  const { endpoint } = input;
  const what = `GET ${endpoint.path}`;
  const reply = interpretReply(
    { status: input.status, contentType: input.contentType, body: Buffer.from(input.text, 'utf8') },
    what,
  );
  if (!reply.ok) return typed(reply.error);
  const json = requireJson(reply.value, what);
  if (!json.ok) return typed(json.error);
  const parsed: Parsed<unknown> = parseWith(endpoint.schema, json.value, what);
  if (endpoint.path === '/summary' && readSummary(json.value, what).ok !== parsed.ok) {
    throw new OracleViolation('readSummary and summarySchema disagree');
  }
  if (!parsed.ok) return typed(parsed.error);
  if (endpoint.into) {
    const snapshot = normalizeVnish({ ...EMPTY, [endpoint.into]: parsed.value }, { takenAtMs: 1 });
    mustPass(rigSnapshotSchema, snapshot, 'snapshot');
  }
  if (endpoint.chips) {
    const items = parsed.value as Parameters<typeof normalizeChainChips>[0];
    for (const chain of normalizeChainChips(items, 'MH/s'))
      mustPass(sharedChainChipsSchema, chain, 'chain chips');
  }
  return 'valid';
}

const status = fc.oneof(
  { weight: 8, arbitrary: fc.constant(200) },
  { weight: 1, arbitrary: fc.constantFrom(204, 401, 403, 404, 500, 502) },
);
const contentType = fc.constantFrom('application/json', 'text/html', null, 'text/plain; charset=utf-8');

function endpointArb(doc: ReturnType<typeof loadDoc>, endpoint: Endpoint): fc.Arbitrary<VnishInput> {
  const arbs = new SchemaArbitraries(doc);
  const body = arbs.of(responseSchema(doc, endpoint.path, 'get'));
  const text = fc.oneof(
    { weight: 6, arbitrary: mutatedJsonText(body) },
    {
      weight: 1,
      arbitrary: mutatedText(fc.constantFrom('', '<!DOCTYPE html><html></html>', '{"err":"locked"}')),
    },
  );
  return fc.record({ endpoint: fc.constant(endpoint), status, contentType, text });
}

export function vnishFamily(dir = VNISH_OPENAPI_DIR): Family<VnishInput> {
  const arbs = DOCS.flatMap(({ file, endpoints }) => {
    const doc = loadDoc(`${dir}/${file}`);
    return endpoints.map((e) => endpointArb(doc, e));
  });
  return {
    name: 'vnish-rest',
    about: 'Vnish REST replies from the v1.2.7/v1.3.4 OpenAPI schemas, mutated as values and text',
    arb: fc.oneof(...arbs),
    check: checkVnish,
  };
}
