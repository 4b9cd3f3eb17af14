import type { ConnectionStatus } from '../api/types';

const text: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  login: 'Login required',
};

/** Always visible: when the link is down every number on screen is old, and the technician must know it. */
export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  return (
    <span className={`conn conn-${status}`} role="status" aria-live="polite" data-testid="connection">
      <span className="dot" aria-hidden="true" />
      {text[status]}
    </span>
  );
}
