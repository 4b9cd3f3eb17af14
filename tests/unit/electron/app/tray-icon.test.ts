// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { withHealthDot } from '../../../../electron/app/tray-icon';

const W = 16;
const grey = () => new Uint8Array(W * W * 4).fill(0x80);
/** [B, G, R, A] of one pixel. */
const px = (b: Uint8Array, x: number, y: number) =>
  Array.from(b.subarray((y * W + x) * 4, (y * W + x) * 4 + 4));

describe('withHealthDot', () => {
  it('draws the health colour in the lower-right corner in native BGRA order, the rest untouched', () => {
    const src = grey();
    const critical = withHealthDot(src, W, W, 'critical');
    expect(px(critical, 13, 13)).toEqual([0x49, 0x51, 0xf8, 0xff]);
    expect(px(withHealthDot(src, W, W, 'warning'), 13, 13)).toEqual([0x22, 0x99, 0xd2, 0xff]);
    expect(px(withHealthDot(src, W, W, 'ok'), 13, 13)).toEqual([0x50, 0xb9, 0x3f, 0xff]);
    expect(px(critical, 2, 2)).toEqual([0x80, 0x80, 0x80, 0x80]);
    // A transparent ring keeps the dot apart from the icon under it.
    expect(px(critical, 7, 13)).toEqual([0, 0, 0, 0]);
    // The source bitmap is a template shared by every state: never drawn on.
    expect(src.every((b) => b === 0x80)).toBe(true);
  });

  it('draws nothing while the health is unknown, or on a bitmap shorter than its size says', () => {
    expect(withHealthDot(grey(), W, W, 'unknown')).toEqual(grey());
    expect(withHealthDot(new Uint8Array(10), W, W, 'critical')).toEqual(new Uint8Array(10));
  });
});
