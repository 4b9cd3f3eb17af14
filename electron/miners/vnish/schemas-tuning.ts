/**
 * Tuning and chip detail: GET /perf-summary, /autotune/presets, /chains (1.2.x) and /boards
 * (1.3.x) (docs/vnish.md §3.5, §3.6; OpenAPI `PerfSummary`, `AutotunePresetDto`, `AntmChainChips`,
 * `AntmBoardChips`).
 */
import { z } from 'zod';
import { arr, bool, isRecord, keepValid, num, obj, text } from '../lenient';

export const presetItemSchema = z.object({
  // Names are watt numbers as text ("3425"); a build sending a bare number is read the same.
  name: text.pipe(z.string()),
  pretty: text,
  status: text,
  modded_psu_required: bool,
  tune_settings: obj({ hashrate: num, volt: num, freq: num, modified: bool, date: text }),
});
export type PresetItem = z.output<typeof presetItemSchema>;

export const perfSummarySchema = z.object({
  current_preset: obj({
    name: text,
    pretty: text,
    status: text,
    modded_psu_required: bool,
    globals: obj({ freq: num, volt: num }),
  }),
  preset_switcher: obj({
    enabled: bool,
    top_preset: text,
    min_preset: text,
    decrease_temp: num,
    rise_temp: num,
    check_time: num,
  }),
});
export type PerfSummary = z.output<typeof perfSummarySchema>;

/** Current firmware returns a bare array; some builds wrap it as {"presets": […]} (docs/vnish.md §3.5). */
export const presetsSchema = z
  .union([z.array(z.unknown()), z.object({ presets: z.array(z.unknown()) })])
  .transform((value) => keepValid(Array.isArray(value) ? value : value.presets, presetItemSchema));

export const chipSchema = z.object({
  id: num,
  hr: num,
  freq: num,
  volt: num,
  temp: num,
  errs: num,
  grade: text,
  throttled: bool,
});

export const chainChipsItemSchema = z.object({
  id: num,
  freq: num,
  hr_nominal: num,
  hr_realtime: num,
  status: obj({ state: text, failure_message: text }),
  chips: arr(chipSchema),
});
export type ChainChipsItem = z.output<typeof chainChipsItemSchema>;

/** 1.2.x /chains and 1.3.x /boards share the element shape; some builds may wrap the list (INFERRED, harmless). */
export const chainChipsSchema = z
  .union([z.array(z.unknown()), z.custom<Record<string, unknown>>(isRecord)])
  .transform((value) => {
    if (Array.isArray(value)) return keepValid(value, chainChipsItemSchema);
    return keepValid(value['chains'] ?? value['boards'], chainChipsItemSchema);
  });
