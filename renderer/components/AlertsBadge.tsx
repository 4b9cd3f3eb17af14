import { useAlertsStore } from '../stores/alerts';

/** Open alerts beside "Alerts" in the navigation; red when any is critical. Nothing when all is quiet. */
export function AlertsBadge() {
  const { open, critical } = useAlertsStore((s) => s.counts);
  if (open === 0) return null;
  const label = `${open} open alert${open === 1 ? '' : 's'}${critical > 0 ? `, ${critical} critical` : ''}`;
  return (
    <span
      className={`nav-count${critical > 0 ? ' critical' : ''}`}
      data-testid="alerts-count"
      aria-label={label}
      title={label}
    >
      {open}
    </span>
  );
}
