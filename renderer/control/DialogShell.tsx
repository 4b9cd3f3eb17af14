import { type ReactNode, useEffect } from 'react';

type Props = { title: string; id: string; onClose: () => void; children: ReactNode };

/** A modal panel over the page: Escape or the backdrop closes it, the title names it for screen readers. */
export function DialogShell({ title, id, onClose, children }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        className="dialog"
        data-testid={id}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
