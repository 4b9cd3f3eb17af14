/** Focus helpers for the shortcuts: the element may appear only after React renders the page it belongs to. */

/** Focuses the first element matching `selector`, trying again for a few frames while the page renders. */
export function focusWhenShown(selector: string, select = false, frames = 30): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) {
    el.focus();
    if (select && el instanceof HTMLInputElement) el.select();
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusWhenShown(selector, select, frames - 1));
}

/** The Fleet table's row for one rig. */
export const rigRowSelector = (id: string): string => `[data-rig="${CSS.escape(id)}"]`;

export const SEARCH_SELECTOR = '[data-shortcut="search"]';
