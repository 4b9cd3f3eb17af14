// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { openBounds, reachable } from '../../../../electron/app/window-bounds';

const sizes = { width: 1400, height: 900, minWidth: 960, minHeight: 600 };
const left = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('openBounds', () => {
  it('opens where the window was closed, maximized or not', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    expect(openBounds(saved, [left], sizes)).toEqual(saved);
    expect(openBounds({ ...saved, maximized: true }, [left], sizes).maximized).toBe(true);
  });

  it('keeps a place on the second display while it is plugged in', () => {
    const saved = { x: 2100, y: 100, width: 2000, height: 1200, maximized: false };
    expect(openBounds(saved, [left, right], sizes)).toEqual(saved);
  });

  it('centres the default size when the saved place is off every display (a monitor unplugged)', () => {
    const saved = { x: 2100, y: 100, width: 2000, height: 1200, maximized: false };
    expect(openBounds(saved, [left], sizes)).toEqual({ width: 1400, height: 900, maximized: false });
  });

  it('centres when only a sliver is on screen or the title bar is above it', () => {
    expect(
      openBounds({ x: 1900, y: 100, width: 1200, height: 800, maximized: false }, [left], sizes),
    ).toEqual({ width: 1400, height: 900, maximized: false });
    expect(openBounds({ x: 100, y: -500, width: 1200, height: 800, maximized: false }, [left], sizes).x).toBe(
      undefined,
    );
  });

  it('centres the default size on nothing saved or a file edited into nonsense', () => {
    const centred = { width: 1400, height: 900, maximized: false };
    expect(openBounds(undefined, [left], sizes)).toEqual(centred);
    expect(openBounds({ x: 'a', width: -3 }, [left], sizes)).toEqual(centred);
    expect(openBounds(null, [left], sizes)).toEqual(centred);
  });

  it('caps a size larger than its display, never below the minimum', () => {
    const small = { x: 0, y: 0, width: 1280, height: 720 };
    expect(openBounds(undefined, [small], sizes)).toEqual({ width: 1280, height: 720, maximized: false });
    const tiny = { x: 0, y: 0, width: 800, height: 500 };
    expect(openBounds(undefined, [tiny], sizes)).toEqual({ width: 960, height: 600, maximized: false });
    const saved = { x: 10, y: 10, width: 3000, height: 2000, maximized: false };
    expect(openBounds(saved, [left], sizes)).toMatchObject({ x: 10, y: 10, width: 1920, height: 1040 });
  });
});

describe('reachable', () => {
  it('needs room to grab the title bar on one display', () => {
    expect(reachable({ x: 0, y: 0, width: 800, height: 600 }, [left])).toBe(true);
    expect(reachable({ x: 1850, y: 0, width: 800, height: 600 }, [left])).toBe(false);
    expect(reachable({ x: 1850, y: 0, width: 800, height: 600 }, [left, right])).toBe(true);
    expect(reachable({ x: 0, y: 1020, width: 800, height: 600 }, [left])).toBe(false);
  });
});
