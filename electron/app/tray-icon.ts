import { type TrayHealth } from './tray-state';

/** The dot's colour per health, as the UI's own ok / warn / bad colours; no dot while health is unknown. */
const DOT: Record<TrayHealth, readonly [number, number, number] | null> = {
  ok: [0x3f, 0xb9, 0x50],
  warning: [0xd2, 0x99, 0x22],
  critical: [0xf8, 0x51, 0x49],
  unknown: null,
};

/**
 * The tray icon with a health dot in its lower-right corner, drawn into a copy of the icon's raw bitmap so the
 * tray can say "critical" in colour without a set of image files to keep in step. Pixels are 4 bytes in
 * Chromium's native order (B, G, R, A on every little-endian machine Electron ships for), which is what
 * nativeImage's toBitmap gives and createFromBitmap takes. A ring of the icon's background is cleared around the
 * dot so it reads on any icon colour.
 */
export function withHealthDot(
  bitmap: Uint8Array,
  width: number,
  height: number,
  health: TrayHealth,
): Uint8Array {
  const out = Uint8Array.from(bitmap);
  const rgb = DOT[health];
  if (rgb === null || out.length < width * height * 4) return out;
  const r = Math.max(2, Math.round(Math.min(width, height) * 0.22));
  // The dot's centre, a radius in from the corner, in pixel-space where a pixel's centre is x + 0.5.
  const cx = width - r;
  const cy = height - r;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      const i = (y * width + x) * 4;
      if (d <= r) {
        out[i] = rgb[2];
        out[i + 1] = rgb[1];
        out[i + 2] = rgb[0];
        out[i + 3] = 0xff;
      } else if (d <= r + 1) {
        out[i] = out[i + 1] = out[i + 2] = out[i + 3] = 0;
      }
    }
  }
  return out;
}
