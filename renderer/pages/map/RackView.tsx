import {
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
  type SyntheticEvent,
  memo,
  useLayoutEffect,
  useRef,
} from 'react';

import type { MapRack, Placement, SlotRef } from '../../../shared/map';
import type { SlotLook } from '../../map/overlays';
import { type SlotCell, type Written, syncSlots } from '../../map/slot-cells';

export const RIG_DRAG_TYPE = 'application/x-rigdeck-rig';

type Props = {
  rack: MapRack;
  /** This rack's placements, keyed "row/slot". */
  placed: ReadonlyMap<string, Placement>;
  nameOf: (rigId: string) => string;
  lookOf: (rigId: string) => SlotLook;
  onSlot: (slot: SlotRef, rigId: string | null) => void;
  onDropRig: (rigId: string, slot: SlotRef) => void;
  /** The keyboard's drag: M on a placed slot picks its rig to move, U takes it off the map. */
  onRigKey: (rigId: string, key: 'move' | 'unplace') => void;
  /** Highlight every free slot: a rig is waiting to be put somewhere. */
  picking: boolean;
};

const HINT = 'Click to open; drag, or M then a free slot, to move; U to unplace.';

/**
 * One rack as a CSS grid of plain elements: no component per slot, and one handler per rack for clicks, keys,
 * drags and drops, so a thousand slots stay cheap. The slots are not React elements: React draws the grid, and
 * `syncSlots` writes its slots (made once, then only what changed), a fraction of the cost of an element each on
 * the Map's first frame (ui_map_first_paint_ms). A slot's name and figure are one text node on two lines (the
 * first bold by CSS), and a slot carries only what it needs at once (its rig, its role and accessible name, its
 * colour as a class when the theme's): its row and number come from its place in the grid, and its tooltip is
 * written when the pointer or the focus comes to it.
 */
export const RackView = memo(function RackView({
  rack,
  placed,
  nameOf,
  lookOf,
  onSlot,
  onDropRig,
  onRigKey,
  picking,
}: Props) {
  const slotOf = (target: EventTarget): { ref: SlotRef; rigId: string | null; el: HTMLElement } | null => {
    const el = target instanceof HTMLElement ? target.closest<HTMLElement>('.map-slot') : null;
    const grid = el?.parentElement;
    if (!el || !grid) return null;
    const at = Array.prototype.indexOf.call(grid.children, el);
    const ref = { rackId: rack.id, row: Math.floor(at / rack.slots) + 1, slot: (at % rack.slots) + 1 };
    return { ref, rigId: el.dataset.rig ?? null, el };
  };
  // Written when the pointer or the focus first reaches the slot: mouse users get its tooltip, screen readers its
  // keys as the description, and no slot carries it before.
  const describe = (e: SyntheticEvent) => {
    const s = slotOf(e.target);
    if (s?.rigId) s.el.title = `${s.el.getAttribute('aria-label') ?? ''}. ${HINT}`;
  };
  const click = (e: MouseEvent) => {
    const s = slotOf(e.target);
    if (s) onSlot(s.ref, s.rigId);
  };
  const key = (e: KeyboardEvent) => {
    const s = slotOf(e.target);
    if (!s) return;
    const k = e.key.toLowerCase();
    if (s.rigId && (k === 'm' || k === 'u')) onRigKey(s.rigId, k === 'm' ? 'move' : 'unplace');
    else if (e.key === 'Enter' || e.key === ' ') onSlot(s.ref, s.rigId);
    else return;
    e.preventDefault();
  };
  const dragStart = (e: DragEvent) => {
    const s = slotOf(e.target);
    if (!s?.rigId) return;
    e.dataTransfer.setData(RIG_DRAG_TYPE, s.rigId);
    e.dataTransfer.effectAllowed = 'move';
  };
  const dragOver = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(RIG_DRAG_TYPE)) e.preventDefault();
  };
  const drop = (e: DragEvent) => {
    const rigId = e.dataTransfer.getData(RIG_DRAG_TYPE);
    const s = slotOf(e.target);
    if (!rigId || !s) return;
    e.preventDefault();
    onDropRig(rigId, s.ref);
  };

  const cells: SlotCell[] = [];
  for (let row = 1; row <= rack.rows; row++) {
    for (let slot = 1; slot <= rack.slots; slot++) {
      const p = placed.get(`${row}/${slot}`);
      const where = `${rack.name} row ${row} slot ${slot}`;
      if (!p) {
        cells.push({ rigId: null, label: `${where}: empty`, text: '', tone: null, colour: '', picking });
        continue;
      }
      const look = lookOf(p.rigId);
      const name = nameOf(p.rigId);
      const label = `${where}: ${name}, ${look.text}`;
      const text = `${name}\n${look.text}`;
      cells.push({ rigId: p.rigId, label, text, tone: look.tone, colour: look.colour, picking });
    }
  }
  // Written in the commit, before the browser paints it; React never renders children into the grid.
  const grid = useRef<HTMLDivElement>(null);
  const written = useRef<Written[]>([]);
  useLayoutEffect(() => {
    if (grid.current) syncSlots(grid.current, cells, written.current);
  });
  return (
    <div
      ref={grid}
      className="map-rack-grid"
      style={{ gridTemplateColumns: `repeat(${rack.slots}, var(--map-slot-w))` }}
      onClick={click}
      onPointerOver={describe}
      onFocus={describe}
      onKeyDown={key}
      onDragStart={dragStart}
      onDragOver={dragOver}
      onDrop={drop}
    />
  );
});
