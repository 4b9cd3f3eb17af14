import { type FormEvent, useState } from 'react';

import { Field } from '../components/Field';
import { rigCount } from './actions';
import type { DialogProps } from './dialog-props';
import { DialogButtons, RigsNamed } from './DialogParts';
import { Modal } from './Modal';
import { checkValue, parseValue, throttleRigs } from './options';
import { messageOf, runAction } from './run';
import { useRigOptions } from './useRigOptions';

/** Throttle % (Vnish 1.3.3+, docs/vnish.md §4): sent only to the rigs whose firmware has it. */
export function ThrottleDialog({ rigIds, onClose, onStarted }: DialogProps) {
  const { options, error: loadError } = useRigOptions(rigIds);
  const [percent, setPercent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const able = options ? throttleRigs(options) : [];
  const range = options?.[0] ? { min: options[0].throttle.min, max: options[0].throttle.max } : null;
  const percentError = checkValue('Throttle', '%', percent, range);
  const skipped = (options?.length ?? 0) - able.length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = parseValue(percent);
    if (percentError || value === null || able.length === 0) return;
    setBusy(true);
    try {
      onStarted(await runAction('throttle', able, { percent: value }));
      onClose();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <Modal title="Throttle" onClose={onClose} testId="throttle-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <p>
          Hash at a share of full power on <RigsNamed rigIds={able} />; 100 % is not throttled.
        </p>
        {loadError && <p className="error">{loadError}</p>}
        {skipped > 0 && (
          <p className="muted">
            {rigCount(skipped)} left out: throttle needs Vnish 1.3.3 or later (or the version is not known
            yet).
          </p>
        )}
        <Field
          label="Throttle (%)"
          name="percent"
          hint={range ? `${range.min}–${range.max} %` : undefined}
          error={percentError ?? undefined}
        >
          <input
            type="number"
            inputMode="numeric"
            min={range?.min}
            max={range?.max}
            step={1}
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
          />
        </Field>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <DialogButtons
          onClose={onClose}
          submit="Apply throttle"
          disabled={percent.trim() === '' || percentError !== null || able.length === 0}
          busy={busy}
        />
      </form>
    </Modal>
  );
}
