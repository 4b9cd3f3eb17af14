/** Pure choices of what the rig page shows, kept out of the components so they are tested on their own. */
import type { RigSnapshot } from '../../shared/rig';

/**
 * A chain grades its chips only while it hashes: one still initializing (or stopped, failed) reports every chip
 * red ("0 / 120"), which says nothing about the chips, so no count is shown for it.
 */
export const chipsShown = (c: Pick<RigSnapshot['chains'][number], 'state'>): boolean => c.state === 'mining';

export const HISTORY_RANGES = {
  '1 h': 3_600_000,
  '24 h': 86_400_000,
  '7 d': 7 * 86_400_000,
  '30 d': 30 * 86_400_000,
} as const;
export type NamedRange = keyof typeof HISTORY_RANGES;

/**
 * The range the history opens on: 1 h for a rig younger than a day (its few hours squeezed into 24 h would be a
 * sliver at the right edge), else 24 h (what a shift looks back on). `sinceMs` null (the fleet, or not known)
 * opens on 24 h.
 */
export function initialRange(sinceMs: number | null, now: number): NamedRange {
  if (sinceMs === null) return '24 h';
  return now - sinceMs < HISTORY_RANGES['24 h'] ? '1 h' : '24 h';
}

/**
 * The preset as a technician reads it: Vnish names a preset by its power target ("3425", docs/vnish.md §3.5),
 * a bare number that needs its unit; "disabled" means manual frequency and voltage.
 */
export function presetLabel(name: string | null): string | null {
  if (name === null) return null;
  if (/^\d+$/.test(name)) return `${name} W preset`;
  if (name === 'disabled') return 'manual tuning';
  return name;
}
