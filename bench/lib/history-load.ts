/**
 * Synthetic poll cycles for the history benchmarks: L7-like figures with a little noise (deterministic PRNG),
 * so rollups see realistic value widths rather than one constant.
 */
import type { CycleBatch, RigSampleRow } from '../../electron/store/history-types';

/** mulberry32: tiny, fast, and the same numbers every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const rigIds = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

export function rigSample(rigId: string, takenAtMs: number, rnd: () => number): RigSampleRow {
  const hashrateMhs = 9500 * (0.97 + 0.06 * rnd());
  const powerW = 3425 * (0.98 + 0.04 * rnd());
  return {
    rigId,
    takenAtMs,
    hashrateMhs,
    powerW,
    efficiencyJPerMh: powerW / hashrateMhs,
    chipTempMaxC: 70 + 10 * rnd(),
    boardTempMaxC: 60 + 10 * rnd(),
    fanRpmMin: Math.round(5000 + 1000 * rnd()),
    poolHashrateMhs: hashrateMhs * (0.9 + 0.2 * rnd()),
    minerState: 'mining',
  };
}

/**
 * One batch holding, for every rig, a sample at each of `times` (a real cycle has one time; the long
 * simulations pass several to write an hour of sparse history in one transaction). Rigs answer spread over
 * the first `spreadMs` of the cycle, as a poller with jitter sees them.
 */
export function loadBatch(
  ids: readonly string[],
  times: readonly number[],
  chains: number,
  rnd: () => number,
  spreadMs = 14_000,
): CycleBatch {
  const batch: CycleBatch = { samples: [], chains: [], events: [] };
  for (const t of times) {
    ids.forEach((id, i) => {
      const at = t + Math.floor((i / ids.length) * spreadMs);
      const s = rigSample(id, at, rnd);
      batch.samples.push(s);
      for (let c = 1; c <= chains; c++) {
        batch.chains.push({
          rigId: id,
          takenAtMs: at,
          chainId: c,
          state: 'mining',
          hashrateMhs: (s.hashrateMhs ?? 0) / chains,
          chipTempMaxC: (s.chipTempMaxC ?? 0) - rnd() * 3,
          boardTempMaxC: (s.boardTempMaxC ?? 0) - rnd() * 3,
          frequencyMhz: 500,
          voltageMv: 13_500,
          chipsRed: 0,
          chipsOrange: rnd() < 0.1 ? 1 : 0,
        });
      }
    });
  }
  return batch;
}
