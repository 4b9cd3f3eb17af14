import { formatAge } from '../../shared/format';
import { useConnectionStore } from '../stores/connection';
import { useNow } from './useNow';

/**
 * Across the top of every page while the link to the core is down: the figures behind it are greyed and as old
 * as the loss, and the technician must know it before reading any of them.
 */
export function LinkBanner() {
  const lostAtMs = useConnectionStore((s) => s.link.lostAtMs);
  const now = useNow(1000);
  if (lostAtMs === null) return null;
  return (
    <div className="link-banner" role="alert" data-testid="link-banner">
      <strong>Connection to RigDeck lost {formatAge(lostAtMs, now)}.</strong> Every figure below is as of{' '}
      {new Date(lostAtMs).toLocaleTimeString()} and may no longer be true; reconnecting…
    </div>
  );
}
