/**
 * The collector's own work per rig without the network, for `poll_cpu_per_rig_ms` as the issue defines it
 * (parse + normalize + store): real /summary replies, captured once from the farm, go through the same steps a
 * poll takes (reply interpretation, JSON, the summary reader, normalization, liveness and the live view), then one cycle's
 * batch is written to the history store. process.cpuUsage around exactly that, divided per rig.
 */
import { applyAnswer } from '../electron/collector/apply-poll';
import { cycleBatch, type UnsavedSample } from '../electron/collector/batch';
import { collectorConfig } from '../electron/collector/config';
import { type PollOutcome } from '../electron/collector/poll-rig';
import { liveOf, newEntry, type RigEntry } from '../electron/collector/rig-entry';
import { createMinerAgent } from '../electron/miners/vnish/http';
import { httpExchange } from '../electron/miners/vnish/http';
import { normalizeVnish } from '../electron/miners/vnish/normalize';
import { interpretReply, requireJson, type HttpReply } from '../electron/miners/vnish/reply';
import { readSummary } from '../electron/miners/vnish/read-summary';
import { unwrap } from '../electron/miners/parse';
import { type HistoryStore } from '../electron/store/history-types';
import { type RigRecord } from '../shared/fleet';

export async function captureSummaries(rigs: readonly RigRecord[]): Promise<HttpReply[]> {
  const agent = createMinerAgent();
  try {
    const out: HttpReply[] = [];
    for (let i = 0; i < rigs.length; i += 64) {
      const batch = rigs.slice(i, i + 64).map((r) =>
        httpExchange({
          agent,
          host: r.ip,
          port: r.httpPort,
          method: 'GET',
          path: '/api/v1/summary',
          timeoutMs: 5000,
          maxBytes: 4 * 2 ** 20,
        }),
      );
      out.push(...(await Promise.all(batch)));
    }
    return out;
  } finally {
    agent.destroy();
  }
}

/** CPU milliseconds per rig for one cycle's worth of parse + normalize + liveness + store. */
export function workCpuPerRig(
  rigs: readonly RigRecord[],
  replies: readonly HttpReply[],
  store: Pick<HistoryStore, 'writeCycle'>,
  cycle: number,
): number {
  const liveness = collectorConfig().liveness;
  const entries = rigs.map((r, i): [string, RigEntry] => [r.id, newEntry(r, i)]);
  const start = process.cpuUsage();
  const takenAtMs = Date.now() + cycle * 15_000;
  const unsaved: UnsavedSample[] = [];
  entries.forEach(([id, entry], i) => {
    const reply = replies[i];
    if (reply === undefined) return;
    const what = `summary ${id}`;
    const body = unwrap(interpretReply(reply, what));
    const summary = unwrap(readSummary(unwrap(requireJson(body, what)), what));
    const snapshot = normalizeVnish({ summary, info: null, status: null, perf: null }, { takenAtMs });
    const out: PollOutcome = {
      snapshot,
      source: 'vnish-rest',
      client: null,
      password: null,
      detail: null,
      detailRead: false,
      slow: null,
      slowRead: false,
      chipsRead: false,
      model: null,
      implausible: [],
      degraded: null,
    };
    const next = applyAnswer(id, entry, out, takenAtMs, liveness).entry;
    liveOf(id, next, takenAtMs);
    unsaved.push({ rigId: id, snapshot, poolHashrateMhs: null });
  });
  store.writeCycle(cycleBatch(unsaved, []));
  const cpu = process.cpuUsage(start);
  return (cpu.user + cpu.system) / 1000 / rigs.length;
}
