/**
 * CGMiner RPC replies on port 4028: real stock-Antminer captures (tests/fixtures/fuzz/antminer-stock-rpc, see
 * its README for source and licence), compacted with the trailing NUL the wire carries, then mutated as JSON
 * values and as raw text (cut, flipped, junk, doubled slices), beside generated almost-JSON. The path is the
 * client's: repairJson → parseRepaired → the section parser → normalizeRpc → the shared snapshot schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

import { MinerError } from '../../electron/miners/errors';
import { normalizeRpc, type RpcReplies } from '../../electron/miners/cgminer/normalize';
import { parseRepaired, repairJson } from '../../electron/miners/cgminer/repair';
import {
  parseRpcDevs,
  parseRpcPools,
  parseRpcStats,
  parseRpcSummary,
  parseRpcVersion,
} from '../../electron/miners/cgminer/schemas';
import { rigSnapshotSchema } from '../../shared/rig';
import { type Family, OracleViolation, type Outcome } from './family';
import { mutatedText, mutatedValue } from './mutations';

const CAPTURES = join(import.meta.dirname, '..', 'fixtures', 'fuzz', 'antminer-stock-rpc');
const COMMANDS = ['summary', 'stats', 'pools', 'devs', 'version'] as const;
type Command = (typeof COMMANDS)[number];

export type CgminerInput = { command: Command; text: string };

const EMPTY: RpcReplies = { summary: null, stats: null, pools: null, version: null };

function typed(error: unknown): Outcome {
  if (error instanceof MinerError) return 'typed_error';
  throw new OracleViolation(`refused with ${String(error)} instead of a MinerError`);
}

function snapshotOf(replies: Partial<RpcReplies>): Outcome {
  const snapshot = normalizeRpc({ ...EMPTY, ...replies }, { takenAtMs: 1, ip: '127.0.0.1', incomplete: [] });
  const result = rigSnapshotSchema.safeParse(snapshot);
  if (!result.success) {
    throw new OracleViolation(`snapshot fails its schema: ${result.error.issues[0]?.message ?? ''}`);
  }
  return 'valid';
}

function checkCgminer({ command, text }: CgminerInput): Outcome {
  const what = `RPC ${command}`;
  const repaired = repairJson(text).text;
  if (repaired === '') return typed(new MinerError('bad_reply', `${what}: empty reply`));
  const value = parseRepaired(repaired);
  if (value === undefined) return typed(new MinerError('bad_reply', `${what}: not JSON even after repair`));
  switch (command) {
    case 'summary': {
      const r = parseRpcSummary(value, what);
      return r.ok ? snapshotOf({ summary: r.value[0] ?? null }) : typed(r.error);
    }
    case 'stats': {
      const r = parseRpcStats(value, what);
      return r.ok ? snapshotOf({ stats: r.value }) : typed(r.error);
    }
    case 'pools': {
      const r = parseRpcPools(value, what);
      return r.ok ? snapshotOf({ pools: r.value }) : typed(r.error);
    }
    case 'version': {
      const r = parseRpcVersion(value, what);
      return r.ok ? snapshotOf({ version: r.value[0] ?? null }) : typed(r.error);
    }
    case 'devs': {
      const r = parseRpcDevs(value, what);
      return r.ok ? 'valid' : typed(r.error);
    }
  }
}

function capture(command: Command): unknown {
  return JSON.parse(readFileSync(join(CAPTURES, `${command}.json`), 'utf8')) as unknown;
}

/** Wire form: compact JSON and the NUL bmminer ends every reply with. */
const wire = (value: unknown): string => `${JSON.stringify(value) ?? ''}\0`;

/** The quirks repair.ts exists for, applied to valid text: bare nan/inf, `}{`, trailing commas, NULs. */
const quirk = fc.constantFrom(
  (t: string) => t.replace(/:(-?\d+(\.\d+)?)([,}])/, ':nan$3'),
  (t: string) => t.replace(/:(-?\d+(\.\d+)?)([,}])/, ':-inf$3'),
  (t: string) => t.replace('},{', '}{'),
  (t: string) => t.replace(/}]/, '},]'),
  (t: string) => t.replace(',', ',,'),
  (t: string) => `${t}\0garbage after`,
  (t: string) => t.replace(/"/, '"\u0001'),
);

function commandArb(command: Command): fc.Arbitrary<CgminerInput> {
  const seed = capture(command);
  const values = mutatedValue(fc.constant(seed));
  const text = fc.oneof(
    { weight: 4, arbitrary: mutatedText(values.map(wire)) },
    { weight: 1, arbitrary: fc.tuple(values.map(wire), quirk).map(([t, q]) => q(t)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(wire) },
  );
  return fc.record({ command: fc.constant(command), text });
}

export function cgminerFamily(): Family<CgminerInput> {
  return {
    name: 'cgminer-rpc',
    about: 'CGMiner RPC replies: stock Antminer captures mutated as values, wire text and known quirks',
    arb: fc.oneof(...COMMANDS.map(commandArb)),
    check: checkCgminer,
  };
}
