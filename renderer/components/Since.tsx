import { formatDuration } from '../../shared/format';
import { useConnectionStore } from '../stores/connection';

/**
 * How long a problem has lasted ("for 12 min"), with the moment it started on hover. With the link to the core
 * down it is only known to have lasted until the loss: "for at least" that long, no longer counting.
 */
export function Since({ ms, now }: { ms: number; now: number }) {
  const lostAtMs = useConnectionStore((s) => s.link.lostAtMs);
  const until = lostAtMs === null ? now : Math.min(now, lostAtMs);
  return (
    <small className="muted" title={`since ${new Date(ms).toLocaleString()}`}>
      for {lostAtMs === null ? '' : 'at least '}
      {formatDuration(Math.max(0, until - ms) / 1000)}
    </small>
  );
}
