/**
 * Which rigs the Fleet table has ticked, as pure steps over an immutable set: a click toggles one rig and makes
 * it the anchor; a shift-click sets every visible rig between the anchor and the clicked one to the clicked
 * rig's new state (as file managers do); the header box ticks or clears every visible rig.
 */
export type Selection = { ids: ReadonlySet<string>; anchor: string | null };

export const emptySelection: Selection = { ids: new Set(), anchor: null };

/** `visible` is the table's order as shown (after filter and sort): a range is a range of what the eye sees. */
export function clickRig(sel: Selection, id: string, shift: boolean, visible: readonly string[]): Selection {
  const on = !sel.ids.has(id);
  const ids = new Set(sel.ids);
  const from = shift && sel.anchor !== null ? visible.indexOf(sel.anchor) : -1;
  const to = visible.indexOf(id);
  if (from === -1 || to === -1) {
    if (on) ids.add(id);
    else ids.delete(id);
    return { ids, anchor: id };
  }
  for (const rig of visible.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    if (on) ids.add(rig);
    else ids.delete(rig);
  }
  return { ids, anchor: id };
}

export type AllState = 'none' | 'some' | 'all';

/** The header box: ticked when every visible rig is, mixed when some are. */
export function allVisibleState(sel: Selection, visible: readonly string[]): AllState {
  const n = visible.filter((id) => sel.ids.has(id)).length;
  if (n === 0) return 'none';
  return n === visible.length ? 'all' : 'some';
}

/** Header click: all visible ticked → untick them; otherwise tick them all (others stay as they were). */
export function toggleAllVisible(sel: Selection, visible: readonly string[]): Selection {
  const ids = new Set(sel.ids);
  const clear = allVisibleState(sel, visible) === 'all';
  for (const id of visible) {
    if (clear) ids.delete(id);
    else ids.add(id);
  }
  return { ids, anchor: sel.anchor };
}

/** Drops rigs that left the fleet, so the bar never counts (or commands) a removed rig. */
export function pruneSelection(sel: Selection, exists: (id: string) => boolean): Selection {
  const kept = [...sel.ids].filter(exists);
  if (kept.length === sel.ids.size) return sel;
  return { ids: new Set(kept), anchor: sel.anchor !== null && exists(sel.anchor) ? sel.anchor : null };
}
