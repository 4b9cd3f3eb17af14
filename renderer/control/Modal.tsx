import { type ReactNode, useEffect, useId } from 'react';

type Props = { title: string; onClose: () => void; children: ReactNode; testId?: string };

/** A modal panel over the page: Escape or a click outside closes it; the page stays as it was underneath. */
export function Modal({ title, onClose, children, testId }: Props) {
  const id = useId();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id={id}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
