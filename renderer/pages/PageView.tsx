import { type ComponentType, type LazyExoticComponent, type ReactNode, Suspense, lazy } from 'react';

import type { Page } from '../stores/ui';
import { FleetPage } from './FleetPage';

/**
 * The Fleet table is the first screen and ships in the main bundle; every other page is a chunk of its own,
 * loaded when first opened (the rig page carries chart.js, the map and earnings their own weight), so the first
 * screen of a farm PC's browser downloads only what it shows (renderer_bundle_gzip_kb in bench/renderer.ts).
 */
const chunk = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

const RigPage = lazy(() => import('./RigPage').then((m) => ({ default: m.RigPage })));
const pageChunks: Record<Exclude<Page, 'fleet'>, LazyExoticComponent<ComponentType>> = {
  map: chunk(() => import('./map/MapPage'), 'MapPage'),
  alerts: chunk(() => import('./alerts/AlertsPage'), 'AlertsPage'),
  advice: chunk(() => import('./AdvicePage'), 'AdvicePage'),
  activity: chunk(() => import('./ActivityPage'), 'ActivityPage'),
  earnings: chunk(() => import('./earnings/EarningsPage'), 'EarningsPage'),
  discovery: chunk(() => import('./DiscoveryPage'), 'DiscoveryPage'),
  settings: chunk(() => import('./SettingsPage'), 'SettingsPage'),
};

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="muted">Loading…</p>}>{children}</Suspense>;
}

export function PageView({ page, rigId }: { page: Page; rigId: string | null }) {
  if (rigId)
    return (
      <Loading>
        <RigPage id={rigId} />
      </Loading>
    );
  if (page === 'fleet') return <FleetPage />;
  const Chunk = pageChunks[page];
  return (
    <Loading>
      <Chunk />
    </Loading>
  );
}
