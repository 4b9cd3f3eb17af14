import {
  type Settings,
  type SettingsPatch,
  applySettingsPatch,
  salvageSettings,
  settingsSchema,
} from '../../shared/settings';
import type { SettingsStore } from './store';

export type SettingsService = {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** Told after every change is stored: the core reconfigures its services, then tells the faces. */
  subscribe(listener: (settings: Settings) => void): () => void;
};

export function createSettingsService(store: SettingsStore, log: Pick<Console, 'warn'>): SettingsService {
  const { settings: loaded, replaced } = salvageSettings(store.read());
  if (replaced.length > 0) {
    log.warn(`[rigdeck] ${store.path}: invalid ${replaced.join(', ')}; using defaults for those fields`);
  }
  let current = loaded;
  const listeners = new Set<(settings: Settings) => void>();
  return {
    get: () => current,
    update(patch) {
      // The patch was validated at the boundary; the merged whole is validated again so no combination slips by.
      const next = settingsSchema.parse(applySettingsPatch(current, patch));
      store.write(next);
      current = next;
      for (const listener of [...listeners]) listener(next);
      return next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
