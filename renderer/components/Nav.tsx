import { type Page, pages, useUiStore } from '../stores/ui';
import { AlertsBadge } from './AlertsBadge';

const labels: Record<Page, string> = {
  fleet: 'Fleet',
  map: 'Map',
  alerts: 'Alerts',
  activity: 'Activity',
  earnings: 'Earnings',
  advice: 'Advice',
  discovery: 'Discovery',
  settings: 'Settings',
};

export function Nav({ current }: { current: Page }) {
  const go = useUiStore((s) => s.go);
  return (
    <nav className="nav" aria-label="Main">
      {pages.map((p) => (
        <a
          key={p}
          href={`#/${p}`}
          className={p === current ? 'active' : undefined}
          aria-current={p === current ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            go(p);
          }}
        >
          {labels[p]}
          {p === 'alerts' && <AlertsBadge />}
        </a>
      ))}
    </nav>
  );
}
