import { create } from 'zustand';

export const pages = ['fleet', 'map', 'alerts', 'earnings', 'discovery', 'settings'] as const;
export type Page = (typeof pages)[number];

export function pageFromHash(hash: string): Page {
  const name = hash.replace(/^#\/?/, '');
  return (pages as readonly string[]).includes(name) ? (name as Page) : 'fleet';
}

type UiState = { page: Page; go(page: Page): void; follow(): () => void };

/** The page lives in the URL hash, so reload and the browser's back button keep the technician where they were. */
export const useUiStore = create<UiState>((set) => ({
  page: pageFromHash(window.location.hash),
  go(page) {
    window.location.hash = `#/${page}`;
    set({ page });
  },
  follow() {
    const onHash = () => set({ page: pageFromHash(window.location.hash) });
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  },
}));
