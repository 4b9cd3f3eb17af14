/**
 * What the built-in recommendation engine reads and returns. Each rule sees one rig (its live view, the snapshot
 * it came from, its presets and a little recent history) and the fleet around it, and returns at most one
 * finding: the recommendation, and a fingerprint of the evidence that matters, so a dismissal holds until the
 * evidence changes and not every time a temperature wobbles by a degree.
 */
import { type Recommendation } from '../../shared/advice';
import { type HealthSettings } from '../../shared/health-settings';
import { type RigSnapshot } from '../../shared/rig';
import { type RigLive } from '../../shared/telemetry';

/** One preset the rig offers, with what it is expected to do (from its "<W> watt ~ <HR> MH" text). */
export type PresetOption = { name: string; watts: number; hashrateMhs: number; tuned: boolean };

/** A point of the rig's recent history: a 5-minute or hourly average. */
export type HistoryPoint = {
  atMs: number;
  hashrateMhs: number | null;
  powerW: number | null;
  chipTempC: number | null;
};

/** Orange + red chips per chain at the start of the chips window (from the stored chain samples). */
export type ChainBaseline = { chainId: number; atMs: number; red: number; orange: number };

export type RecentHistory = {
  /** Oldest first: hourly averages over the day, then quarter-hour ones over the last hours. */
  points: HistoryPoint[];
  chains: ChainBaseline[];
};

export type RigAdviceInput = {
  rigId: string;
  name: string;
  /** As the registry spells it (L7, L9, L3+). */
  model: string | null;
  live: RigLive;
  snapshot: RigSnapshot | null;
  presets: PresetOption[] | null;
  history: RecentHistory | null;
};

export type AdviceContext = {
  nowMs: number;
  health: HealthSettings;
  pricePerKwh: number;
  currency: string;
  /** Coin revenue per MH/s per day in the same currency; null: unknown, and the best-preset rule stays quiet. */
  revenuePerMhDay: number | null;
};

/** Per model and preset, the median of the rigs' hashrates: what "its siblings" do. */
export type SiblingIndex = ReadonlyMap<string, { medianMhs: number; count: number }>;

export type Finding = { rec: Recommendation; fingerprint: string };

export type AdviceRule = (rig: RigAdviceInput, ctx: AdviceContext, siblings: SiblingIndex) => Finding | null;

export const HOUR_MS = 3_600_000;

/** Mining and answering: the only state in which hashrate, temperatures and shares mean what the rules assume. */
export function isMiningNow(live: RigLive): boolean {
  return live.liveness === 'online' && live.minerState === 'mining' && !live.restarting;
}

export const recId = (kind: string, rigId: string): string => `builtin:${kind}:${rigId}`;

export const round = (n: number, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

// One formatter per precision: toLocaleString with options builds a new Intl.NumberFormat on every call, which
// at a thousand rigs cost seconds per evaluation (bench/advice.ts).
const formats = new Map<number, Intl.NumberFormat>();

export function fmtNum(n: number, digits = 0): string {
  let f = formats.get(digits);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    formats.set(digits, f);
  }
  return f.format(n);
}
