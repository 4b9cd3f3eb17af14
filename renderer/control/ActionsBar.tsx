import { Suspense, useState } from 'react';

import type { ActionKind } from '../../shared/control';
import { useJobsStore } from '../stores/jobs';
import { useSettingsStore } from '../stores/settings';
import { type DirectAction, dialogLabels, directActions, isDisruptive, rigCount } from './actions';
import { ConfirmDialog } from './ConfirmDialog';
import { dialogs } from './dialogs';
import { throttleRigs } from './options';
import { messageOf, runAction } from './run';
import { useRigOptions } from './useRigOptions';

type Props = {
  rigIds: readonly string[];
  /** The Fleet table's selection: the bar says how many and can clear it. */
  onClear?: () => void;
};

/** Whether a dialog action suits these rigs at all (throttle only where some firmware has it). */
function offered(kind: ActionKind, able: { throttle: number }): boolean {
  if (kind === 'throttle') return able.throttle > 0;
  return true;
}

/**
 * Every control for one rig or a selection: harmless actions run at once, disruptive ones after a confirmation,
 * the rest through their dialog. A started job opens the jobs panel, where its progress shows per rig.
 */
export function ActionsBar({ rigIds, onClear }: Props) {
  const pacing = useSettingsStore((s) => s.settings?.control ?? null);
  const { options } = useRigOptions(rigIds);
  const [confirm, setConfirm] = useState<DirectAction | null>(null);
  const [dialog, setDialog] = useState<ActionKind | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const able = { throttle: options ? throttleRigs(options).length : 0 };

  const started = (jobId: string) => {
    setError(null);
    const jobs = useJobsStore.getState();
    void jobs.track(jobId);
    jobs.setOpen(true);
  };
  const direct = async (a: DirectAction) => {
    if (isDisruptive(a.kind)) return setConfirm(a);
    setBusy(true);
    try {
      started(await runAction(a.kind, rigIds, a.params));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const Dialog = dialog === null ? undefined : dialogs[dialog];

  return (
    <div className="actions-bar" role="toolbar" aria-label="Rig actions" data-testid="actions-bar">
      {onClear && (
        <span className="selected-count" data-testid="selected-count">
          {rigCount(rigIds.length)} selected
          <button type="button" className="small secondary" onClick={onClear}>
            Clear
          </button>
        </span>
      )}
      <span className="group">
        {directActions.map((a) => (
          <button
            key={a.key}
            type="button"
            className={`small secondary${isDisruptive(a.kind) ? ' disruptive' : ''}`}
            disabled={busy}
            onClick={() => void direct(a)}
          >
            {a.label}
          </button>
        ))}
      </span>
      <span className="group">
        {dialogLabels
          .filter(([kind]) => dialogs[kind] !== undefined && offered(kind, able))
          .map(([kind, label]) => (
            <button key={kind} type="button" className="small secondary" onClick={() => setDialog(kind)}>
              {label}
            </button>
          ))}
      </span>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {confirm && (
        <ConfirmDialog
          action={confirm}
          rigIds={rigIds}
          pacing={pacing}
          onClose={() => setConfirm(null)}
          onStarted={started}
        />
      )}
      {Dialog && (
        <Suspense fallback={null}>
          <Dialog rigIds={rigIds} onClose={() => setDialog(null)} onStarted={started} />
        </Suspense>
      )}
    </div>
  );
}
