// @vitest-environment node
// Malformed input never escapes as an exception: wrong types anywhere in a reply, truncated JSON, HTML
// pages, {err} bodies and huge numbers all end as a typed result (a value, or a MinerError with a code).
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type z } from 'zod';
import { rigSnapshotSchema } from '../../../../../shared/rig';
import { MinerError } from '../../../../../electron/miners/errors';
import { parseWith } from '../../../../../electron/miners/parse';
import { normalizeVnish } from '../../../../../electron/miners/vnish/normalize';
import { interpretReply, requireJson } from '../../../../../electron/miners/vnish/reply';
import { infoSchema } from '../../../../../electron/miners/vnish/schemas-info';
import { statusSchema, summarySchema } from '../../../../../electron/miners/vnish/schemas-summary';
import {
  chainChipsSchema,
  perfSummarySchema,
  presetsSchema,
} from '../../../../../electron/miners/vnish/schemas-tuning';
import { settingsSchema, unlockSchema } from '../../../../../electron/miners/vnish/schemas-control';
import { mutate, wrongValue } from '../../../../helpers/mutate-json';
import { loadDoc, responseSchema, SchemaArbitraries } from '../../../../helpers/openapi-arbitrary';

const doc = loadDoc(join(import.meta.dirname, '../../../../../sim/vnish/openapi/v1.3.4.json'));
const arbs = new SchemaArbitraries(doc);
const spec = (path: string, method = 'get') => arbs.of(responseSchema(doc, path, method));

const endpoints: Array<{ path: string; schema: z.ZodType }> = [
  { path: '/summary', schema: summarySchema },
  { path: '/info', schema: infoSchema },
  { path: '/status', schema: statusSchema },
  { path: '/perf-summary', schema: perfSummarySchema },
  { path: '/autotune/presets', schema: presetsSchema },
  { path: '/boards', schema: chainChipsSchema },
  { path: '/settings', schema: settingsSchema },
];

function expectTyped(result: { ok: boolean; error?: unknown }): void {
  if (!result.ok) expect(result.error).toBeInstanceOf(MinerError);
}

describe('malformed Vnish replies', () => {
  for (const { path, schema } of endpoints) {
    it(`${path}: a wrong type anywhere gives a value or a typed error, never a throw`, () => {
      fc.assert(
        fc.property(spec(path), fc.nat(), wrongValue, (value, seed, bad) => {
          const mutated = mutate(value, (n) => seed % n, bad);
          const result = parseWith(schema, mutated, path);
          expectTyped(result);
        }),
        { numRuns: 80 },
      );
    });
  }

  it('a mutated summary/info/status still normalizes into a valid snapshot', () => {
    fc.assert(
      fc.property(
        spec('/summary'),
        spec('/info'),
        spec('/status'),
        fc.nat(),
        wrongValue,
        (s, i, st, seed, bad) => {
          const pick = (n: number): number => seed % n;
          const summary = parseWith(summarySchema, mutate(s, pick, bad), 's');
          const info = parseWith(infoSchema, mutate(i, pick, bad), 'i');
          const status = parseWith(statusSchema, mutate(st, pick, bad), 'st');
          const snapshot = normalizeVnish(
            {
              summary: summary.ok ? summary.value : null,
              info: info.ok ? info.value : null,
              status: status.ok ? status.value : null,
              perf: null,
            },
            { takenAtMs: 0 },
          );
          const chk = rigSnapshotSchema.safeParse(snapshot);
          expect(chk.success, String(JSON.stringify(chk.error?.issues ?? [])).slice(0, 800)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a top-level value of the wrong type is a bad_reply', () => {
    const notObject = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.anything()),
    );
    fc.assert(
      fc.property(notObject, (value) => {
        for (const schema of [summarySchema, infoSchema, statusSchema, unlockSchema]) {
          const result = parseWith(schema, value, 'x');
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe('bad_reply');
        }
      }),
    );
  });

  it('truncated JSON is a bad_reply, at every cut', () => {
    fc.assert(
      fc.property(spec('/summary'), fc.double({ min: 0, max: 1, noNaN: true }), (value, at) => {
        const text = JSON.stringify(value);
        const cut = Math.min(text.length - 1, Math.max(1, Math.floor(text.length * at)));
        const result = interpretReply(
          { status: 200, contentType: 'application/json', body: Buffer.from(text.slice(0, cut)) },
          'x',
        );
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('bad_reply');
      }),
    );
  });

  it('an HTML page (the SPA answers unknown paths) is a bad_reply that says so', () => {
    const html =
      '<!DOCTYPE html><html><head><title>AnthillOS</title></head><body><div id="app"></div></body></html>';
    const result = interpretReply(
      { status: 200, contentType: 'text/html', body: Buffer.from(html) },
      'GET /summary',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad_reply');
      expect(result.error.message).toMatch(/HTML/);
    }
  });

  it('any {err} body is a miner_error carrying the miner’s words, whatever the status', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(200, 400, 403, 404, 500), (message, status) => {
        const body = Buffer.from(JSON.stringify({ err: message }));
        const result = interpretReply({ status, contentType: 'application/json', body }, 'x');
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('miner_error');
          expect(result.error.minerMessage).toBe(message.trim());
          if (status !== 200) expect(result.error.status).toBe(status);
        }
      }),
    );
  });

  it('arbitrary bytes with any status never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 100, max: 599 }), (bytes, status) => {
        const result = interpretReply({ status, contentType: null, body: Buffer.from(bytes) }, 'x');
        expectTyped(result);
        if (result.ok) expectTyped(requireJson(result.value, 'x'));
      }),
    );
  });

  it('huge numbers become null (unknown), never Infinity or a 1000× overflow', () => {
    const text =
      '{"miner":{"hr_realtime":1e400,"hr_average":"1e400","hr_nominal":1e306,"power_consumption":-1e400}}';
    const reply = interpretReply(
      { status: 200, contentType: 'application/json', body: Buffer.from(text) },
      'x',
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok || reply.value.kind !== 'json') return;
    const summary = parseWith(summarySchema, reply.value.value, 'x');
    expect(summary.ok).toBe(true);
    if (!summary.ok) return;
    const info = parseWith(infoSchema, { hr_measure: 'GH/s' }, 'x');
    const snapshot = normalizeVnish(
      { summary: summary.value, info: info.ok ? info.value : null, status: null, perf: null },
      { takenAtMs: 0 },
    );
    expect(snapshot.hashrateMhs).toBeNull();
    expect(snapshot.averageHashrateMhs).toBeNull();
    expect(snapshot.nominalHashrateMhs).toBeNull();
    expect(snapshot.powerW).toBeNull();
    expect(rigSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });
});
