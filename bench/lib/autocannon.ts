export type Autocannon = (
  o: Record<string, unknown>,
) => Promise<{ requests: { average: number }; non2xx: number }>;

/** autocannon ships no types; it is loaded by name so a machine without it still runs the other benchmarks. */
export async function loadAutocannon(): Promise<Autocannon | null> {
  const name = 'autocannon';
  try {
    const mod = (await import(name)) as { default?: unknown };
    const fn = mod.default ?? mod;
    return typeof fn === 'function' ? (fn as Autocannon) : null;
  } catch {
    return null;
  }
}
