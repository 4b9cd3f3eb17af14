/**
 * Vnish API families. 1.3.x renamed the per-chip endpoint from /chains to /boards (docs/vnish.md §3.6);
 * everything RigDeck reads is otherwise the same. Versions look like "1.2.7", "1.2.0-rc5",
 * "1.3.0-alpha", or a white-label "7Miners 1.2.6-rc1" (docs/vnish.md §1).
 */
export type ApiFamily = '1.2' | '1.3';

export function parseVersion(text: string | null): { major: number; minor: number; patch: number } | null {
  if (text === null) return null;
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/** Null when the version is unreadable; callers then try both endpoints. */
export function apiFamily(version: string | null): ApiFamily | null {
  const v = parseVersion(version);
  if (!v) return null;
  return v.major > 1 || (v.major === 1 && v.minor >= 3) ? '1.3' : '1.2';
}

/** The version inside a miner_type / RPC Type string: "Antminer L7 (Vnish 1.2.7)" → "1.2.7". */
export function versionFromMinerType(minerType: string | null): string | null {
  if (minerType === null) return null;
  const m = /\(\s*[^()]*?\s(\d+\.\d+(?:\.\d+)?(?:-[\w.]+)?)\s*\)/.exec(minerType);
  return m?.[1] ?? null;
}
