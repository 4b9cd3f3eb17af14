/**
 * Per-chip detail (/chains on 1.2.x, /boards on 1.3.x) → ChainChips (shared/rig.ts), hashrates
 * converted from the miner's hr_measure unit to MH/s. Pure; for a chip map, not for every poll.
 */
import { asChainState, type ChainChips, type ChipDetail } from '../../../shared/rig';
import { toMhs, type HashUnit } from '../../../shared/units';
import { type ChainChipsItem } from './schemas-tuning';

function gradeOf(grade: string | null): ChipDetail['grade'] {
  return grade === 'grey' || grade === 'orange' || grade === 'red' ? grade : 'unknown';
}

function intOr(value: number | null, fallback: number): number {
  return value !== null && Number.isSafeInteger(value) ? value : fallback;
}

export function normalizeChainChips(items: ChainChipsItem[], unit: HashUnit): ChainChips[] {
  return items.map((item, index) => ({
    id: intOr(item.id, index + 1),
    state: asChainState(item.status?.state ?? null),
    description: item.status?.failure_message ?? null,
    frequencyMhz: item.freq,
    hashrateMhs: toMhs(item.hr_realtime, unit),
    nominalHashrateMhs: toMhs(item.hr_nominal, unit),
    chips: item.chips.map((chip, i) => ({
      id: intOr(chip.id, i),
      hashrateMhs: toMhs(chip.hr, unit),
      frequencyMhz: chip.freq,
      voltage: chip.volt,
      tempC: chip.temp,
      errors: chip.errs,
      grade: gradeOf(chip.grade),
      throttled: chip.throttled,
    })),
  }));
}
