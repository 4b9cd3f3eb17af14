/**
 * One poll of one Vnish miner: /summary (required) plus /info, /status and /perf-summary in parallel,
 * normalized into a RigSnapshot. A failure of a secondary endpoint degrades the snapshot (listed in
 * `incomplete`) instead of losing the whole poll; a failure of /summary rejects with its MinerError.
 */
import { type RigSnapshot } from '../../../shared/rig';
import { type HashUnit } from '../../../shared/units';
import { MinerError } from '../errors';
import { type CallOptions, type VnishClient } from './client';
import { normalizeVnish } from './normalize';

export type SnapshotOptions = CallOptions & {
  now: () => number;
  fallbackHashUnit?: HashUnit;
};

function describe(name: string, error: unknown): string {
  return `${name}: ${error instanceof MinerError ? error.code : 'error'}`;
}

export async function readVnishSnapshot(client: VnishClient, options: SnapshotOptions): Promise<RigSnapshot> {
  const call: CallOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  };
  const [summary, info, status, perf] = await Promise.allSettled([
    client.summary(call),
    client.info(call),
    client.status(call),
    client.perfSummary(call),
  ]);
  if (summary.status === 'rejected') {
    throw summary.reason instanceof MinerError
      ? summary.reason
      : new MinerError('bad_reply', `summary @ ${client.host}:${client.port}: failed`, {
          cause: summary.reason,
        });
  }
  const incomplete: string[] = [];
  const value = <T>(name: string, r: PromiseSettledResult<T>): T | null => {
    if (r.status === 'fulfilled') return r.value;
    incomplete.push(describe(name, r.reason));
    return null;
  };
  return normalizeVnish(
    {
      summary: summary.value,
      info: value('info', info),
      status: value('status', status),
      perf: value('perf-summary', perf),
    },
    {
      takenAtMs: options.now(),
      incomplete,
      ...(options.fallbackHashUnit ? { fallbackHashUnit: options.fallbackHashUnit } : {}),
    },
  );
}
