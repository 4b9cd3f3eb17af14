import type { Tone } from './overlays';

/** What one slot of a rack shows: its rig (null: free), its accessible name, its two lines, its colour. */
export type SlotCell = {
  rigId: string | null;
  label: string;
  /** Name and figure on two lines; empty for a free slot. */
  text: string;
  tone: Tone | null;
  /** The colour when it is not the theme's (`tone` null); ignored otherwise. */
  colour: string;
  /** A rig waits to be put somewhere: free slots are highlighted. */
  picking: boolean;
};

/** What was last written to each slot element, so an update writes only what changed. */
export type Written = {
  className: string;
  rigId: string | null;
  label: string;
  text: string;
  colour: string;
};

const classOf = (c: SlotCell) =>
  c.rigId === null
    ? c.picking
      ? 'map-slot empty picking'
      : 'map-slot empty'
    : c.tone
      ? `map-slot tone-${c.tone}`
      : 'map-slot';

function create(doc: Document): HTMLElement {
  const el = doc.createElement('div');
  el.setAttribute('role', 'button');
  el.tabIndex = 0;
  return el;
}

/**
 * Brings a rack grid's children in line with `cells`, one element per slot in row order: missing ones are made,
 * extra ones removed, and each kept element gets only what changed, so the focus stays where it was. A thousand
 * slots written this way cost the Map's first frame a few milliseconds, where an element each through React
 * cost several times that (ui_map_first_paint_ms). `written` is this grid's memory of what it wrote last.
 */
export function syncSlots(grid: HTMLElement, cells: readonly SlotCell[], written: Written[]): void {
  const doc = grid.ownerDocument;
  const fresh = doc.createDocumentFragment();
  while (grid.children.length > cells.length) grid.lastElementChild?.remove();
  written.length = Math.min(written.length, cells.length);
  cells.forEach((cell, i) => {
    const el = (grid.children[i] as HTMLElement | undefined) ?? fresh.appendChild(create(doc));
    const was = written[i];
    const now: Written = {
      className: classOf(cell),
      rigId: cell.rigId,
      label: cell.label,
      text: cell.text,
      colour: cell.rigId !== null && cell.tone === null ? cell.colour : '',
    };
    if (was?.className !== now.className) el.className = now.className;
    if (was?.rigId !== now.rigId) {
      if (now.rigId === null) {
        el.removeAttribute('data-rig');
        el.removeAttribute('draggable');
        el.removeAttribute('title');
      } else {
        el.dataset.rig = now.rigId;
        el.draggable = true;
      }
    }
    if (was?.label !== now.label) el.setAttribute('aria-label', now.label);
    if (was?.text !== now.text) el.textContent = now.text;
    if (was?.colour !== now.colour) el.style.background = now.colour;
    written[i] = now;
  });
  grid.appendChild(fresh);
}
