import { useState } from 'react';

import { prohashingCoins, prohashingRegions } from '../../shared/prohashing-template';
import { Field } from '../components/Field';
import { useFleetStore } from '../stores/fleet';
import { useSettingsStore } from '../stores/settings';
import { DialogShell } from './DialogShell';
import { initialPoolsForm, type PoolsForm, poolsErrors, poolsParams, poolsPreview } from './pools-form';
import { runAction, type Started } from './run-action';

type Props = { rigIds: readonly string[]; onClose: () => void; onStarted: (jobId: string) => void };

const PREVIEW_RIGS = 4;

function Preview({ form, names }: { form: PoolsForm; names: readonly string[] }) {
  const rows = poolsPreview(form, names.slice(0, PREVIEW_RIGS));
  return (
    <table className="grid pool-preview" data-testid="pool-preview">
      <thead>
        <tr>
          <th>Rig</th>
          <th>Slot</th>
          <th>URL</th>
          <th>User</th>
          <th>Password</th>
        </tr>
      </thead>
      <tbody>
        {rows.flatMap(({ rig, pools }) =>
          pools.map((p, i) => (
            <tr key={`${rig}-${i}`}>
              <td>{i === 0 ? rig : ''}</td>
              <td>{i + 1}</td>
              <td className="mono">{p.url}</td>
              <td className="mono">{p.user}</td>
              <td className="mono">{form.source === 'template' ? p.pass : p.pass === '' ? '' : '••••••'}</td>
            </tr>
          )),
        )}
      </tbody>
      {names.length > PREVIEW_RIGS && (
        <tfoot>
          <tr>
            <td colSpan={5} className="muted">
              … and {names.length - PREVIEW_RIGS} more rigs, each with its own n= worker name.
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

function TemplateFields({ form, set, errors }: FieldsProps) {
  return (
    <>
      <Field label="Coin (c=)" name="coin" {...(errors['coin'] ? { error: errors['coin'] } : {})}>
        <input list="prohashing-coins" value={form.coin} onChange={(e) => set({ coin: e.target.value })} />
      </Field>
      <datalist id="prohashing-coins">
        {prohashingCoins.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <Field label="Region (first slot; the others follow as fallbacks)" name="region">
        <select value={form.region} onChange={(e) => set({ region: e.target.value })}>
          {prohashingRegions.map((r) => (
            <option key={r.key} value={r.key}>
              {r.label} ({r.host})
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="ProHashing account (stratum user)"
        name="account"
        {...(errors['account'] ? { error: errors['account'] } : {})}
      >
        <input value={form.account} onChange={(e) => set({ account: e.target.value })} />
      </Field>
    </>
  );
}

type FieldsProps = {
  form: PoolsForm;
  set: (patch: Partial<PoolsForm>) => void;
  errors: Record<string, string>;
};

function SlotFields({ form, set, errors }: FieldsProps) {
  const edit = (i: number, key: 'url' | 'user' | 'pass', value: string) => {
    const slots = [...form.slots] as PoolsForm['slots'];
    slots[i] = { ...slots[i], [key]: value } as PoolsForm['slots'][number];
    set({ slots });
  };
  return (
    <>
      {form.slots.map((s, i) => (
        <fieldset key={i} className="pool-slot">
          <legend>Pool {i + 1}</legend>
          <Field label="URL" name={`url${i}`} {...(errors[`url${i}`] ? { error: errors[`url${i}`] } : {})}>
            <input
              placeholder="stratum+tcp://host:3333"
              value={s.url}
              onChange={(e) => edit(i, 'url', e.target.value)}
            />
          </Field>
          <Field
            label="User"
            name={`user${i}`}
            {...(errors[`user${i}`] ? { error: errors[`user${i}`] } : {})}
          >
            <input value={s.user} onChange={(e) => edit(i, 'user', e.target.value)} />
          </Field>
          <Field label="Password" name={`pass${i}`}>
            <input type="password" value={s.pass} onChange={(e) => edit(i, 'pass', e.target.value)} />
          </Field>
        </fieldset>
      ))}
    </>
  );
}

/** Which slot is hashing: a separate, immediate action (the slot must already be saved on the miner). */
function SwitchPool({ rigIds, onDone }: { rigIds: readonly string[]; onDone: (r: Started) => void }) {
  const [slot, setSlot] = useState(1);
  return (
    <div className="inline">
      <label htmlFor="switch-slot">Make active:</label>
      <select id="switch-slot" value={slot} onChange={(e) => setSlot(Number(e.target.value))}>
        {[1, 2, 3].map((n) => (
          <option key={n} value={n}>
            Pool {n}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="small secondary"
        onClick={() => void runAction('switch-pool', rigIds, { index: slot - 1 }).then(onDone)}
      >
        Switch
      </button>
    </div>
  );
}

/** Pools for one rig or a selection: the ProHashing template or three slots typed in, and the active pool. */
export function PoolsDialog({ rigIds, onClose, onStarted }: Props) {
  const account = useSettingsStore((s) => s.settings?.pool.accountName ?? '');
  const rigs = useFleetStore((s) => s.rigs);
  const [form, setForm] = useState(() => initialPoolsForm(account));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = poolsErrors(form);
  const names = rigIds.map((id) => rigs.get(id)?.name ?? id);
  const n = rigIds.length;
  const set = (patch: Partial<PoolsForm>) => setForm({ ...form, ...patch });

  const submit = async () => {
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    const r = await runAction('pools', rigIds, poolsParams(form));
    setBusy(false);
    if ('error' in r) return setError(r.error);
    onStarted(r.jobId);
    onClose();
  };
  const switched = (r: Started) => {
    if ('error' in r) return setError(r.error);
    onStarted(r.jobId);
    onClose();
  };

  return (
    <DialogShell title={`Pools on ${n} rig${n === 1 ? '' : 's'}`} id="pools-dialog" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="choices">
          <legend>Pools from</legend>
          <label>
            <input
              type="radio"
              name="pool-source"
              checked={form.source === 'template'}
              onChange={() => set({ source: 'template' })}
            />{' '}
            ProHashing template
          </label>
          <label>
            <input
              type="radio"
              name="pool-source"
              checked={form.source === 'manual'}
              onChange={() => set({ source: 'manual' })}
            />{' '}
            Typed in
          </label>
        </fieldset>
        {form.source === 'template' ? (
          <TemplateFields form={form} set={set} errors={errors} />
        ) : (
          <SlotFields form={form} set={set} errors={errors} />
        )}
        {Object.keys(errors).length === 0 && <Preview form={form} names={names} />}
        <p className="muted">
          The list is sent whole and takes effect after a mining restart; a settings backup is taken first.
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="inline">
          <button type="submit" disabled={busy || Object.keys(errors).length > 0}>
            Save pools on {n} rig{n === 1 ? '' : 's'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
      <h3>Active pool</h3>
      <SwitchPool rigIds={rigIds} onDone={switched} />
    </DialogShell>
  );
}
