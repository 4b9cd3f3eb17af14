// The model catalog: hardware facts from docs/vnish.md §7 (chains × chips, fans) and typical figures
// (hashrate, power). Preset name lists for L7/L9/L3+ are a GAP in the references: these watt-named
// presets with "… watt ~ N MH" pretty strings follow the grammar seen on SHA models and are INFERRED,
// so they live here in one table that a scenario can override.

export type ModelCode = 'L7' | 'L9' | 'L3+';

export type PresetSpec = {
  /** Preset id: a watt number as a string, as on real Vnish. */
  name: string;
  watts: number;
  /** Hashrate in MH/s the preset is tuned for. */
  mhs: number;
  freq: number;
  /** Global voltage in 10 mV units (1360 = 13.60 V), like /settings overclock.globals.volt. */
  volt: number;
  moddedPsuRequired: boolean;
};

export type ModelSpec = {
  code: ModelCode;
  fullName: string;
  /** Lower-case model code reported by /info and /model. */
  apiModel: string;
  /** /model `series`. The enum has l7, l9, x19, x21 only: L3+ has no series of its own (GAP). */
  series: 'l7' | 'l9' | 'x19' | 'x21';
  platform: 'aml' | 'bb' | 'cv' | 'stm' | 'xil';
  chains: number;
  chipsPerChain: number;
  chipsPerDomain: number;
  fans: number;
  fanMaxRpm: number;
  nominalMhs: number;
  nominalWatts: number;
  /** Idle draw per chain while initializing or stopped: ~47-50 W per chain in CAP-1.2.0. */
  idleWattsPerChain: number;
  defaultFreq: number;
  defaultVolt: number;
  minFreq: number;
  maxFreq: number;
  warnFreq: number;
  minVolt: number;
  maxVolt: number;
  maxVoltStockPsu: number;
  maxPowerLimit: number;
  /** Chip temperature rise per watt per chain at full airflow (°C/W), calibrated so stock runs ~70 °C. */
  thermalResistance: number;
  /** Default overheat ("danger") limit, misc.restart_temp. Real L7/L9 thresholds are a GAP. */
  restartTemp: number;
  /** Default auto-fan target temperature, cooling.mode.param. */
  fanTargetTemp: number;
  presets: PresetSpec[];
};

function presets(rows: Array<[number, number, number, number]>, moddedAbove = Infinity): PresetSpec[] {
  return rows.map(([watts, mhs, freq, volt]) => ({
    name: String(watts),
    watts,
    mhs,
    freq,
    volt,
    moddedPsuRequired: watts > moddedAbove,
  }));
}

export const MODELS: Record<ModelCode, ModelSpec> = {
  L7: {
    code: 'L7',
    fullName: 'Antminer L7',
    apiModel: 'l7',
    series: 'l7',
    platform: 'aml',
    chains: 3,
    chipsPerChain: 120,
    chipsPerDomain: 4,
    fans: 4,
    fanMaxRpm: 6000,
    nominalMhs: 9500,
    nominalWatts: 3425,
    idleWattsPerChain: 48,
    defaultFreq: 500,
    defaultVolt: 1360,
    minFreq: 200,
    maxFreq: 800,
    warnFreq: 650,
    minVolt: 1200,
    maxVolt: 1500,
    maxVoltStockPsu: 1450,
    maxPowerLimit: 4600,
    thermalResistance: 0.028,
    restartTemp: 90,
    fanTargetTemp: 70,
    presets: presets(
      [
        [2600, 7600, 400, 1280],
        [2900, 8300, 440, 1310],
        [3200, 9000, 475, 1340],
        [3425, 9500, 500, 1360],
        [3700, 10100, 535, 1390],
        [4000, 10700, 565, 1420],
        [4300, 11100, 590, 1450],
        [4600, 11500, 615, 1480],
      ],
      4000,
    ),
  },
  L9: {
    code: 'L9',
    fullName: 'Antminer L9',
    apiModel: 'l9',
    series: 'l9',
    platform: 'aml',
    chains: 3,
    chipsPerChain: 110,
    chipsPerDomain: 5,
    fans: 4,
    fanMaxRpm: 6600,
    nominalMhs: 16000,
    nominalWatts: 3360,
    idleWattsPerChain: 50,
    defaultFreq: 550,
    defaultVolt: 1380,
    minFreq: 250,
    maxFreq: 850,
    warnFreq: 700,
    minVolt: 1200,
    maxVolt: 1520,
    maxVoltStockPsu: 1470,
    maxPowerLimit: 4300,
    thermalResistance: 0.029,
    restartTemp: 90,
    fanTargetTemp: 70,
    presets: presets(
      [
        [2600, 13000, 450, 1300],
        [2900, 14200, 490, 1330],
        [3150, 15000, 520, 1360],
        [3360, 16000, 550, 1380],
        [3600, 16800, 580, 1410],
        [3900, 17600, 610, 1440],
        [4200, 18200, 640, 1470],
      ],
      3900,
    ),
  },
  'L3+': {
    code: 'L3+',
    fullName: 'Antminer L3+',
    apiModel: 'l3+',
    series: 'l7',
    platform: 'bb',
    chains: 4,
    chipsPerChain: 72,
    chipsPerDomain: 4,
    fans: 2,
    fanMaxRpm: 5400,
    nominalMhs: 504,
    nominalWatts: 800,
    idleWattsPerChain: 15,
    defaultFreq: 384,
    defaultVolt: 1000,
    minFreq: 100,
    maxFreq: 500,
    warnFreq: 450,
    minVolt: 900,
    maxVolt: 1100,
    maxVoltStockPsu: 1050,
    maxPowerLimit: 1000,
    thermalResistance: 0.2,
    restartTemp: 90,
    fanTargetTemp: 70,
    presets: presets([
      [650, 430, 325, 960],
      [720, 470, 356, 980],
      [800, 504, 384, 1000],
      [880, 540, 412, 1030],
      [950, 570, 437, 1060],
    ]),
  },
};

export function parseModel(text: string): ModelCode {
  const up = text.trim().toUpperCase();
  if (up === 'L7' || up === 'L9' || up === 'L3+') return up;
  if (up === 'L3' || up === 'L3PLUS') return 'L3+';
  throw new Error(`unknown model "${text}" (expected L7, L9 or L3+)`);
}

/** `pretty` grammar from docs/vnish.md §3.5: "<W> watt ~ <HR> MH" on scrypt. */
export function prettyPreset(p: PresetSpec): string {
  return `${p.watts} watt ~ ${p.mhs} MH`;
}

export function findPreset(model: ModelSpec, name: string): PresetSpec | undefined {
  return model.presets.find((p) => p.name === name);
}

/** The stock operating point, used when the preset is "disabled" (manual freq/volt). */
export function stockPoint(model: ModelSpec, freq: number): { watts: number; mhs: number } {
  // Hashrate scales with frequency; power a little faster than linearly (voltage rises with freq).
  const ratio = freq / model.defaultFreq;
  return { mhs: model.nominalMhs * ratio, watts: model.nominalWatts * ratio ** 1.3 };
}
