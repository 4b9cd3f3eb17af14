/**
 * Where the main window opens, pure: where it was last closed, if that place is still on a display; else the
 * default size, centred. A window saved on a monitor since unplugged (or a file edited by hand) must never open
 * out of sight, where the technician cannot reach it.
 */
import { z } from 'zod';

export type Rect = { x: number; y: number; width: number; height: number };
export type SavedWindow = Rect & { maximized: boolean };
/** x and y absent: Electron centres the window on the primary display. */
export type OpenBounds = { x?: number; y?: number; width: number; height: number; maximized: boolean };

export const savedWindowSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

export type WindowSizes = { width: number; height: number; minWidth: number; minHeight: number };

/** How much of the window must lie on one display for it to count as reachable: enough to grab its title bar. */
const GRAB_W = 120;
const GRAB_H = 40;

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { w: Math.max(0, w), h: Math.max(0, h) };
}

/** The window's top strip (its title bar) on some display's work area, with room to grab it. */
export function reachable(r: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { x: r.x, y: r.y, width: r.width, height: GRAB_H };
  return workAreas.some((a) => {
    const o = overlap(titleBar, a);
    return o.w >= Math.min(GRAB_W, r.width) && o.h >= GRAB_H;
  });
}

/**
 * The bounds to open with: the saved ones when reachable, their size capped to the largest display; otherwise
 * the default size (capped to the primary display) with no position, so the window is centred.
 */
export function openBounds(saved: unknown, workAreas: readonly Rect[], sizes: WindowSizes): OpenBounds {
  const parsed = savedWindowSchema.safeParse(saved);
  const primary = workAreas[0];
  const cap = (w: number, h: number, area: Rect | undefined) => ({
    width: Math.max(sizes.minWidth, area ? Math.min(w, area.width) : w),
    height: Math.max(sizes.minHeight, area ? Math.min(h, area.height) : h),
  });
  if (parsed.success && reachable(parsed.data, workAreas)) {
    const s = parsed.data;
    const home = workAreas.find((a) => {
      const o = overlap(s, a);
      return o.w > 0 && o.h > 0;
    });
    return { x: s.x, y: s.y, ...cap(s.width, s.height, home), maximized: s.maximized };
  }
  return { ...cap(sizes.width, sizes.height, primary), maximized: parsed.success && parsed.data.maximized };
}
