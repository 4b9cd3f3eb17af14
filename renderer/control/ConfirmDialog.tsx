import { useState } from 'react';

import type { ControlSettings } from '../../shared/control-settings';
import { type DirectAction, confirmText } from './actions';
import { RigsNamed } from './DialogParts';
import { Modal } from './Modal';
import { messageOf, runAction } from './run';

type Props = {
  action: DirectAction;
  rigIds: readonly string[];
  pacing: ControlSettings | null;
  onClose: () => void;
  onStarted: (jobId: string) => void;
};

/** Says what a disruptive action does and to how many rigs; only its button sends `confirm: true`. */
export function ConfirmDialog({ action, rigIds, pacing, onClose, onStarted }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { title, body } = confirmText(action.kind, action.label, rigIds.length, pacing);

  const go = async () => {
    setBusy(true);
    try {
      onStarted(await runAction(action.kind, rigIds, action.params, true));
      onClose();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <Modal title={title} onClose={onClose} testId="confirm-dialog">
      <p>
        {body} Rigs: <RigsNamed rigIds={rigIds} />.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void go()}>
          {busy
            ? 'Starting…'
            : `${action.label} ${rigIds.length === 1 ? 'the rig' : `${rigIds.length} rigs`}`}
        </button>
        <button type="button" className="secondary" onClick={onClose} autoFocus>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
