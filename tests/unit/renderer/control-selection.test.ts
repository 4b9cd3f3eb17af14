// The Fleet table's tick boxes as pure steps: a click toggles one rig, a shift-click sets the visible range to
// the clicked rig's new state, the header ticks or clears what is shown, and removed rigs drop out.
import { describe, expect, it } from 'vitest';

import {
  allVisibleState,
  clickRig,
  emptySelection,
  pruneSelection,
  toggleAllVisible,
} from '../../../renderer/control/selection';

const visible = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('selection', () => {
  it('toggles one rig per click and remembers it as the anchor', () => {
    const one = clickRig(emptySelection, 'b', false, visible);
    expect(ids(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    const none = clickRig(one, 'b', false, visible);
    expect(ids(none)).toEqual([]);
  });

  it('shift-click ticks every visible rig between the anchor and the clicked one, either way', () => {
    const down = clickRig(clickRig(emptySelection, 'b', false, visible), 'd', true, visible);
    expect(ids(down)).toEqual(['b', 'c', 'd']);
    const up = clickRig(clickRig(emptySelection, 'e', false, visible), 'c', true, visible);
    expect(ids(up)).toEqual(['c', 'd', 'e']);
  });

  it('shift-click on a ticked rig clears the range; in another order, the range follows what is shown', () => {
    const all = toggleAllVisible(emptySelection, visible);
    const cleared = clickRig(clickRig(all, 'a', false, visible), 'c', true, visible);
    // "a" was unticked by the plain click; the shift-click on ticked "c" unticks a..c.
    expect(ids(cleared)).toEqual(['d', 'e']);
    const sorted = ['e', 'a', 'c', 'b', 'd'];
    const range = clickRig(clickRig(emptySelection, 'a', false, sorted), 'b', true, sorted);
    expect(ids(range)).toEqual(['a', 'b', 'c']);
  });

  it('shift-click without an anchor in view acts as a plain click', () => {
    const hidden = clickRig(emptySelection, 'x', false, visible);
    expect(ids(clickRig(hidden, 'c', true, visible))).toEqual(['c', 'x']);
  });

  it('the header box ticks all shown, then clears them, and keeps rigs filtered out of view', () => {
    const other = clickRig(emptySelection, 'x', false, ['x']);
    expect(allVisibleState(other, visible)).toBe('none');
    const some = clickRig(other, 'a', false, visible);
    expect(allVisibleState(some, visible)).toBe('some');
    const all = toggleAllVisible(some, visible);
    expect(allVisibleState(all, visible)).toBe('all');
    expect(ids(all)).toEqual(['a', 'b', 'c', 'd', 'e', 'x']);
    expect(ids(toggleAllVisible(all, visible))).toEqual(['x']);
  });

  it('drops removed rigs (and an anchor that left), and keeps the same object when nothing left', () => {
    const sel = clickRig(toggleAllVisible(emptySelection, visible), 'e', false, visible);
    const pruned = pruneSelection(sel, (id) => id !== 'b' && id !== 'e');
    expect(ids(pruned)).toEqual(['a', 'c', 'd']);
    expect(pruned.anchor).toBeNull();
    expect(pruneSelection(pruned, () => true)).toBe(pruned);
  });
});
