// Per-chip views: /chains (1.2), /boards (1.3), the deprecated /chips (1.2), and /metrics.
// Chips are not stored one by one (1,000 rigs × 360 chips would be a lot of objects); they are
// derived on demand from the chain's grade counts, deterministically per rig.
import { round } from '../util/format';
import { operatingPoint } from '../rig/physics';
import { type Chain, type Rig } from '../rig/types';
import { chipStatuses } from './views-status';

type ChipGrade = 'grey' | 'orange' | 'red';

function gradeOf(rig: Rig, chain: Chain, chip: number): ChipGrade {
  const s = chipStatuses(rig, chain);
  // Spread the bad chips along the chain with a fixed stride so the same chips stay bad.
  const slot = (chip * 37 + chain.id * 11 + rig.index) % rig.model.chipsPerChain;
  if (slot < s.red) return 'red';
  if (slot < s.red + s.orange) return 'orange';
  return 'grey';
}

function chipTemp(chain: Chain, chip: number): number {
  return round(chain.chipTemp - ((chip * 13) % 7), 1);
}

const SENSOR_LOCS = [0, 1, 2, 3];

function sensorLocs(rig: Rig): number[] {
  const n = rig.model.chipsPerChain;
  return SENSOR_LOCS.map((k) => Math.floor(((k + 0.5) * n) / SENSOR_LOCS.length));
}

export function chainChipsView(rig: Rig): unknown[] {
  const point = operatingPoint(rig.model, rig.active);
  const domains = Math.ceil(rig.model.chipsPerChain / rig.model.chipsPerDomain);
  return rig.chains.map((chain) => {
    const hashing = chain.state === 'mining';
    const perChip = chain.hashrate / rig.model.chipsPerChain;
    const chips = Array.from({ length: rig.model.chipsPerChain }, (_, id) => {
      const grade = gradeOf(rig, chain, id);
      return {
        id,
        hr: hashing && grade !== 'red' ? round(perChip * (grade === 'orange' ? 0.5 : 1.0), 2) : 0,
        freq: hashing ? point.freq : 0,
        volt: Math.round((point.volt * 10) / domains),
        temp: chipTemp(chain, id),
        errs: grade === 'grey' ? 0 : Math.floor(chain.hwErrors / 4),
        grade,
        throttled: false,
      };
    });
    const sensors = sensorLocs(rig).map((loc) => ({
      board: chain.id,
      chip: loc,
      loc,
      state: chain.fault ? 'error' : chain.state === 'initializing' ? 'init' : 'measure',
    }));
    const status: Record<string, unknown> = { state: chain.state };
    if (chain.description) status['failure_message'] = chain.description;
    return {
      id: chain.id,
      freq: hashing ? point.freq : 0,
      hr_nominal: round(point.mhs / rig.model.chains, 2),
      hr_realtime: round(chain.hashrate, 2),
      status,
      chips,
      sensors,
    };
  });
}

/** Deprecated GET /chips (1.2 only). */
export function chipsView(rig: Rig): unknown {
  const point = operatingPoint(rig.model, rig.active);
  const locs = new Set(sensorLocs(rig));
  return {
    chips_per_chain: rig.model.chipsPerChain,
    chains: rig.chains.map((chain) => ({
      id: chain.id,
      chips: Array.from({ length: rig.model.chipsPerChain }, (_, id) => {
        const grade = gradeOf(rig, chain, id);
        const chip: Record<string, unknown> = {
          id,
          hashrate: grade === 'red' ? 0 : round(chain.hashrate / rig.model.chipsPerChain, 2),
          freq: chain.state === 'mining' ? point.freq : 0,
          temp: chipTemp(chain, id),
          errors: grade === 'grey' ? 0 : 1,
          status: grade,
        };
        if (locs.has(id)) {
          chip['sensor'] = {
            chip_temp: Math.round(chipTemp(chain, id)),
            pcb_temp: Math.round(chain.pcbTemp),
            status: chain.fault ? 'error' : 'measure',
          };
        }
        return chip;
      }),
    })),
  };
}

/** GET /metrics?time_slice&step: averages of the 5-minute samples per `step` bucket. */
export function metricsView(rig: Rig, now: number, timeSlice: number, step: number): unknown {
  const nowSec = Math.floor(now / 1000);
  const from = nowSec - timeSlice;
  const buckets = new Map<number, { n: number; h: number; p: number; c: number; f: number; w: number }>();
  for (const m of rig.metrics) {
    if (m.time < from) continue;
    const key = m.time - (m.time % step);
    const b = buckets.get(key) ?? { n: 0, h: 0, p: 0, c: 0, f: 0, w: 0 };
    b.n += 1;
    b.h += m.hashrate;
    b.p += m.pcbMax;
    b.c += m.chipMax;
    b.f += m.fanDuty;
    b.w += m.power;
    buckets.set(key, b);
  }
  const metrics = [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([time, b]) => ({
      time,
      data: {
        hashrate: round(b.h / b.n, 2),
        pcb_max_temp: Math.round(b.p / b.n),
        chip_max_temp: Math.round(b.c / b.n),
        fan_duty: Math.round(b.f / b.n),
        power_consumption: Math.round(b.w / b.n),
      },
    }));
  const boardKey = rig.fw.family === '1.2' ? 'chain_id' : 'board_id';
  const annotations = rig.annotations
    .filter((a) => a.time >= from && knownEvent(rig, a.type))
    .map((a) => ({
      time: a.time,
      data: a.board === null ? { type: a.type } : { type: a.type, [boardKey]: a.board },
    }));
  return { timezone: rig.settings.regional.timezone.current, metrics, annotations };
}

const EVENTS_12 = new Set([
  'start',
  'stop',
  'restart',
  'reboot',
  'overheat',
  'disable_chain',
  'enable_chain',
]);
const EVENTS_13 = new Set([
  'start',
  'stop',
  'restart',
  'reboot',
  'overheat',
  'disable_board',
  'enable_board',
  'fw_update',
]);

function knownEvent(rig: Rig, type: string): boolean {
  return (rig.fw.family === '1.2' ? EVENTS_12 : EVENTS_13).has(type);
}
