/** Malformed-input helpers for property tests: a JSON tree with one value replaced by something wrong. */
import fc from 'fast-check';

/** Replaces the value at one random position of a JSON tree with `replacement`. */
export function mutate(value: unknown, choose: (n: number) => number, replacement: unknown): unknown {
  const nodes: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach((c, i) => (nodes.push({ parent: v, key: i }), walk(c)));
    else if (typeof v === 'object' && v !== null) {
      for (const [k, c] of Object.entries(v)) {
        nodes.push({ parent: v as Record<string, unknown>, key: k });
        walk(c);
      }
    }
  };
  const copy: unknown = structuredClone(value);
  walk(copy);
  if (nodes.length === 0) return replacement;
  const target = nodes[choose(nodes.length)];
  if (!target) return copy;
  if (Array.isArray(target.parent) && typeof target.key === 'number') target.parent[target.key] = replacement;
  else if (!Array.isArray(target.parent)) target.parent[String(target.key)] = replacement;
  return copy;
}

export const wrongValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER * 1000, 'inf', 'nan', '', 'N/A', '12abc', [], {}),
);

/** Replaces numbers by their decimal strings, at random, as real firmware sometimes does. */
export function stringifySomeNumbers(value: unknown, pick: () => boolean): unknown {
  if (typeof value === 'number') return pick() ? String(value) : value;
  if (Array.isArray(value)) return value.map((v) => stringifySomeNumbers(v, pick));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringifySomeNumbers(v, pick)]));
  }
  return value;
}
