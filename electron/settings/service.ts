import {
  type Settings,
  type SettingsPatch,
  applySettingsPatch,
  salvageSettings,
  settingsSchema,
} from '../../shared/settings';
import type { EventBus } from '../contract/events';
import type { SettingsStore } from './store';

export type SettingsService = {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
};

export function createSettingsService(
  store: SettingsStore,
  bus: EventBus,
  log: Pick<Console, 'warn'>,
): SettingsService {
  const { settings: loaded, replaced } = salvageSettings(store.read());
  if (replaced.length > 0) {
    log.warn(`[rigdeck] ${store.path}: invalid ${replaced.join(', ')}; using defaults for those fields`);
  }
  let current = loaded;
  return {
    get: () => current,
    update(patch) {
      // The patch was validated at the boundary; the merged whole is validated again so no combination slips by.
      const next = settingsSchema.parse(applySettingsPatch(current, patch));
      store.write(next);
      current = next;
      bus.emit('settings.changed', next);
      return next;
    },
  };
}
