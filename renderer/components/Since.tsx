import { formatDuration } from '../../shared/format';

/** How long a problem has lasted ("for 12 min"), with the moment it started on hover. */
export function Since({ ms, now }: { ms: number; now: number }) {
  return (
    <small className="muted" title={`since ${new Date(ms).toLocaleString()}`}>
      for {formatDuration(Math.max(0, now - ms) / 1000)}
    </small>
  );
}
