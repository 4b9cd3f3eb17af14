/**
 * A CPU profile of another Node process over a window of our choosing, through its inspector (the process runs
 * with `--inspect-port=127.0.0.1:0` and opens it on SIGUSR1, so no inspector exists while its CPU is measured;
 * the address is read from its stderr). `--cpu-prof` would profile the whole life
 * of the process, start-up and set-up included; a steady-state figure must leave those out.
 */
import { WebSocket } from 'ws';

import { type CpuProfile } from './profile-parts';

export type Profiler = { stop(): Promise<CpuProfile>; close(): void };

/** The inspector's WebSocket URL from what the process wrote to stderr so far; null until it has said it. */
export function inspectorUrl(stderr: string): string | null {
  return /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(stderr)?.[1] ?? null;
}

/**
 * With `heap`, V8's sampling heap profiler runs beside it (what allocates, by call stack); `stop` then also
 * returns that profile (a .heapprofile for Chrome DevTools). It costs CPU of its own: for finding allocation only.
 */
export async function startProfiler(
  url: string,
  intervalUs = 2000,
  heap = false,
): Promise<Profiler & { stopHeap(): Promise<unknown> }> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let next = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString()) as { id?: number; result?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: intervalUs });
  await send('Profiler.start');
  // Garbage included: what a poll allocates matters (GC), not only what it keeps.
  const sampling = {
    samplingInterval: 32768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  };
  if (heap) await send('HeapProfiler.startSampling', sampling);
  return {
    async stopHeap() {
      if (!heap) return null;
      const r = (await send('HeapProfiler.stopSampling')) as { profile: unknown };
      return r.profile;
    },
    async stop() {
      const r = (await send('Profiler.stop')) as { profile: CpuProfile };
      return r.profile;
    },
    close: () => ws.close(),
  };
}
