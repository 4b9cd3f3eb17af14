import { Children, type ReactElement, cloneElement, isValidElement } from 'react';

type Props = { label: string; name: string; hint?: string; error?: string; children: ReactElement };

/** A labelled input whose validation error sits right under it, announced to screen readers. */
export function Field({ label, name, hint, error, children }: Props) {
  const id = `field-${name}`;
  const child = Children.only(children);
  const input = isValidElement<Record<string, unknown>>(child)
    ? cloneElement(child, {
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
      })
    : child;
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {input}
      {hint && !error && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="error" role="alert" data-testid={`error-${name}`}>
          {error}
        </small>
      )}
    </div>
  );
}
