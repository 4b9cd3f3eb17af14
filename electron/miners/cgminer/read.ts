/**
 * One RPC poll: `summary`, `stats` and `pools` on separate connections in parallel (the S19 family
 * rejects "summary+pools", docs/vnish.md §5), normalized into a RigSnapshot. `stats` or `summary` must
 * answer; the others degrade the snapshot (listed in `incomplete`).
 */
import { type RigSnapshot } from '../../../shared/rig';
import { type HashUnit } from '../../../shared/units';
import { MinerError } from '../errors';
import { unwrap } from '../parse';
import { rpcCommand, type RpcOptions } from './client';
import { normalizeRpc } from './normalize';
import { parseRpcPools, parseRpcStats, parseRpcSummary } from './schemas';

export type RpcSnapshotOptions = Pick<RpcOptions, 'timeoutMs' | 'signal'> & {
  now: () => number;
  hashUnit?: HashUnit;
};

export async function readRpcSnapshot(
  host: string,
  port: number,
  options: RpcSnapshotOptions,
): Promise<RigSnapshot> {
  const rpc: RpcOptions = {
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const what = (cmd: string): string => `RPC ${cmd} @ ${host}:${port}`;
  const [summary, stats, pools] = await Promise.allSettled([
    rpcCommand(host, port, 'summary', rpc).then(
      (v) => unwrap(parseRpcSummary(v, what('summary')))[0] ?? null,
    ),
    rpcCommand(host, port, 'stats', rpc).then((v) => unwrap(parseRpcStats(v, what('stats')))),
    rpcCommand(host, port, 'pools', rpc).then((v) => unwrap(parseRpcPools(v, what('pools')))),
  ]);
  if (summary.status === 'rejected' && stats.status === 'rejected') {
    throw summary.reason instanceof MinerError
      ? summary.reason
      : new MinerError('bad_reply', `${what('summary')}: failed`, { cause: summary.reason });
  }
  const incomplete: string[] = [];
  const value = <T>(name: string, r: PromiseSettledResult<T>): T | null => {
    if (r.status === 'fulfilled') return r.value;
    incomplete.push(`${name}: ${r.reason instanceof MinerError ? r.reason.code : 'error'}`);
    return null;
  };
  return normalizeRpc(
    {
      summary: value('summary', summary),
      stats: value('stats', stats),
      pools: value('pools', pools),
      version: null,
    },
    {
      takenAtMs: options.now(),
      ip: host,
      incomplete,
      ...(options.hashUnit ? { hashUnit: options.hashUnit } : {}),
    },
  );
}
