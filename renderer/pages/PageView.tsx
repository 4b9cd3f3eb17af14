import { Suspense, lazy } from 'react';

import type { Page } from '../stores/ui';
import { ActivityPage } from './ActivityPage';
import { AlertsPage } from './alerts/AlertsPage';
import { DiscoveryPage } from './DiscoveryPage';
import { FleetPage } from './FleetPage';
import { Placeholder } from './Placeholder';
import { RigPage } from './RigPage';
import { SettingsPage } from './SettingsPage';

// Its own chunk: the Earnings page and its charts load when opened, never with the first screen.
const EarningsPage = lazy(() => import('./earnings/EarningsPage').then((m) => ({ default: m.EarningsPage })));

const upcoming: Record<
  Exclude<Page, 'settings' | 'fleet' | 'discovery' | 'alerts' | 'activity' | 'earnings'>,
  { title: string; body: string }
> = {
  map: {
    title: 'Map',
    body: 'The farm laid out by rack and shelf, each rig coloured by temperature or hashrate, so a hot corner shows at once.',
  },
};

export function PageView({ page, rigId }: { page: Page; rigId: string | null }) {
  if (rigId) return <RigPage id={rigId} />;
  if (page === 'settings') return <SettingsPage />;
  if (page === 'fleet') return <FleetPage />;
  if (page === 'discovery') return <DiscoveryPage />;
  if (page === 'alerts') return <AlertsPage />;
  if (page === 'activity') return <ActivityPage />;
  if (page === 'earnings')
    return (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <EarningsPage />
      </Suspense>
    );
  const p = upcoming[page];
  return <Placeholder title={p.title} body={p.body} />;
}
