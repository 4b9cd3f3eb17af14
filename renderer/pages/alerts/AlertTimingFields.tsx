import type { ChangeEvent } from 'react';

import type { AlertSettings } from '../../../shared/alert-settings';
import { Field } from '../../components/Field';
import type { FieldErrors } from '../../stores/settings';

type Props = {
  value: AlertSettings;
  onChange: (next: AlertSettings) => void;
  errors: FieldErrors;
};

/** Seconds before an alert opens and clears, reminders, the webhook and the sound. */
export function AlertTimingFields({ value, onChange, errors }: Props) {
  const num = (key: 'sustainSec' | 'clearSec' | 'remindEverySec') => ({
    type: 'number',
    min: 0,
    value: Number.isFinite(value[key]) ? value[key] : '',
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ ...value, [key]: e.target.valueAsNumber }),
  });
  return (
    <div className="settings alert-timing">
      <Field
        label="Raise after (seconds)"
        name="sustainSec"
        hint="A problem must last this long before an alert opens."
        error={errors['alerts.sustainSec']}
      >
        <input {...num('sustainSec')} />
      </Field>
      <Field
        label="Clear after (seconds)"
        name="clearSec"
        hint="And be gone this long before it clears, so a value near a limit does not flap."
        error={errors['alerts.clearSec']}
      >
        <input {...num('clearSec')} />
      </Field>
      <Field
        label="Remind every (seconds)"
        name="remindEverySec"
        hint="About an alert still open and not acknowledged; 0 never reminds."
        error={errors['alerts.remindEverySec']}
      >
        <input {...num('remindEverySec')} />
      </Field>
      <Field
        label="Webhook URL"
        name="webhookUrl"
        hint="Each notification is also POSTed here as JSON; empty for none."
        error={errors['alerts.webhookUrl']}
      >
        <input
          type="url"
          placeholder="https://example.org/hook"
          value={value.webhookUrl}
          onChange={(e) => onChange({ ...value, webhookUrl: e.target.value })}
        />
      </Field>
      <label className="inline">
        <input
          type="checkbox"
          checked={value.sound}
          onChange={(e) => onChange({ ...value, sound: e.target.checked })}
        />
        Sound for critical alerts
      </label>
    </div>
  );
}
