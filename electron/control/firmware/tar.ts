/**
 * Just enough of ustar to judge a firmware image (docs/vnish.md §12): walk the headers, check each header's
 * checksum and that every entry's data is there, and hand back the small entries asked for. Pure.
 */
export type TarWalk =
  { ok: true; names: string[]; files: Map<string, Uint8Array> } | { ok: false; reason: string };

const BLOCK = 512;

function field(h: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const b = h[i] ?? 0;
    if (b === 0) break;
    s += String.fromCharCode(b);
  }
  return s;
}

function checksumOk(h: Uint8Array): boolean {
  const stored = Number.parseInt(field(h, 148, 156).trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
  return Number.isFinite(stored) && stored === sum;
}

const zeroBlock = (h: Uint8Array): boolean => h.every((b) => b === 0);

/** `keep(name)` says which entries' bytes to return (a manifest, never the root filesystem). */
export function walkTar(buf: Uint8Array, keep: (name: string) => boolean): TarWalk {
  const names: string[] = [];
  const files = new Map<string, Uint8Array>();
  let off = 0;
  while (off + BLOCK <= buf.length) {
    const h = buf.subarray(off, off + BLOCK);
    if (zeroBlock(h)) {
      return names.length > 0 ? { ok: true, names, files } : { ok: false, reason: 'an empty archive' };
    }
    if (!checksumOk(h)) return { ok: false, reason: `a damaged archive (bad header at byte ${off})` };
    const prefix = field(h, 345, 500);
    const base = field(h, 0, 100);
    const name = (prefix === '' ? base : `${prefix}/${base}`).replace(/^\.\//, '');
    const size = Number.parseInt(field(h, 124, 136).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0) return { ok: false, reason: `a damaged archive (entry ${name})` };
    const start = off + BLOCK;
    if (start + size > buf.length) return { ok: false, reason: `truncated inside "${name}"` };
    names.push(name);
    if (keep(name)) files.set(name, buf.slice(start, start + size));
    off = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  // A tar ends with zero blocks; running out of bytes before them means the file was cut short.
  return { ok: false, reason: names.length > 0 ? 'truncated (the archive has no end)' : 'not a tar archive' };
}
