/**
 * Rig names: what a new rig is called, and the rule that a name picks exactly one rig. Names are unique without
 * regard to ASCII case, the way SQLite's NOCASE compares them (the index of migration 0006 holds the same rule).
 */
import { MAX_NAME } from './fleet';

type Named = { id: string; name: string; ip: string };

/** ASCII-only case folding: the same equality as `COLLATE NOCASE`, so the UI, the CLI and the database agree. */
export const foldName = (name: string): string => name.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());

export function nameHolder<T extends Named>(
  rigs: Iterable<T>,
  name: string,
  exceptId: string | null,
): T | null {
  const want = foldName(name);
  for (const r of rigs) if (r.id !== exceptId && foldName(r.name) === want) return r;
  return null;
}

/** The refusal, naming the rig that has it by its address: "rig-07 is already the name of 10.0.0.7". */
export function nameTakenMessage(name: string, holder: Pick<Named, 'ip'>): string {
  return `${name.trim()} is already the name of ${holder.ip}.`;
}

/** `base`, else `base-2`, `base-3`…, the first one free (kept within the length limit). */
export function uniqueName(base: string, taken: (name: string) => boolean): string {
  const clean = base.trim().slice(0, MAX_NAME) || 'Rig';
  if (!taken(clean)) return clean;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${clean.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

/** Hostnames a miner ships with, which say nothing about which rig it is. */
const GENERIC_HOSTNAMES = /^(antminer|anthill(os)?|vnish|miner|localhost|\(none\))$/i;

export type NameFacts = {
  workerName: string | null;
  hostname: string | null;
  model: string | null;
  mac: string | null;
  serial: string | null;
  ip: string;
};

/**
 * A new rig's name, before uniqueness: its pool worker name (what the pool and the farm already call it), else a
 * hostname someone set, else the model and the end of the MAC (`L7-5B59B7`).
 */
export function defaultName(f: NameFacts): string {
  const worker = f.workerName?.trim();
  if (worker) return worker.slice(0, MAX_NAME);
  const host = f.hostname?.trim();
  if (host && !GENERIC_HOSTNAMES.test(host)) return host.slice(0, MAX_NAME);
  const short = (f.model ?? 'Rig').replace(/^antminer\s+/i, '').trim() || 'Rig';
  const tail = (f.mac ?? '').replace(/:/g, '').slice(-6) || (f.serial ?? '').slice(-6) || f.ip;
  return `${short}-${tail}`;
}

/**
 * One rig from what a person typed (the CLI): its id, else its name (any case), else its address when exactly
 * one rig has it. Anything else is refused with the reason, never guessed.
 */
export function resolveRig<T extends Named>(
  rigs: readonly T[],
  spec: string,
): { rig: T; error: null } | { rig: null; error: string } {
  const s = spec.trim();
  const byId = rigs.find((r) => r.id === s);
  if (byId) return { rig: byId, error: null };
  const byName = rigs.filter((r) => foldName(r.name) === foldName(s));
  const byIp = byName.length > 0 ? [] : rigs.filter((r) => r.ip === s);
  const found = byName.length > 0 ? byName : byIp;
  if (found.length === 1 && found[0]) return { rig: found[0], error: null };
  if (found.length === 0)
    return { rig: null, error: `No rig "${s}" in the fleet (rigdeck status lists them).` };
  const what = byName.length > 0 ? 'are named' : 'are at';
  return {
    rig: null,
    error: `${found.length} rigs ${what} "${s}" (${found.map((r) => r.id).join(', ')}); use the id.`,
  };
}
