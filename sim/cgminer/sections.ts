// Bodies of the bmminer-style `summary` and `stats` replies, shaped key by key like the stock S19 Pro
// capture (tests/fixtures/antminer-stock-rpc/, docs/vnish-rpc-shapes.md) but with scrypt numbers: the
// `GHS` fields carry MH/s, as Bitmain has long done on the L3+ (docs/vnish.md §7), and rate_unit says "MH"
// (INFERRED). Every number here is a JSON number; string-numbers.ts decides which become strings.
import { round } from '../util/format';
import { operatingPoint } from '../rig/physics';
import { type Rig } from '../rig/types';
import { chipStatuses } from '../vnish/views-status';

export function elapsedSec(rig: Rig, now: number): number {
  return Math.max(0, Math.floor((now - rig.bootedAt) / 1000));
}

function totals(rig: Rig): {
  accepted: number;
  rejected: number;
  stale: number;
  diffA: number;
  getFailures: number;
} {
  return rig.pools.reduce(
    (t, p) => ({
      accepted: t.accepted + p.accepted,
      rejected: t.rejected + p.rejected,
      stale: t.stale + p.stale,
      diffA: t.diffA + p.diffAccepted,
      getFailures: t.getFailures + p.getFailures,
    }),
    { accepted: 0, rejected: 0, stale: 0, diffA: 0, getFailures: 0 },
  );
}

export function summarySection(rig: Rig, now: number, poolDiff: number): Record<string, unknown> {
  const t = totals(rig);
  const elapsed = elapsedSec(rig, now);
  const minutes = Math.max(elapsed / 60, 1 / 60);
  const pct = (x: number, of: number): number => (of > 0 ? round((x / of) * 100, 2) : 0);
  return {
    Elapsed: elapsed,
    'GHS 5s': round(rig.hrRealtime, 2),
    'GHS av': round(rig.hrAverage, 2),
    'GHS 30m': round(rig.hrAverage, 2),
    'Found Blocks': rig.foundBlocks,
    Getwork: Math.floor(elapsed / 30) + 3,
    Accepted: t.accepted,
    Rejected: t.rejected,
    'Hardware Errors': rig.hwErrors,
    Utility: round(t.accepted / minutes, 2),
    Discarded: Math.floor(elapsed * 90),
    Stale: t.stale,
    'Get Failures': t.getFailures,
    'Local Work': Math.floor(elapsed * 90),
    'Remote Failures': 0,
    'Network Blocks': Math.floor(elapsed / 150),
    'Total MH': round(rig.hrAverage * elapsed, 0),
    'Work Utility': round(((t.diffA / poolDiff) * (65536 / 65536)) / minutes, 2),
    'Difficulty Accepted': t.diffA,
    'Difficulty Rejected': t.rejected * poolDiff,
    'Difficulty Stale': t.stale * poolDiff,
    'Best Share': rig.bestShare,
    'Device Hardware%': pct(rig.hwErrors, rig.hwErrors + t.diffA),
    'Device Rejected%': pct(t.rejected, t.accepted + t.rejected),
    'Pool Rejected%': pct(t.rejected, t.accepted + t.rejected),
    'Pool Stale%': pct(t.stale, t.accepted + t.stale),
    'Last getwork': Math.floor(now / 1000),
  };
}

function dashTemps(values: number[]): string {
  return values.map((v) => String(Math.round(v))).join('-');
}

/** chain_acsN: chips in domain groups, `o` = OK, `x` = bad, each group led by a space (capture). */
function acs(rig: Rig, red: number): string {
  const n = rig.model.chipsPerChain;
  const per = rig.model.chipsPerDomain;
  let out = '';
  for (let i = 0; i < n; i++) {
    if (i % per === 0) out += ' ';
    const slot = (i * 37 + rig.index) % n;
    out += slot < red ? 'x' : 'o';
  }
  return out;
}

export function statsDetail(rig: Rig, now: number): Record<string, unknown> {
  const point = operatingPoint(rig.model, rig.active);
  const hashing = rig.phase.state === 'mining' || rig.phase.state === 'auto-tuning';
  const elapsed = elapsedSec(rig, now);
  const out: Record<string, unknown> = {
    STATS: 0,
    ID: 'BTM_SOC0',
    Elapsed: elapsed,
    Calls: 0,
    Wait: 0,
    Max: 0,
    Min: 99999999,
    'GHS 5s': round(rig.hrRealtime, 2),
    'GHS av': round(rig.hrAverage, 2),
    rate_30m: round(rig.hrAverage, 2),
    Mode: 2,
    miner_count: rig.chains.filter((c) => !c.fault).length,
    frequency: hashing ? point.freq : 0,
    fan_num: rig.fans.length,
  };
  rig.fans.forEach((f, i) => (out[`fan${i + 1}`] = f.rpm));
  out['temp_num'] = rig.chains.length;
  rig.chains.forEach(
    (c, i) => (out[`temp${i + 1}`] = c.fault === 'disconnected' ? 0 : Math.round(c.pcbTemp)),
  );
  rig.chains.forEach(
    (c, i) => (out[`temp2_${i + 1}`] = c.fault === 'disconnected' ? 0 : Math.round(c.chipTemp)),
  );
  let totalAcn = 0;
  rig.chains.forEach((c, i) => {
    const n = i + 1;
    const gone = c.fault !== null;
    const grades = chipStatuses(rig, c);
    const acn = gone ? 0 : rig.model.chipsPerChain;
    totalAcn += acn;
    out[`chain_acn${n}`] = acn;
    out[`chain_acs${n}`] = gone ? '' : acs(rig, grades.red);
    out[`chain_hw${n}`] = c.hwErrors;
    out[`chain_rate${n}`] = gone ? '' : c.hashrate.toFixed(2);
    out[`chain_rateideal${n}`] = gone ? 0 : round(point.mhs / rig.model.chains, 2);
    out[`freq${n}`] = gone || !hashing ? 0 : point.freq;
    const pcb = gone ? [0, 0, 0, 0] : [c.pcbTemp, c.pcbTemp - 24, c.pcbTemp - 6, c.pcbTemp - 5];
    const chip = gone ? [0, 0, 0, 0] : [c.chipTemp, c.chipTemp - 24, c.chipTemp - 6, c.chipTemp - 5];
    out[`temp_pcb${n}`] = dashTemps(pcb);
    out[`temp_chip${n}`] = dashTemps(chip);
    out[`temp_pic${n}`] = dashTemps(pcb.map((v) => (v === 0 ? 0 : v - 10)));
  });
  out['temp_max'] = 0;
  out['total_acn'] = totalAcn;
  out['total_rateideal'] = hashing ? round(point.mhs * (rig.throttle / 100), 2) : 0;
  out['total_freqavg'] = hashing ? point.freq : 0;
  out['total rate'] = round(rig.hrAverage, 2);
  out['rate_unit'] = 'MH';
  out['miner_version'] = rig.fw.version;
  out['miner_id'] = rig.serial.toLowerCase().padEnd(16, '0').slice(0, 16);
  out['no_matching_work'] = rig.hwErrors;
  return out;
}
