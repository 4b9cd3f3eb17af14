/**
 * A settings backup is the rig's own GET /settings document, kept whole (docs/vnish.md §3.7). Pure: what of it
 * goes back on a restore, and the one-line summary the faces show instead of the document.
 */
import { settingsSchema } from '../../miners/vnish/schemas-control';

/**
 * The parts of `miner` a restore sends back. Never `network` (a wrong address strands the rig), never a
 * password, never the UI's own preferences: only what mines (pools, fans, tuning, limits).
 */
const RESTORED = ['pools', 'cooling', 'overclock', 'misc'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const emptySlot = (p: unknown): boolean => isRecord(p) && (p['url'] === '' || p['url'] === undefined);

/** The `miner` section to POST back, or null when the document has nothing to restore. */
export function restorable(doc: unknown): Record<string, unknown> | null {
  if (!isRecord(doc) || !isRecord(doc['miner'])) return null;
  const miner = doc['miner'];
  const out: Record<string, unknown> = {};
  for (const key of RESTORED) {
    const value = miner[key];
    if (value === undefined || value === null) continue;
    // Empty slots are what the miner fills in itself for a shorter list (the list is sent whole).
    out[key] = key === 'pools' && Array.isArray(value) ? value.filter((p) => !emptySlot(p)) : value;
  }
  return Object.keys(out).length === 0 ? null : out;
}

/** "preset 3425, fans auto 70 °C, 3 pools": what a technician needs to pick the right backup. */
export function summarize(doc: unknown): string {
  const parsed = settingsSchema.safeParse(doc);
  if (!parsed.success) return 'unreadable settings';
  const m = parsed.data.miner;
  const parts: string[] = [];
  const preset = m?.overclock?.preset ?? null;
  const g = m?.overclock?.globals ?? null;
  if (preset !== null && preset !== 'disabled') parts.push(`preset ${preset}`);
  else if ((g?.freq ?? null) !== null) parts.push(`${g?.freq} MHz`);
  const mode = m?.cooling?.mode ?? null;
  if (mode?.name === 'auto') parts.push(`fans auto ${mode.param ?? '?'} °C`);
  else if (mode?.name === 'manual') parts.push(`fans manual ${mode.param ?? '?'} %`);
  else if (mode?.name === 'immers' || mode?.name === 'immersion') parts.push('immersion');
  const pools = (m?.pools ?? []).filter((p) => (p.url ?? '') !== '').length;
  parts.push(`${pools} pool${pools === 1 ? '' : 's'}`);
  return parts.join(', ');
}
