import { create } from 'zustand';

import type { AppliedAdvice, Recommendation } from '../../shared/advice';
import { getClient } from '../api';

type AdviceState = {
  recommendations: Recommendation[];
  applied: AppliedAdvice[];
  evaluatedAtMs: number | null;
  loaded: boolean;
  error: string | null;
  /** The last application's job, per recommendation id, to say "sent" next to it. */
  sent: Record<string, string>;
  load(): Promise<void>;
  loadHistory(): Promise<void>;
  dismiss(id: string): Promise<boolean>;
  apply(id: string, confirm: boolean): Promise<boolean>;
  /** Follows `advice.changed`: the list is small, so it is reloaded whole. */
  watch(): () => void;
};

const byConfidence = (a: Recommendation, b: Recommendation) =>
  b.confidence - a.confidence || a.rigId.localeCompare(b.rigId) || a.id.localeCompare(b.id);

export const useAdviceStore = create<AdviceState>((set, get) => {
  const run = async (action: () => Promise<void>): Promise<boolean> => {
    try {
      await action();
      set({ error: null });
      return true;
    } catch (err) {
      set({ error: err instanceof Error ? err.message : String(err) });
      return false;
    }
  };
  return {
    recommendations: [],
    applied: [],
    evaluatedAtMs: null,
    loaded: false,
    error: null,
    sent: {},
    async load() {
      await run(async () => {
        const { recommendations, evaluatedAtMs } = await getClient().call('advice.list', {});
        set({ recommendations: [...recommendations].sort(byConfidence), evaluatedAtMs, loaded: true });
      });
    },
    async loadHistory() {
      await run(async () => {
        const { applied } = await getClient().call('advice.history');
        set({ applied });
      });
    },
    dismiss: (id) =>
      run(async () => {
        await getClient().call('advice.dismiss', { id });
        set({ recommendations: get().recommendations.filter((r) => r.id !== id) });
      }),
    apply: (id, confirm) =>
      run(async () => {
        const { jobId } = await getClient().call('advice.apply', { id, confirm });
        set({ sent: { ...get().sent, [id]: jobId } });
        await get().loadHistory();
      }),
    watch() {
      return getClient().on('advice.changed', () => {
        void get().load();
      });
    },
  };
});
