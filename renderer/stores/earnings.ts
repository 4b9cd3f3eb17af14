import { create } from 'zustand';

import type { EarningsSummary } from '../../shared/earnings';
import { getClient } from '../api';

/** How often the page re-reads the summary: rigs are polled every ~15 s, the pool's figures change slower. */
export const EARNINGS_REFRESH_MS = 15_000;

type EarningsState = {
  summary: EarningsSummary | null;
  error: string | null;
  load(): Promise<void>;
  /** Re-reads on an interval and when the pool reports a change, while the page is open. */
  watch(): () => void;
};

export const useEarningsStore = create<EarningsState>((set, get) => ({
  summary: null,
  error: null,
  async load() {
    try {
      set({ summary: await getClient().call('earnings.summary', {}), error: null });
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
    }
  },
  watch() {
    const c = getClient();
    void get().load();
    const timer = setInterval(() => void get().load(), EARNINGS_REFRESH_MS);
    // Pool changes come in bursts (a diff per worker): one re-read per burst is enough.
    let pending: ReturnType<typeof setTimeout> | null = null;
    const off = c.on('pool.changed', () => {
      pending ??= setTimeout(() => {
        pending = null;
        void get().load();
      }, 1000);
    });
    return () => {
      clearInterval(timer);
      if (pending) clearTimeout(pending);
      off();
    };
  },
}));
