import { type FormEvent, useState } from 'react';

import { Field } from '../components/Field';
import type { DialogProps } from './dialog-props';
import { DialogButtons, NotRead, RigsNamed } from './DialogParts';
import { Modal } from './Modal';
import { VOLT_SCALE, checkValue, formatVolts, overclockBounds, parseValue } from './options';
import { messageOf, runAction } from './run';
import { useRigOptions } from './useRigOptions';

/**
 * Global frequency and voltage, bounded by every selected rig's /model limits (docs/vnish.md §3.2); voltage is
 * typed in volts and sent in the model's 10 mV unit. A value outside the range is refused here and by the core.
 */
export function OverclockDialog({ rigIds, onClose, onStarted }: DialogProps) {
  const { options, error: loadError } = useRigOptions(rigIds);
  const [freq, setFreq] = useState('');
  const [volt, setVolt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bounds = options ? overclockBounds(options) : { freq: null, volt: null };
  const freqError = checkValue('Frequency', 'MHz', freq, bounds.freq);
  const voltError = checkValue('Voltage', 'V', volt, bounds.volt, VOLT_SCALE);
  const empty = freq.trim() === '' && volt.trim() === '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (freqError || voltError || empty) return;
    setBusy(true);
    try {
      const params = { freq: parseValue(freq), volt: parseValue(volt, VOLT_SCALE) };
      onStarted(await runAction('overclock', rigIds, params));
      onClose();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  const f = bounds.freq;
  const v = bounds.volt;
  return (
    <Modal title="Frequency and voltage" onClose={onClose} testId="overclock-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <p>
          Manual frequency and voltage for <RigsNamed rigIds={rigIds} />, within{' '}
          {rigIds.length === 1
            ? 'the limits its model reports'
            : 'the limits every one of their models reports'}
          . Leave a field empty to keep it as it is.
        </p>
        {loadError && <p className="error">{loadError}</p>}
        {options && <NotRead options={options} what={(o) => o.overclock !== null} />}
        {options && options.every((o) => o.overclock !== null) && (f === null || v === null) && (
          <p className="error">These rigs’ ranges do not overlap: select rigs of one model.</p>
        )}
        <Field
          label="Frequency (MHz)"
          name="freq"
          hint={f ? `${f.min}–${f.max} MHz` : 'range not known yet'}
          error={freqError ?? undefined}
        >
          <input
            type="number"
            inputMode="numeric"
            min={f?.min}
            max={f?.max}
            step={1}
            value={freq}
            onChange={(e) => setFreq(e.target.value)}
          />
        </Field>
        <Field
          label="Voltage (V)"
          name="volt"
          hint={v ? `${formatVolts(v.min)}–${formatVolts(v.max)} (stock PSU)` : 'range not known yet'}
          error={voltError ?? undefined}
        >
          <input
            type="number"
            inputMode="decimal"
            min={v ? v.min / VOLT_SCALE : undefined}
            max={v ? v.max / VOLT_SCALE : undefined}
            step={0.01}
            value={volt}
            onChange={(e) => setVolt(e.target.value)}
          />
        </Field>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <DialogButtons
          onClose={onClose}
          submit="Apply"
          disabled={empty || freqError !== null || voltError !== null}
          busy={busy}
        />
      </form>
    </Modal>
  );
}
