import { create } from 'zustand';

import { RpcError } from '../../shared/rpc-error';
import type { Settings, SettingsPatch } from '../../shared/settings';
import { getClient } from '../api';

export type FieldErrors = Record<string, string>;

type SettingsState = {
  settings: Settings | null;
  loadError: string | null;
  saving: boolean;
  fieldErrors: FieldErrors;
  saveError: string | null;
  savedAt: number | null;
  load(): Promise<void>;
  save(patch: SettingsPatch): Promise<boolean>;
  /** Listens for changes made elsewhere (another window, another browser) so this one never shows stale values. */
  watch(): () => void;
};

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  loadError: null,
  saving: false,
  fieldErrors: {},
  saveError: null,
  savedAt: null,
  async load() {
    try {
      set({ settings: await getClient().call('settings.get'), loadError: null });
    } catch (err) {
      set({ loadError: message(err) });
    }
  },
  async save(patch) {
    // Checked here with the same schema the core uses, for instant feedback; the core checks again. Loaded on
    // the first save (the Settings page has usually fetched it already), not with the first screen.
    const { settingsPatchSchema } = await import('../../shared/settings');
    const local = settingsPatchSchema.safeParse(patch);
    if (!local.success) {
      set({
        fieldErrors: toFieldErrors(
          local.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      });
      return false;
    }
    set({ saving: true, saveError: null, fieldErrors: {} });
    try {
      const settings = await getClient().call('settings.update', local.data);
      set({ settings, savedAt: Date.now() });
      return true;
    } catch (err) {
      if (err instanceof RpcError && err.issues) set({ fieldErrors: toFieldErrors(err.issues) });
      else set({ saveError: message(err) });
      return false;
    } finally {
      set({ saving: false });
    }
  },
  watch() {
    return getClient().on('settings.changed', (settings) => set({ settings }));
  },
}));

function toFieldErrors(issues: { path: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of issues) out[i.path] ??= i.message;
  return out;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
