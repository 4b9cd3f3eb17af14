import { create } from 'zustand';

import {
  type Selection,
  clickRig,
  emptySelection,
  pruneSelection,
  toggleAllVisible,
} from '../control/selection';

type SelectionState = Selection & {
  /** `visible`: the Fleet table's rows in the order shown. */
  click(id: string, shift: boolean, visible: readonly string[]): void;
  toggleAll(visible: readonly string[]): void;
  clear(): void;
  prune(exists: (id: string) => boolean): void;
};

/** The Fleet table's ticked rigs: kept while the technician moves between pages, dropped for removed rigs. */
export const useSelectionStore = create<SelectionState>((set, get) => ({
  ...emptySelection,
  click(id, shift, visible) {
    set(clickRig(get(), id, shift, visible));
  },
  toggleAll(visible) {
    set(toggleAllVisible(get(), visible));
  },
  clear() {
    set(emptySelection);
  },
  prune(exists) {
    const next = pruneSelection(get(), exists);
    if (next !== get()) set(next);
  },
}));
