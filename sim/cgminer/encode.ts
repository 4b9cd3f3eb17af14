// JSON writer for RPC replies that can reproduce the real firmware's malformed output (docs/vnish-rpc-shapes.md):
// `}{` between objects, trailing commas, and numbers as strings on the keys the rig's family is known to
// send that way (string-numbers.ts). Each is a per-rig option; a rig without them writes plain JSON.
import { type StringFormat, stringNumberKey } from './string-numbers';

export type EncodeQuirks = {
  concatenatedObjects: boolean;
  trailingCommas: boolean;
  /** Section/key -> how it is printed as a string; empty for a rig without the numbers-as-strings quirk. */
  stringNumbers: ReadonlyMap<string, StringFormat>;
};

/** Arrays whose elements the real Vnish 3.8.6 S9 and stock L3+ `stats` replies glued together with `}{`. */
const GLUED_ARRAYS = new Set(['STATS']);

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

function num(n: number): string {
  return Number.isFinite(n) ? JSON.stringify(n) : '0';
}

function asString(n: number, format: StringFormat): string {
  return JSON.stringify(format === 'integer' ? String(Math.round(n)) : n.toFixed(2));
}

/** `section` is the top-level key the value sits under (STATS, SUMMARY…), null at the top. */
function write(value: Value, key: string | null, section: string | null, q: EncodeQuirks): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    const format =
      key === null || section === null || q.stringNumbers.size === 0
        ? undefined
        : q.stringNumbers.get(stringNumberKey(section, key));
    return format === undefined ? num(value) : asString(value, format);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const sep = q.concatenatedObjects && key !== null && GLUED_ARRAYS.has(key) ? '' : ',';
    return `[${value.map((v) => write(v, null, section, q)).join(sep)}]`;
  }
  const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${write(v, k, section ?? k, q)}`);
  const tail = q.trailingCommas && parts.length > 0 ? ',' : '';
  return `{${parts.join(',')}${tail}}`;
}

/** The bytes on the wire: the JSON text followed by the NUL terminator cgminer writes. */
export function encodeReply(reply: unknown, q: EncodeQuirks): Buffer {
  return Buffer.concat([Buffer.from(write(reply as Value, null, null, q), 'utf8'), Buffer.from([0])]);
}
