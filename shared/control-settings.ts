/**
 * How bulk commands are paced. Actions that change a rig's power draw (reboot, restart, start/stop,
 * pause/resume, preset, overclock, throttle) run at most `concurrency` rigs at once and start `staggerSec`
 * apart, so a farm's PSUs do not all surge together; harmless ones (the locate LED) are not paced.
 */
import { z } from 'zod';

const fields = {
  concurrency: z
    .number({ error: 'Rigs at once must be a number.' })
    .int('Rigs at once must be a whole number.')
    .min(1, 'At least 1 rig at once.')
    .max(64, 'At most 64 rigs at once.'),
  staggerSec: z
    .number({ error: 'The stagger must be a number of seconds.' })
    .int('The stagger must be a whole number of seconds.')
    .min(0, 'The stagger cannot be negative.')
    .max(600, 'At most 600 s between starts.'),
  /** Settings backups kept per rig (the oldest go first); absent in older files, hence the default. */
  backupsPerRig: z
    .number({ error: 'Backups per rig must be a number.' })
    .int('Backups per rig must be a whole number.')
    .min(1, 'Keep at least 1 backup per rig.')
    .max(500, 'At most 500 backups per rig.'),
};

export const controlSettingsSchema = z.object({ ...fields, backupsPerRig: fields.backupsPerRig.default(20) });
export type ControlSettings = z.infer<typeof controlSettingsSchema>;

// From the plain fields: a default inside a patch would put back a value the user did not touch.
export const controlSettingsPatchSchema = z.object(fields).partial().strict();
export type ControlSettingsPatch = z.infer<typeof controlSettingsPatchSchema>;

/** 5 at a time, 10 s apart: a 60-rig reboot takes a couple of minutes and never surges more than 5 PSUs. */
export const DEFAULT_CONTROL_SETTINGS: ControlSettings = {
  concurrency: 5,
  staggerSec: 10,
  backupsPerRig: 20,
};

export function applyControlPatch(
  current: ControlSettings,
  patch: ControlSettingsPatch | undefined,
): ControlSettings {
  return patch ? { ...current, ...patch } : current;
}
