/**
 * The cgminer/bmminer RPC envelope and the sections RigDeck reads (docs/vnish.md §5; shapes from the real
 * stock-Antminer captures). Numbers may be strings, keys vary by build ("GHS 5s" vs "MHS 5s",
 * "Temperature" vs the misspelt "Tenperature"), so every leaf is lenient; `stats` keeps its detail
 * object as a plain record because its keys are numbered per chain and fan.
 */
import { z } from 'zod';
import { MinerError } from '../errors';
import { arr, bool, isRecord, keepValid, num, text } from '../lenient';
import { fail, ok, parseWith, type Parsed } from '../parse';

export const rpcStatusSchema = z.object({ STATUS: text, When: num, Code: num, Msg: text, Description: text });
export type RpcStatus = z.output<typeof rpcStatusSchema>;

/**
 * Checks the envelope: a JSON object whose STATUS (array, or a bare object on some builds) is not
 * E (error) or F (fatal). S, I and W all carry data (pyasic accepts S and I; W still has sections).
 */
export function checkEnvelope(
  value: unknown,
  what: string,
): Parsed<{ status: RpcStatus | null; body: Record<string, unknown> }> {
  if (!isRecord(value)) return fail(new MinerError('bad_reply', `${what}: reply is not a JSON object`));
  const raw = value['STATUS'];
  const first = Array.isArray(raw) ? raw[0] : raw;
  const parsed = rpcStatusSchema.safeParse(first);
  const status = parsed.success ? parsed.data : null;
  const letter = status?.STATUS?.toUpperCase() ?? null;
  if (letter === 'E' || letter === 'F') {
    const message = status?.Msg ?? 'error';
    return fail(
      new MinerError('miner_error', `${what}: ${message}`, {
        minerMessage: message,
        ...(status?.Code !== null && status?.Code !== undefined ? { rpcCode: status.Code } : {}),
      }),
    );
  }
  return ok({ status, body: value });
}

/** The list under `section` ("SUMMARY", "POOLS", …), whatever case the build used; [] if absent. */
export function sectionOf(body: Record<string, unknown>, section: string): unknown[] {
  const key = Object.keys(body).find((k) => k.toUpperCase() === section);
  const list = key === undefined ? undefined : body[key];
  return Array.isArray(list) ? list : [];
}

export const summarySchema = z.object({
  Elapsed: num,
  'GHS 5s': num,
  'GHS av': num,
  'GHS 30m': num,
  'MHS 5s': num,
  'MHS av': num,
  Accepted: num,
  Rejected: num,
  Stale: num,
  'Hardware Errors': num,
  'Device Hardware%': num,
  'Best Share': num,
  'Found Blocks': num,
});
export type RpcSummary = z.output<typeof summarySchema>;

export const poolSchema = z.object({
  POOL: num,
  URL: text,
  User: text,
  Status: text,
  'Stratum Active': bool,
  Priority: num,
  Accepted: num,
  Rejected: num,
  Stale: num,
  Diff: text,
  'Last Share Time': text,
});
export type RpcPool = z.output<typeof poolSchema>;

export const devSchema = z.object({
  ASC: num,
  ID: num,
  Name: text,
  Enabled: text,
  Status: text,
  'MHS 5s': num,
  'MHS av': num,
  Accepted: num,
  Rejected: num,
  'Hardware Errors': num,
  Temperature: num,
  Tenperature: num,
});

export const versionSchema = z.object({
  API: text,
  Miner: text,
  BMMiner: text,
  CGMiner: text,
  Type: text,
  CompileTime: text,
});
export type RpcVersion = z.output<typeof versionSchema>;

export const devDetailsSchema = z.object({ DEVDETAILS: num, Name: text, ID: num, Driver: text, Model: text });

const statsRecord = z.record(z.string(), z.unknown());

export type RpcStats = { identity: RpcVersion | null; detail: Record<string, unknown> | null };

/** STATS[0] names the miner (Type, Miner, …); the element with chain/fan keys is the detail. */
function statsOf(list: unknown[]): RpcStats {
  const records = keepValid(list, statsRecord);
  const detail =
    records.find((r) => 'GHS 5s' in r || 'Elapsed' in r || 'fan_num' in r || 'chain_acn1' in r) ?? null;
  const head = records.find((r) => 'Type' in r) ?? records[0];
  const identity = head ? versionSchema.safeParse(head) : null;
  return { identity: identity?.success ? identity.data : null, detail };
}

function sectionParser<S extends z.ZodType>(section: string, item: S) {
  return (value: unknown, what: string): Parsed<Array<z.output<S>>> => {
    const envelope = checkEnvelope(value, what);
    if (!envelope.ok) return envelope;
    return parseWith(arr(item), sectionOf(envelope.value.body, section), what);
  };
}

export const parseRpcSummary = sectionParser('SUMMARY', summarySchema);
export const parseRpcPools = sectionParser('POOLS', poolSchema);
export const parseRpcDevs = sectionParser('DEVS', devSchema);
export const parseRpcVersion = sectionParser('VERSION', versionSchema);
export const parseRpcDevDetails = sectionParser('DEVDETAILS', devDetailsSchema);

export function parseRpcStats(value: unknown, what: string): Parsed<RpcStats> {
  const envelope = checkEnvelope(value, what);
  if (!envelope.ok) return envelope;
  return ok(statsOf(sectionOf(envelope.value.body, 'STATS')));
}
