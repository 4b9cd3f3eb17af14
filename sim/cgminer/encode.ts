// JSON writer for RPC replies that can reproduce the real firmware's malformed output (vnish.md §5
// "Malformed-JSON quirks"): `}{` between objects, trailing commas, numbers as strings.
export type EncodeQuirks = {
  concatenatedObjects: boolean;
  trailingCommas: boolean;
  numbersAsStrings: boolean;
};

/** Keys whose numbers Vnish and other builds often send as strings (vnish.md §5 and captures README). */
const STRINGY_KEYS = new Set([
  'GHS 5s',
  'GHS av',
  'GHS 30m',
  'rate_30m',
  'total_rateideal',
  'total rate',
  'Elapsed',
  'frequency',
]);

/** Arrays whose elements the real Vnish 3.8.6 `stats` reply glued together with `}{`. */
const GLUED_ARRAYS = new Set(['STATS']);

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

function num(n: number): string {
  return Number.isFinite(n) ? JSON.stringify(n) : '0';
}

function write(value: Value, key: string | null, q: EncodeQuirks): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (q.numbersAsStrings && key !== null && STRINGY_KEYS.has(key)) return JSON.stringify(value.toFixed(2));
    return num(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const sep = q.concatenatedObjects && key !== null && GLUED_ARRAYS.has(key) ? '' : ',';
    return `[${value.map((v) => write(v, null, q)).join(sep)}]`;
  }
  const parts = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${write(v, k, q)}`);
  const tail = q.trailingCommas && parts.length > 0 ? ',' : '';
  return `{${parts.join(',')}${tail}}`;
}

/** The bytes on the wire: the JSON text followed by the NUL terminator cgminer writes. */
export function encodeReply(reply: unknown, q: EncodeQuirks): Buffer {
  return Buffer.concat([Buffer.from(write(reply as Value, null, q), 'utf8'), Buffer.from([0])]);
}
