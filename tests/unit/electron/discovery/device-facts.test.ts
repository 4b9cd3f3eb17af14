// @vitest-environment node
// parseVnishInfo reads /api/v1/info by hand (a scan reads hundreds). The zod schema below is its
// definition: for real-looking replies, replies with one value anywhere replaced by something wrong, and
// any JSON at all, the reader must return exactly what parsing with the schema returns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import {
  normaliseMac,
  normaliseModel,
  parseVnishInfo,
  type VnishInfo,
} from '../../../../electron/discovery/device-facts';
import { mutate, wrongValue } from '../../../helpers/mutate-json';

const text = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => {
    const s = v === null || v === undefined ? '' : String(v).trim();
    return s === '' ? null : s;
  });

const infoSchema = z.object({
  fw_name: text,
  fw_version: text,
  miner: text,
  model: text,
  serial: text,
  system: z
    .object({
      network_status: z.object({ mac: text, hostname: text }).partial().nullish().catch(null),
    })
    .partial()
    .nullish()
    .catch(null),
});

function byTheSchema(body: string): VnishInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = infoSchema.safeParse(value);
  if (!parsed.success) return null;
  const d = parsed.data;
  const net = d.system?.network_status;
  const facts: VnishInfo = {
    fwName: d.fw_name,
    fwVersion: d.fw_version,
    model: normaliseModel(d.miner ?? (d.model === null ? null : `Antminer ${d.model}`)),
    serial: d.serial,
    mac: normaliseMac(net?.mac ?? null),
    hostname: net?.hostname ?? null,
  };
  return Object.values(facts).some((v) => v !== null) ? facts : null;
}

function same(value: unknown): void {
  const body = typeof value === 'string' ? value : JSON.stringify(value);
  if (body === undefined) return;
  expect(parseVnishInfo(body)).toStrictEqual(byTheSchema(body));
}

const field = fc.oneof(
  fc.string(),
  fc.constantFrom('Vnish', ' 1.3.4 ', '', '   ', 'Antminer L7 (Vnish 1.3.4)', '02:c0:4b:1a:2b:3c'),
  fc.integer(),
  fc.double(),
  fc.constant(null),
);
const info = fc.record(
  {
    fw_name: field,
    fw_version: field,
    miner: field,
    model: field,
    serial: field,
    build_name: fc.string(),
    system: fc.record(
      {
        os: fc.string(),
        network_status: fc.record({ mac: field, hostname: field, ip: fc.string() }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

describe('parseVnishInfo reads /api/v1/info exactly as the zod schema does', () => {
  it('real-looking replies: numbers, nulls, blanks and missing parts', () => {
    fc.assert(fc.property(info, same), { numRuns: 400 });
  });

  it('one value anywhere replaced by something wrong', () => {
    fc.assert(
      fc.property(info, fc.nat(), wrongValue, (v, seed, bad) => same(mutate(v, (n) => seed % n, bad))),
      { numRuns: 400 },
    );
  });

  it('any JSON at all, at the top and inside system', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
        same(v);
        same({ fw_name: 'Vnish', system: v });
        same({ fw_name: 'Vnish', system: { network_status: v } });
        same({ fw_name: v, serial: 'S1' });
      }),
      { numRuns: 300 },
    );
  });

  it('numbers JSON cannot hold as finite, and bodies that are not JSON', () => {
    for (const body of [
      '{"fw_name":"Vnish","serial":1e999}',
      '{"fw_name":"Vnish","system":{"network_status":{"mac":-1e999}}}',
      '{"fw_name":"Vnish","fw_version":-0}',
      '<html>AnthillOS</html>',
      '',
      'null',
      '"Vnish"',
      '[{"fw_name":"Vnish"}]',
    ])
      same(body);
    expect(parseVnishInfo('{"fw_name":"Vnish","serial":1e999}')).toBeNull();
  });
});
