import { create } from 'zustand';

export const pages = [
  'fleet',
  'map',
  'alerts',
  'advice',
  'activity',
  'earnings',
  'discovery',
  'settings',
] as const;
export type Page = (typeof pages)[number];

/** A place in the app: a top-level page, or one rig's detail page (which belongs to Fleet in the nav). */
export type Route = { page: Page; rigId: string | null };

export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const rig = /^rig\/([A-Za-z0-9-]{1,64})$/.exec(path);
  if (rig?.[1]) return { page: 'fleet', rigId: rig[1] };
  return { page: (pages as readonly string[]).includes(path) ? (path as Page) : 'fleet', rigId: null };
}

type UiState = Route & { go(page: Page): void; openRig(id: string): void; follow(): () => void };

/** The route lives in the URL hash, so reload and the browser's back button keep the technician where they were. */
export const useUiStore = create<UiState>((set) => ({
  ...routeFromHash(window.location.hash),
  go(page) {
    window.location.hash = `#/${page}`;
    set({ page, rigId: null });
  },
  openRig(id) {
    window.location.hash = `#/rig/${id}`;
    set({ page: 'fleet', rigId: id });
  },
  follow() {
    const onHash = () => set(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  },
}));
