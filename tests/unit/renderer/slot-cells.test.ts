// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { type SlotCell, type Written, syncSlots } from '../../../renderer/map/slot-cells';

const placed = (rigId: string, text: string, over: Partial<SlotCell> = {}): SlotCell => ({
  rigId,
  label: `R1: ${text}`,
  text,
  tone: 'ok',
  colour: 'var(--ok)',
  picking: false,
  ...over,
});
const free = (label: string, picking = false): SlotCell => ({
  rigId: null,
  label,
  text: '',
  tone: null,
  colour: '',
  picking,
});
const slots = (grid: HTMLElement) => [...grid.children] as HTMLElement[];

describe('syncSlots', () => {
  it('makes one focusable button per slot, placed ones draggable with their rig, text and colour', () => {
    const grid = document.createElement('div');
    syncSlots(
      grid,
      [
        placed('a', 'rig-a\nOK'),
        placed('b', 'rig-b\n70 °C', { tone: null, colour: 'hsl(10 70% 42%)' }),
        free('R1: empty'),
      ],
      [],
    );
    const [a, b, c] = slots(grid);
    expect(slots(grid)).toHaveLength(3);
    expect([a?.getAttribute('role'), a?.tabIndex, a?.dataset.rig, a?.draggable]).toEqual([
      'button',
      0,
      'a',
      true,
    ]);
    expect([a?.className, a?.textContent, a?.getAttribute('aria-label')]).toEqual([
      'map-slot tone-ok',
      'rig-a\nOK',
      'R1: rig-a\nOK',
    ]);
    expect([b?.className, b?.style.background !== '']).toEqual(['map-slot', true]);
    expect(a?.style.background).toBe('');
    expect([c?.className, c?.dataset.rig, c?.draggable, c?.textContent]).toEqual([
      'map-slot empty',
      undefined,
      false,
      '',
    ]);
  });

  it('updates the same elements in place (focus stays), writes only what changed, and drops extra slots', () => {
    const grid = document.createElement('div');
    document.body.appendChild(grid);
    const written: Written[] = [];
    syncSlots(grid, [placed('a', 'rig-a\nOK'), placed('b', 'rig-b\nOK'), free('x')], written);
    const [a, b] = slots(grid);
    b?.focus();
    b?.setAttribute('title', 'old tooltip');
    a?.setAttribute('aria-label', 'touched by someone else');

    syncSlots(grid, [placed('a', 'rig-a\nOK'), free('R1: empty', true)], written);
    expect(slots(grid)).toHaveLength(2);
    expect(slots(grid)[0]).toBe(a);
    expect(slots(grid)[1]).toBe(b);
    expect(document.activeElement).toBe(b);
    // Unchanged, so not written again.
    expect(a?.getAttribute('aria-label')).toBe('touched by someone else');
    expect([b?.className, b?.dataset.rig, b?.draggable, b?.title, b?.textContent]).toEqual([
      'map-slot empty picking',
      undefined,
      false,
      '',
      '',
    ]);

    syncSlots(
      grid,
      [placed('a', 'rig-a\nCrit', { tone: 'bad' }), placed('c', 'rig-c\nOK'), free('y')],
      written,
    );
    expect(slots(grid).map((s) => [s.className, s.dataset.rig ?? null, s.textContent])).toEqual([
      ['map-slot tone-bad', 'a', 'rig-a\nCrit'],
      ['map-slot tone-ok', 'c', 'rig-c\nOK'],
      ['map-slot empty', null, ''],
    ]);
    grid.remove();
  });
});
