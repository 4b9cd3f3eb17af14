import { Suspense, useEffect } from 'react';

import { chunk } from './components/chunk';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { showJobNotice } from './control/job-notifier';
import { JobsIndicator } from './control/JobsIndicator';
import { LinkBanner } from './components/LinkBanner';
import { KeyboardLayer } from './keyboard/KeyboardLayer';
import { Nav } from './components/Nav';
import { LoginPage } from './pages/LoginPage';
import { PageView } from './pages/PageView';
import { showNotices } from './alerts/browser-notifier';
import { getClient } from './api';
import { useAdviceStore } from './stores/advice';
import { useAlertsStore } from './stores/alerts';
import { useConnectionStore } from './stores/connection';
import { useDiscoveryStore } from './stores/discovery';
import { useJobsStore } from './stores/jobs';
import { useSettingsStore } from './stores/settings';
import { useUiStore } from './stores/ui';

// Loaded when first opened: the first screen needs only the indicator (renderer_bundle_gzip_kb).
const jobsPanel = chunk(
  () => import('./control/JobsPanel'),
  (m) => m.JobsPanel,
);

export function App() {
  const status = useConnectionStore((s) => s.status);
  const linkLost = useConnectionStore((s) => s.link.lostAtMs !== null);
  const theme = useSettingsStore((s) => s.settings?.theme ?? 'dark');
  const page = useUiStore((s) => s.page);
  const rigId = useUiStore((s) => s.rigId);
  const jobsOpen = useJobsStore((s) => s.open);

  useEffect(() => useUiStore.getState().follow(), []);
  useEffect(() => useDiscoveryStore.getState().watch(), []);
  useEffect(() => useAdviceStore.getState().watch(), []);
  useEffect(
    () =>
      useJobsStore
        .getState()
        .watch((notice) => showJobNotice(notice, () => useJobsStore.getState().setOpen(true))),
    [],
  );
  useEffect(
    () =>
      useAlertsStore.getState().watch((notices) =>
        showNotices(notices, {
          openRig: (id) => useUiStore.getState().openRig(id),
          openAlerts: () => useUiStore.getState().go('alerts'),
          settings: () => useSettingsStore.getState().settings?.alerts ?? null,
        }),
      ),
    [],
  );
  useEffect(
    // The desktop face notifies natively; a click on its notification comes back here to show the rig.
    () =>
      getClient().on('alerts.open', ({ rigId }) =>
        rigId ? useUiStore.getState().openRig(rigId) : useUiStore.getState().go('alerts'),
      ),
    [],
  );
  useEffect(() => {
    // Events missed while the link was down are not replayed, so every (re)connection reloads what we show (the
    // settings, the fleet and the map are read from first-reads.ts, sooner).
    if (status !== 'connected') return;
    void useAlertsStore.getState().load();
    void useJobsStore.getState().load();
    void useAdviceStore.getState().load();
  }, [status]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className={`app${linkLost ? ' link-lost' : ''}`} data-link={linkLost ? 'lost' : 'up'}>
      <header className="topbar">
        <span className="brand">RigDeck</span>
        <Nav current={page} />
        {status !== 'login' && <JobsIndicator />}
        <ConnectionIndicator status={status} />
      </header>
      <LinkBanner />
      <main className="content">
        {status === 'login' ? <LoginPage /> : <PageView page={page} rigId={rigId} />}
      </main>
      {status !== 'login' && jobsOpen && (
        <Suspense fallback={null}>
          <jobsPanel.View />
        </Suspense>
      )}
      {status !== 'login' && <KeyboardLayer />}
    </div>
  );
}
