import type { RigOptions } from '../../shared/control';
import { useFleetStore } from '../stores/fleet';
import { rigCount } from './actions';

/** "3 rigs" with their names in the tooltip, so a dialog always says whom it acts on. */
export function RigsNamed({ rigIds }: { rigIds: readonly string[] }) {
  const rigs = useFleetStore((s) => s.rigs);
  const names = rigIds.map((id) => rigs.get(id)?.name ?? id);
  return (
    <span title={names.join(', ')} data-testid="dialog-rigs">
      {rigIds.length === 1 ? (names[0] ?? rigCount(1)) : rigCount(rigIds.length)}
    </span>
  );
}

/** Rigs whose facts the core has not read yet: named, since the core will refuse them. */
export function NotRead({
  options,
  what,
}: {
  options: readonly RigOptions[];
  what: (o: RigOptions) => boolean;
}) {
  const rigs = useFleetStore((s) => s.rigs);
  const missing = options.filter((o) => !what(o));
  if (missing.length === 0) return null;
  return (
    <p className="muted">
      Not read yet from {missing.map((o) => rigs.get(o.rigId)?.name ?? o.rigId).join(', ')}: RigDeck reads
      presets and limits a few seconds after a rig is added, then every 10 minutes.
    </p>
  );
}

export function DialogButtons({
  onClose,
  submit,
  disabled,
  busy,
}: {
  onClose: () => void;
  submit: string;
  disabled: boolean;
  busy: boolean;
}) {
  return (
    <div className="actions">
      <button type="submit" disabled={disabled || busy}>
        {busy ? 'Starting…' : submit}
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        Cancel
      </button>
    </div>
  );
}
