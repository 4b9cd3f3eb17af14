import type { Handlers } from '../../shared/contract';
import type { SettingsService } from './service';

export function settingsHandlers(
  settings: SettingsService,
): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
  };
}
