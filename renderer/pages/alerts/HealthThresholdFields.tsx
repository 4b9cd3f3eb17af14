import type { HealthSettings } from '../../../shared/health-settings';
import { Field } from '../../components/Field';
import type { FieldErrors } from '../../stores/settings';

/** The thresholds the health rules and the Fleet table's colours share; shares are edited as percentages. */
export type Thresholds = Pick<
  HealthSettings,
  'hashrateLowShare' | 'hashrateLowMinutes' | 'fanMinRpm' | 'rejectShare' | 'poolMismatchShare'
>;

type Props = { value: Thresholds; onChange: (next: Thresholds) => void; errors: FieldErrors };

const toPercent = (share: number) => (Number.isFinite(share) ? Math.round(share * 1000) / 10 : '');

export function HealthThresholdFields({ value, onChange, errors }: Props) {
  const share = (
    key: 'hashrateLowShare' | 'rejectShare' | 'poolMismatchShare',
    label: string,
    hint: string,
  ) => (
    <Field label={label} name={key} hint={hint} error={errors[`health.${key}`]}>
      <input
        type="number"
        min={0}
        max={100}
        step={0.5}
        value={toPercent(value[key])}
        onChange={(e) => onChange({ ...value, [key]: e.target.valueAsNumber / 100 })}
      />
    </Field>
  );
  const whole = (key: 'hashrateLowMinutes' | 'fanMinRpm', label: string, hint: string) => (
    <Field label={label} name={key} hint={hint} error={errors[`health.${key}`]}>
      <input
        type="number"
        min={0}
        value={Number.isFinite(value[key]) ? value[key] : ''}
        onChange={(e) => onChange({ ...value, [key]: e.target.valueAsNumber })}
      />
    </Field>
  );
  return (
    <fieldset className="retention health-thresholds">
      <legend>Health thresholds</legend>
      {share('hashrateLowShare', 'Hashrate low below (% of nominal)', 'Sustained, it is a problem.')}
      {whole('hashrateLowMinutes', 'Hashrate low for (minutes)', 'How long before it counts.')}
      {whole('fanMinRpm', 'Slowest fan (rpm)', 'A fan turning slower, not stopped, is a problem.')}
      {share('rejectShare', 'Pool rejecting above (% of shares)', 'Rejected shares beyond this.')}
      {share(
        'poolMismatchShare',
        'Pool hashrate off by (%)',
        'The pool’s figure this far from the rig’s own, sustained.',
      )}
    </fieldset>
  );
}
