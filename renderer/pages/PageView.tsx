import type { Page } from '../stores/ui';
import { Placeholder } from './Placeholder';
import { SettingsPage } from './SettingsPage';

const upcoming: Record<Exclude<Page, 'settings'>, { title: string; body: string }> = {
  fleet: {
    title: 'Fleet',
    body: 'Every rig at a glance: hashrate against nominal, power, efficiency, hottest chip, fans and state, with stale values greyed and aged. It fills in once rigs are added and the collector polls them.',
  },
  map: {
    title: 'Map',
    body: 'The farm laid out by rack and shelf, each rig coloured by temperature or hashrate, so a hot corner shows at once.',
  },
  alerts: {
    title: 'Alerts',
    body: 'Overheating, lost fans, failed chains, offline rigs and pool trouble, with hysteresis so nothing flaps, acknowledgement and maintenance windows.',
  },
  earnings: {
    title: 'Earnings',
    body: 'ProHashing balances and payouts in LTC and DOGE, revenue per rig, and profit after the electricity price set in Settings.',
  },
  discovery: {
    title: 'Discovery',
    body: 'Find Vnish miners by subnet scan, mDNS and the IP Report button, see model, firmware, IP and MAC, and add them in one click.',
  },
};

export function PageView({ page }: { page: Page }) {
  if (page === 'settings') return <SettingsPage />;
  const p = upcoming[page];
  return <Placeholder title={p.title} body={p.body} />;
}
