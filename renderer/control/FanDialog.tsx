import { useState } from 'react';

import { type FanMode, fanModes } from '../../shared/control-names';
import { Field } from '../components/Field';
import { DialogShell } from './DialogShell';
import { FAN_DUTY_PCT, FAN_TARGET_C, fanErrors, fanParams, fanSummary, initialFanForm } from './fan-form';
import { runAction } from './run-action';

type Props = { rigIds: readonly string[]; onClose: () => void; onStarted: (jobId: string) => void };

const MODE_WORDS: Record<FanMode, string> = {
  auto: 'Automatic (hold a chip temperature)',
  manual: 'Manual (fixed duty)',
  immersion: 'Immersion (no fans)',
};

/** Fan mode for one rig or a selection: auto with a target °C, manual duty %, or immersion. */
export function FanDialog({ rigIds, onClose, onStarted }: Props) {
  const [form, setForm] = useState(initialFanForm);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fanErrors(form);
  const n = rigIds.length;

  const submit = async () => {
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    const r = await runAction('fan', rigIds, fanParams(form));
    setBusy(false);
    if ('error' in r) return setError(r.error);
    onStarted(r.jobId);
    onClose();
  };

  return (
    <DialogShell title={`Fans on ${n} rig${n === 1 ? '' : 's'}`} id="fan-dialog" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="choices">
          <legend>Mode</legend>
          {fanModes.map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="fan-mode"
                value={mode}
                checked={form.mode === mode}
                onChange={() => setForm({ ...form, mode })}
              />{' '}
              {MODE_WORDS[mode]}
            </label>
          ))}
        </fieldset>
        {form.mode === 'auto' && (
          <Field
            label="Target chip temperature (°C)"
            name="target"
            hint={`${FAN_TARGET_C.min}–${FAN_TARGET_C.max} °C; each rig's own range is checked before sending.`}
            {...(errors['target'] ? { error: errors['target'] } : {})}
          >
            <input
              type="number"
              min={FAN_TARGET_C.min}
              max={FAN_TARGET_C.max}
              step={1}
              value={form.target}
              onChange={(e) => setForm({ ...form, target: e.target.value })}
            />
          </Field>
        )}
        {form.mode === 'manual' && (
          <Field
            label="Fan duty (%)"
            name="duty"
            hint={`${FAN_DUTY_PCT.min}–${FAN_DUTY_PCT.max} % of full speed.`}
            {...(errors['duty'] ? { error: errors['duty'] } : {})}
          >
            <input
              type="number"
              min={FAN_DUTY_PCT.min}
              max={FAN_DUTY_PCT.max}
              step={1}
              value={form.duty}
              onChange={(e) => setForm({ ...form, duty: e.target.value })}
            />
          </Field>
        )}
        {form.mode === 'immersion' && (
          <p className="warn" role="note">
            Immersion turns the fan checks off: an air-cooled rig in this mode can overheat.
          </p>
        )}
        <p className="muted" data-testid="fan-summary">
          {fanSummary(form, n)} A settings backup of each rig is taken first.
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="inline">
          <button type="submit" disabled={busy || Object.keys(errors).length > 0}>
            Apply to {n} rig{n === 1 ? '' : 's'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </DialogShell>
  );
}
