/**
 * The health gate a rig passes after a firmware upgrade, and what a rollout does when a wave ends. Pure: the
 * upgrade reads the miner and waits, the job runner moves from wave to wave; both ask these.
 */
import { type ChainStats, type Summary } from '../../miners/vnish/schemas-summary';

/** What one /summary read says of the rig's health. */
export type GateSample = {
  hashing: boolean;
  /** Realtime hashrate, in the miner's own unit (MH/s on scrypt); null when it did not say. */
  hashrate: number | null;
  /** Nominal hashrate in the same unit. */
  nominal: number | null;
  /** Chains producing hashes. */
  chainsHashing: number;
};

/** What the rig had before the upgrade: a chain hashing then and not after is a chain the upgrade lost. */
export type GateBaseline = { chainsHashing: number; nominal: number | null };

/** `minSharePct` null: hashing at all is enough (a single upgrade without a rollout). */
export type GateCriteria = { minSharePct: number | null };

const chainHashing = (c: ChainStats): boolean => (c.hashrate_rt ?? 0) > 0;

export function gateSample(s: Summary): GateSample {
  const m = s.miner;
  const state = m?.miner_status?.miner_state ?? '';
  const chains = m?.chains ?? [];
  return {
    hashing: state === 'mining' || state === 'auto-tuning',
    hashrate: m?.hr_realtime ?? null,
    nominal: m?.hr_nominal ?? null,
    chainsHashing: chains.filter(chainHashing).length,
  };
}

const pct = (n: number): string => `${Math.round(n)} %`;

/** Null when the rig passes; else what is still wrong, in words for the job's report. */
export function gateRig(sample: GateSample, before: GateBaseline, criteria: GateCriteria): string | null {
  if (!sample.hashing) return 'not hashing';
  if (sample.chainsHashing < before.chainsHashing)
    return `${before.chainsHashing - sample.chainsHashing} of ${before.chainsHashing} chains lost`;
  if (criteria.minSharePct === null) return null;
  const nominal = before.nominal ?? sample.nominal;
  if (nominal === null || nominal <= 0) return 'no nominal hashrate to judge against';
  const share = ((sample.hashrate ?? 0) / nominal) * 100;
  return share >= criteria.minSharePct
    ? null
    : `hashing at ${pct(share)} of nominal, below ${pct(criteria.minSharePct)}`;
}
