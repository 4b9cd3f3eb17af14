import type { Page } from '../stores/ui';
import { AdvicePage } from './AdvicePage';
import { AlertsPage } from './alerts/AlertsPage';
import { DiscoveryPage } from './DiscoveryPage';
import { FleetPage } from './FleetPage';
import { Placeholder } from './Placeholder';
import { RigPage } from './RigPage';
import { SettingsPage } from './SettingsPage';

const upcoming: Record<
  Exclude<Page, 'settings' | 'fleet' | 'discovery' | 'alerts' | 'advice'>,
  { title: string; body: string }
> = {
  map: {
    title: 'Map',
    body: 'The farm laid out by rack and shelf, each rig coloured by temperature or hashrate, so a hot corner shows at once.',
  },
  earnings: {
    title: 'Earnings',
    body: 'ProHashing balances and payouts in LTC and DOGE, revenue per rig, and profit after the electricity price set in Settings.',
  },
};

export function PageView({ page, rigId }: { page: Page; rigId: string | null }) {
  if (rigId) return <RigPage id={rigId} />;
  if (page === 'settings') return <SettingsPage />;
  if (page === 'fleet') return <FleetPage />;
  if (page === 'discovery') return <DiscoveryPage />;
  if (page === 'alerts') return <AlertsPage />;
  if (page === 'advice') return <AdvicePage />;
  const p = upcoming[page];
  return <Placeholder title={p.title} body={p.body} />;
}
