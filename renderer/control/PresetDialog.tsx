import { type FormEvent, useState } from 'react';

import { formatPower } from '../../shared/format';
import { formatHashrate } from '../../shared/units';
import type { DialogProps } from './dialog-props';
import { DialogButtons, NotRead, RigsNamed } from './DialogParts';
import { Modal } from './Modal';
import { type CommonPreset, commonPresets } from './options';
import { messageOf, runAction } from './run';
import { useRigOptions } from './useRigOptions';

function figure(r: { min: number; max: number } | null, f: (n: number) => string): string {
  if (r === null) return '—';
  return r.min === r.max ? f(r.min) : `${f(r.min)} – ${f(r.max)}`;
}

function tuning(p: CommonPreset): string {
  if (p.of === 1) return p.tuned === 1 ? 'tuned' : 'untuned';
  return p.tuned === p.of ? 'tuned on all' : p.tuned === 0 ? 'untuned' : `tuned on ${p.tuned} of ${p.of}`;
}

/** An autotune preset from the rigs' own lists (for a selection, those every rig lists). */
export function PresetDialog({ rigIds, onClose, onStarted }: DialogProps) {
  const { options, error: loadError } = useRigOptions(rigIds);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const presets = options ? commonPresets(options) : [];
  const current = options?.length === 1 ? options[0]?.currentPreset : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (chosen === null) return;
    setBusy(true);
    try {
      onStarted(await runAction('preset', rigIds, { name: chosen }));
      onClose();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <Modal title="Apply a preset" onClose={onClose} testId="preset-dialog">
      <form onSubmit={(e) => void submit(e)}>
        <p>
          Autotune preset for <RigsNamed rigIds={rigIds} />. Hashrate and power are what each preset states;
          the miner restarts mining to apply it.
        </p>
        {loadError && <p className="error">{loadError}</p>}
        {options === null && !loadError && <p className="muted">Reading the rigs’ presets…</p>}
        {options && <NotRead options={options} what={(o) => o.presets !== null} />}
        {options && presets.length === 0 && options.every((o) => o.presets !== null) && (
          <p className="error">These rigs have no preset in common: select rigs of one model.</p>
        )}
        {presets.length > 0 && (
          <table className="presets" aria-label="Presets">
            <thead>
              <tr>
                <th />
                <th>Preset</th>
                <th>Tuning</th>
                <th className="num">Expected hashrate</th>
                <th className="num">Power</th>
              </tr>
            </thead>
            <tbody>
              {presets.map((p) => (
                <tr key={p.name} data-preset={p.name} className={chosen === p.name ? 'chosen' : undefined}>
                  <td>
                    <input
                      type="radio"
                      name="preset"
                      id={`preset-${p.name}`}
                      checked={chosen === p.name}
                      onChange={() => setChosen(p.name)}
                    />
                  </td>
                  <td>
                    <label htmlFor={`preset-${p.name}`}>
                      {p.name === 'disabled' ? 'manual (disabled)' : `${p.name}`}
                    </label>
                    {p.name === current && <span className="badge tone-ok">current</span>}
                    {p.moddedPsuRequired && <span className="badge tone-warn">modded PSU</span>}
                  </td>
                  <td className={p.tuned === p.of ? 'tone-ok' : 'muted'}>{tuning(p)}</td>
                  <td className="num">{figure(p.hashrateMhs, (n) => formatHashrate(n))}</td>
                  <td className="num">{figure(p.watts, formatPower)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <DialogButtons onClose={onClose} submit="Apply preset" disabled={chosen === null} busy={busy} />
      </form>
    </Modal>
  );
}
