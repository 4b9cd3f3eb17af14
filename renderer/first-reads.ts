/**
 * Imported first by main.tsx, so it runs before React DOM is evaluated (50–110 ms on a farm PC): the socket's
 * handshake, the settings and the fleet (every page's first data), the Map's layout when the app opens on it, and the opening
 * page's chunk are on their way meanwhile, and are mostly here by React's first render (ui_first_data_ms,
 * ui_map_first_paint_ms). The settings, the fleet and the map are followed for the whole session from here, subscribed before
 * their first read so no change between that read and the first render is missed.
 */
import { getClient } from './api';
import { whenConnected } from './api/connected';
import { firstData } from './api/first-data';
import { preloadPage } from './pages/PageView';
import { useConnectionStore } from './stores/connection';
import { useFleetStore } from './stores/fleet';
import { useMapStore } from './stores/map';
import { useSettingsStore } from './stores/settings';
import { routeFromHash } from './stores/ui';

const route = routeFromHash(window.location.hash);
// The link's state is followed from here too, so the first render already says "connected" (no second render of
// the whole page when an effect would first report it).
useConnectionStore.getState().start();
if (route.page === 'map' && route.rigId === null) useMapStore.getState().follow();
useSettingsStore.getState().watch();
useFleetStore.getState().watch();
whenConnected(getClient(), () => {
  void useSettingsStore.getState().load();
  void useFleetStore.getState().load();
});

/** Past this the first render goes ahead without the data, and the page shows its own "Loading…". */
const FIRST_DATA_CAP_MS = 500;
const rigsIn = () => {
  const f = useFleetStore.getState();
  return f.loaded || f.error !== null;
};
// The table's units and health thresholds are the technician's settings: its first rows are drawn with them.
const fleetIn = () => {
  const s = useSettingsStore.getState();
  return rigsIn() && (s.settings !== null || s.loadError !== null);
};
const mapIn = () => {
  const m = useMapStore.getState();
  return rigsIn() && (m.layout !== null || m.error !== null);
};
const opening =
  route.rigId !== null ? null : route.page === 'map' ? mapIn : route.page === 'fleet' ? fleetIn : null;

/**
 * The opening page's chunk (a reload, or a link to #/map) and, for the Fleet and the Map, their first data:
 * main.tsx renders once both are here, so the page's first render is the one with its data.
 */
export const openingPage = Promise.all([
  preloadPage(route),
  opening &&
    firstData(getClient(), {
      ready: opening,
      watch: [useSettingsStore.subscribe, useFleetStore.subscribe, useMapStore.subscribe],
      capMs: FIRST_DATA_CAP_MS,
    }),
]);
