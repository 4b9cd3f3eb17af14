export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i] as number;
}

/** Runs `once` several times and keeps the median of each metric, so one noisy run on a shared machine does not decide. */
export async function medianOf(
  runs: number,
  once: () => Promise<Record<string, number>>,
): Promise<Record<string, number>> {
  const samples: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  const out: Record<string, number> = {};
  for (const key of Object.keys(samples[0] ?? {}))
    out[key] = round(median(samples.map((s) => s[key] ?? Number.NaN)));
  return out;
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
