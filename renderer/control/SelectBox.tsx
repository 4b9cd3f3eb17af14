import { useEffect, useRef } from 'react';

type Props = {
  checked: boolean;
  indeterminate?: boolean;
  label: string;
  /** `shift`: the click held Shift (a range, in the Fleet table). */
  onToggle: (shift: boolean) => void;
};

/** A tick box in a table row that never opens the row: its click is its own. */
export function SelectBox({ checked, indeterminate = false, label, onToggle }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="select-box"
      aria-label={label}
      checked={checked}
      readOnly
      onClick={(e) => {
        e.stopPropagation();
        onToggle(e.shiftKey);
      }}
      onKeyDown={(e) => e.stopPropagation()}
    />
  );
}
