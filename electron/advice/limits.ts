/** The chip and board limits the health rules use, by the registry's model name ("default" for others). */
import { type HealthSettings, type TempLimits } from '../../shared/health-settings';

export function limitsFor(settings: HealthSettings, model: string | null): TempLimits {
  const own = model === null ? undefined : settings.tempLimits[model];
  return own ?? settings.tempLimits['default'] ?? { chipC: 85, boardC: 75 };
}
