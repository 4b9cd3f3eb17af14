/**
 * How V8 sizes the heap of a process that polls a fleet for days. Every poll replaces what is kept of its rig
 * (the snapshot, the health state), and an idle connection lives seconds: each outlives a young-generation
 * collection, so it is promoted and dies in the old generation. The old generation then grows until V8's
 * limit, by default a factor of ~2.5–4 over what survived the last full collection, before anything is given
 * back: at 1,000 rigs ~26 MB live meant 60–70 MB of old space at the peak. A smaller factor makes full
 * collections come sooner on a heap that is mostly garbage of that kind (cheap to collect: little survives).
 *
 * The flag is read by V8 each time it sets the next limit, so it works when set at run time, in both faces
 * (the headless server under node, the desktop's main process under Electron, where command-line V8 flags for
 * the main process cannot be set by the app itself).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Old-generation growth as (1 + percent/100) over the live size after a full collection. Measured with the
 * collector bench's steady run (1,000 rigs, real history store): the peak RSS fell by ~17 MB at 100 and ~28 MB
 * at 50, the process CPU rose by ~1 % and ~9 % (bench/results/, `core_rss_1000_mb`).
 */
export const HEAP_GROWING_PERCENT = 100;

export function heapFlags(percent: number = HEAP_GROWING_PERCENT): string {
  return `--heap-growing-percent=${Math.max(1, Math.round(percent))}`;
}

/** Applies the fleet-service heap sizing to this process; `set` is V8's flag setter unless a test passes one. */
export function tuneHeapForPolling(set: (flags: string) => void = setFlagsFromString): void {
  set(heapFlags());
}
