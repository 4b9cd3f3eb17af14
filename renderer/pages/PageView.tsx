import { type ReactNode, Suspense } from 'react';

import { type Chunk, chunk } from '../components/chunk';
import type { Page, Route } from '../stores/ui';
import { FleetPage } from './FleetPage';

/**
 * The Fleet table is the first screen and ships in the main bundle; every other page is a chunk of its own,
 * loaded when first opened (the rig page carries chart.js, the map and earnings their own weight), so the first
 * screen of a farm PC's browser downloads only what it shows (renderer_bundle_gzip_kb in bench/renderer.ts).
 */
const rigPage = chunk(
  () => import('./RigPage'),
  (m) => m.RigPage,
);
const pageChunks: Record<Exclude<Page, 'fleet'>, Chunk<object>> = {
  map: chunk(
    () => import('./map/MapPage'),
    (m) => m.MapPage,
  ),
  alerts: chunk(
    () => import('./alerts/AlertsPage'),
    (m) => m.AlertsPage,
  ),
  advice: chunk(
    () => import('./AdvicePage'),
    (m) => m.AdvicePage,
  ),
  activity: chunk(
    () => import('./ActivityPage'),
    (m) => m.ActivityPage,
  ),
  earnings: chunk(
    () => import('./earnings/EarningsPage'),
    (m) => m.EarningsPage,
  ),
  discovery: chunk(
    () => import('./DiscoveryPage'),
    (m) => m.DiscoveryPage,
  ),
  settings: chunk(
    () => import('./SettingsPage'),
    (m) => m.SettingsPage,
  ),
};

/**
 * Loads the chunk of the page the app opens on (a reload, or a link to #/map); main.tsx renders once it is
 * here (the socket connects meanwhile), so the page shows at its first render. A failure is left to the lazy
 * component, which tries again when rendered.
 */
export function preloadPage({ page, rigId }: Route): Promise<void> {
  const start = rigId !== null ? rigPage.preload : page === 'fleet' ? null : pageChunks[page].preload;
  return start ? start().catch(() => undefined) : Promise.resolve();
}

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="muted">Loading…</p>}>{children}</Suspense>;
}

export function PageView({ page, rigId }: { page: Page; rigId: string | null }) {
  if (rigId)
    return (
      <Loading>
        <rigPage.View id={rigId} />
      </Loading>
    );
  if (page === 'fleet') return <FleetPage />;
  const { View } = pageChunks[page];
  return (
    <Loading>
      <View />
    </Loading>
  );
}
