/**
 * Imported first by main.tsx, so it runs before React DOM is evaluated (50–110 ms on a farm PC): the socket's
 * handshake, the fleet (every page's first data), the Map's layout when the app opens on it, and the opening
 * page's chunk are on their way meanwhile, and are mostly here by React's first render (ui_first_data_ms,
 * ui_map_first_paint_ms). The fleet and the map are followed for the whole session from here, subscribed before
 * their first read so no change between that read and the first render is missed.
 */
import { getClient } from './api';
import { whenConnected } from './api/connected';
import { preloadPage } from './pages/PageView';
import { useFleetStore } from './stores/fleet';
import { useMapStore } from './stores/map';
import { routeFromHash } from './stores/ui';

const route = routeFromHash(window.location.hash);
if (route.page === 'map' && route.rigId === null) useMapStore.getState().follow();
useFleetStore.getState().watch();
whenConnected(getClient(), () => void useFleetStore.getState().load());

/** The opening page's chunk (a reload, or a link to #/map): main.tsx renders once it is here. */
export const openingPage = preloadPage(route);
