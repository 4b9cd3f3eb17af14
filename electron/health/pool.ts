/**
 * The pools, as the rig and as ProHashing see them: a pool slot the rig cannot reach (critical when none of its
 * own pools works), a pool rejecting more than a share of the rig's recent shares, the pool not knowing the
 * rig's worker, and pool-side hashrate far from the rig's own, sustained (pool figures lag and wobble).
 */
import { type Problem } from '../../shared/health';
import { type HealthSettings } from '../../shared/health-settings';
import { type RigSnapshot } from '../../shared/rig';
import { fmt, type Finding, type HealthMemory, isMining, MINUTE, type PoolShares, type Rule } from './types';

/** Fewer new shares than this in an interval say nothing about a reject rate. */
const MIN_SHARES = 10;

export function observeShares(m: HealthMemory, s: RigSnapshot, settings: HealthSettings): HealthMemory {
  const shares: PoolShares[] = [];
  let same = true;
  for (const p of s.pools) {
    if (p.kind !== 'user' || p.accepted === null || p.rejected === null) continue;
    const prev = m.shares.find((x) => x.id === p.id);
    // Counters that went back (a restart) or were never seen: start counting afresh.
    if (prev === undefined || p.accepted < prev.accepted || p.rejected < prev.rejected) {
      shares.push({ id: p.id, accepted: p.accepted, rejected: p.rejected, rejecting: false });
      same = false;
      continue;
    }
    const acc = p.accepted - prev.accepted;
    const rej = p.rejected - prev.rejected;
    // Too few new shares: keep counting from the older counters and keep the verdict.
    if (acc + rej < MIN_SHARES) {
      if (m.shares[shares.length] !== prev) same = false;
      shares.push(prev);
      continue;
    }
    const rejecting = rej / (acc + rej) > settings.rejectShare;
    shares.push({ id: p.id, accepted: p.accepted, rejected: p.rejected, rejecting });
    same = false;
  }
  return same && shares.length === m.shares.length ? m : { ...m, shares };
}

const poolName = (id: number, url: string): string => `pool ${id + 1}${url === '' ? '' : ` (${url})`}`;

export const poolRule: Rule = ({ input, memory, settings }) => {
  const s = input.snapshot;
  const out: Finding[] = [];
  if (s !== null && input.live.liveness !== 'offline' && isMining(input)) {
    const own = s.pools.filter((p) => p.kind === 'user' && p.status !== 'disabled');
    const down = own.filter((p) => p.status === 'offline');
    if (own.length > 0 && down.length === own.length) {
      out.push({
        code: 'pool-down',
        severity: 'critical',
        text: `no pool reachable (${own.length} configured)`,
        subject: '',
      });
    } else {
      for (const p of down) {
        out.push({
          code: 'pool-down',
          severity: 'warning',
          text: `${poolName(p.id, p.url)} unreachable`,
          subject: String(p.id),
        });
      }
    }
    for (const p of own) {
      const counted = memory.shares.find((x) => x.id === p.id);
      if (p.status !== 'rejecting' && counted?.rejecting !== true) continue;
      const total = (p.accepted ?? 0) + (p.rejected ?? 0);
      const share =
        total > 0
          ? ` (${Math.round(((p.rejected ?? 0) / total) * 100)} % of ${fmt(total)} shares since start)`
          : '';
      out.push({
        code: 'pool-rejecting',
        severity: 'warning',
        text: `${poolName(p.id, p.url)} rejecting over ${Math.round(settings.rejectShare * 100)} % of shares${share}`,
        subject: String(p.id),
      });
    }
  }
  const { live } = input;
  const hold = settings.poolGraceMinutes * MINUTE;
  if (live.liveness === 'online' && input.workerUnseen === true && live.workerName !== null) {
    out.push({
      code: 'pool-no-worker',
      severity: 'warning',
      text: `the pool sees no worker "${live.workerName}"`,
      subject: live.workerName,
      holdMs: hold,
    });
  }
  const own = live.hashrateMhs;
  const pool = live.poolHashrateMhs;
  if (live.liveness === 'online' && own !== null && own > 0 && pool !== null) {
    const off = Math.abs(pool - own) / own;
    if (off > settings.poolMismatchShare) {
      out.push({
        code: 'pool-hashrate-mismatch',
        severity: 'warning',
        text: `pool sees ${fmt(pool)} MH/s, the rig reports ${fmt(own)} MH/s`,
        subject: '',
        holdMs: hold,
      });
    }
  }
  return out;
};

/** Fleet-level: workers the pool credits that no rig claims, each with when it was first seen so. */
export function unmatchedWorkers(
  since: ReadonlyMap<string, number>,
  workers: readonly string[],
  nowMs: number,
): { since: Map<string, number>; problems: Problem[] } {
  const next = new Map<string, number>();
  const problems: Problem[] = [];
  for (const w of workers) {
    const at = since.get(w) ?? nowMs;
    next.set(w, at);
    problems.push({
      code: 'pool-worker-unmatched',
      severity: 'warning',
      text: `pool worker "${w}" matches no rig`,
      sinceMs: at,
      subject: w,
    });
  }
  return { since: next, problems };
}
