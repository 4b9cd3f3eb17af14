/**
 * One copy of a slow-tier value that many rigs report alike: the preset list and the model limits are the
 * same on every rig of one model and firmware build, and a farm is mostly a few of those. Kept per rig they
 * were ~2.3 KB each, ~2.3 MB of a thousand-rig heap (and, since V8 sizes the old generation as a multiple of
 * what is live, several times that in RSS). Values are compared by their JSON, read once per slow read (every
 * 10 minutes per rig). Whoever reads a shared value must not change it; nothing in the collector does.
 */
export type Sharer<T> = (value: T) => T;

/** A sharer that remembers at most `limit` distinct values (then starts over: a farm has a handful). */
export function createSharer<T extends object>(limit = 64): Sharer<T | null> {
  const known = new Map<string, T>();
  return (value) => {
    if (value === null) return null;
    const key = JSON.stringify(value);
    const same = known.get(key);
    if (same !== undefined) return same;
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
