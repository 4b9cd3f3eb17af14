/** The displays, which a test sets: one 1920×1080 screen unless it says otherwise. */
import { vi } from 'vitest';

export type FakeDisplay = {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
};

export const display = (id: number, x: number, y: number, width: number, height: number): FakeDisplay => ({
  id,
  bounds: { x, y, width, height },
  // A 40 px task bar at the bottom, as on most desktops.
  workArea: { x, y, width, height: height - 40 },
});

const displays: FakeDisplay[] = [display(1, 0, 0, 1920, 1080)];

export const screen = {
  getAllDisplays: vi.fn(() => [...displays]),
  getPrimaryDisplay: vi.fn(() => {
    const first = displays[0];
    if (!first) throw new Error('[fake electron] no display');
    return first;
  }),
};

/** Replaces the displays (the first is the primary). */
export function setDisplays(next: FakeDisplay[]): void {
  displays.length = 0;
  displays.push(...next);
}
