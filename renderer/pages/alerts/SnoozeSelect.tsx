import type { Alert } from '../../../shared/alerts';

/** Snooze lengths a technician reaches for: a coffee, a shift, a day, a week-end. */
export const SNOOZE_MINUTES = [15, 60, 4 * 60, 24 * 60, 3 * 24 * 60] as const;

export function snoozeLabel(min: number): string {
  return min < 60 ? `${min} min` : min < 24 * 60 ? `${min / 60} h` : `${min / (24 * 60)} d`;
}

type Props = { alert: Alert; now: number; onSnooze: (minutes: number) => void };

export function SnoozeSelect({ alert, now, onSnooze }: Props) {
  const snoozed = (alert.snoozedUntilMs ?? 0) > now;
  return (
    <select
      aria-label={`Snooze ${alert.rigName ?? 'fleet'} ${alert.code}`}
      value=""
      onChange={(e) => e.target.value !== '' && onSnooze(Number(e.target.value))}
    >
      <option value="" disabled>
        Snooze…
      </option>
      {SNOOZE_MINUTES.map((m) => (
        <option key={m} value={m}>
          for {snoozeLabel(m)}
        </option>
      ))}
      {snoozed && <option value={0}>Unsnooze</option>}
    </select>
  );
}
