// /perf-summary and /autotune/presets (docs/vnish.md §3.5).
import { findPreset, prettyPreset } from '../rig/models';
import { type Rig } from '../rig/types';

function presetSwitcherView(rig: Rig): Record<string, unknown> {
  return { ...rig.settings.miner.overclock.preset_switcher };
}

export function perfSummaryView(rig: Rig): unknown {
  const name = rig.active.overclock.preset;
  const preset = findPreset(rig.model, name);
  const current = preset
    ? {
        name: preset.name,
        pretty: prettyPreset(preset),
        status: rig.tuned[preset.name] ? 'tuned' : 'untuned',
        modded_psu_required: preset.moddedPsuRequired,
      }
    : {
        // "Globals passed here when preset is disabled" (SPEC CurrentPreset); PH saw "disabled"/"Disabled".
        name: 'disabled',
        pretty: 'Disabled',
        status: 'untuned',
        modded_psu_required: false,
        globals: { ...rig.active.overclock.globals },
      };
  return { current_preset: current, preset_switcher: presetSwitcherView(rig) };
}

export function presetsView(rig: Rig): unknown[] {
  return rig.model.presets.map((p) => {
    const date = rig.tuned[p.name] ?? null;
    const item: Record<string, unknown> = {
      name: p.name,
      pretty: prettyPreset(p),
      status: date ? 'tuned' : 'untuned',
      modded_psu_required: p.moddedPsuRequired,
    };
    if (date) {
      const settings: Record<string, unknown> = {
        hashrate: p.mhs,
        // tune_settings volt is 10x the globals value (docs/vnish.md §3.5, HASS).
        volt: p.volt * 10,
        freq: p.freq,
        chains: Array.from({ length: rig.model.chains }, (_, i) => ({
          freq: p.freq,
          chips: Array.from(
            { length: rig.model.chipsPerChain },
            (_, c) => p.freq + (((c * 7 + i * 3) % 5) - 2) * 5,
          ),
          serial: `${rig.serial}B${i + 1}`,
        })),
        modified: false,
      };
      if (rig.fw.family === '1.3') settings['date'] = date;
      item['tune_settings'] = settings;
    } else {
      item['tune_settings'] = null;
    }
    return item;
  });
}
