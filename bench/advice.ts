/**
 * The built-in recommendation engine over the fleet (issue 11): one evaluation as the core runs it at a cycle's
 * end, for 1,000 L7s with 24 h of history in a real SQLite store: the inputs gathered (live views, snapshots,
 * presets, one bulk read of hourly and 5-minute averages and the chains' chips at the window's start) and every
 * rule run, with a revenue figure so the best-preset rule works too. A mix of troubles: weak rigs, rigs heating
 * up, rejecting pools, worker names that differ. Median of 20 evaluations after 3 of warm-up; budget 200 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { evaluateAdvice } from '../electron/advice/engine';
import { gatherInputs } from '../electron/advice/inputs';
import { toRigLive } from '../electron/collector/live';
import { type PresetItem } from '../electron/miners/vnish/schemas-tuning';
import { openDb } from '../electron/store/db';
import { createHistoryStore } from '../electron/store/history';
import { createRecentHistoryReader } from '../electron/store/history-recent';
import { DEFAULT_HEALTH_SETTINGS } from '../shared/health-settings';
import { type RigSnapshot } from '../shared/rig';
import { type RigLive } from '../shared/telemetry';
import { record, snapshot } from './health';
import { loadBatch, prng } from './lib/history-load';
import { median, round } from './lib/stats';

const RIGS = 1000;
const RUNS = 20;
const WARMUP = 3;
const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 0, 6, 12);

const PRESETS: PresetItem[] = [
  [2900, 8300],
  [3200, 9000],
  [3425, 9500],
  [3700, 10100],
  [4000, 10700],
].map(([w, mhs]) => ({
  name: String(w),
  pretty: `${w} watt ~ ${mhs} MH`,
  status: w === 3425 ? 'tuned' : 'untuned',
  modded_psu_required: false,
  tune_settings: null,
}));

function fleetNow(): { snaps: RigSnapshot[]; live: RigLive[] } {
  const snaps = Array.from({ length: RIGS }, (_, i) => {
    const s = snapshot(i, 240);
    const weak = i % 53 === 0;
    return {
      ...s,
      takenAtMs: NOW,
      hashrateMhs: weak ? 7600 : (s.hashrateMhs ?? 0),
      preset: {
        name: '3425',
        pretty: null,
        status: 'tuned' as const,
        watts: 3425,
        hashrateMhs: 9500,
        globalsFreqMhz: null,
        globalsVolt10mV: null,
      },
    };
  });
  const live = snaps.map((s, i) => {
    const l = toRigLive({
      rigId: record(i).id,
      snapshot: s,
      liveness: 'online',
      restarting: false,
      poll: { lastPollMs: NOW, lastError: null },
      pool: { poolHashrateMhs: null, workerName: i % 71 === 0 ? `spare-${i}` : record(i).name },
    });
    return l;
  });
  return { snaps, live };
}

/** 24 h of history for every rig: a sample every 5 minutes, the chains for the last 2 h; rolled up as maintain does. */
function buildHistory(dir: string) {
  const db = openDb(dir);
  const history = createHistoryStore(db);
  const ids = Array.from({ length: RIGS }, (_, i) => record(i).id);
  const rnd = prng(7);
  for (let h = 24; h > 0; h--) {
    const times = Array.from({ length: 12 }, (_, k) => NOW - h * HOUR + k * 300_000);
    const batch = loadBatch(ids, times, h <= 2 ? 3 : 0, rnd, 60_000);
    // Some rigs heat up over the day.
    for (const s of batch.samples) {
      const i = Number(s.rigId.slice(4));
      if (i % 37 === 0 && s.chipTempMaxC !== null)
        s.chipTempMaxC = 66 + ((24 * HOUR - (NOW - s.takenAtMs)) / HOUR) * 0.6;
    }
    history.writeCycle(batch);
  }
  history.maintain(NOW, { rawHours: 48, fiveMinuteDays: 30, hourlyDays: 730 });
  return db;
}

export async function runAdviceBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'rigdeck-bench-advice-'));
  try {
    const db = buildHistory(dir);
    const records = Array.from({ length: RIGS }, (_, i) => record(i));
    const { snaps, live } = fleetNow();
    const byId = new Map(records.map((r, i) => [r.id, snaps[i] ?? null]));
    const recent = createRecentHistoryReader(db);
    const ctx = {
      nowMs: NOW,
      health: DEFAULT_HEALTH_SETTINGS,
      pricePerKwh: 0.1,
      currency: 'USD',
      revenuePerMhDay: 0.0009,
    };
    const times: number[] = [];
    let found = 0;
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const start = performance.now();
      const inputs = gatherInputs(
        {
          rigs: () => records,
          live: () => live,
          snapshot: (id) => byId.get(id) ?? null,
          details: () => ({ presets: PRESETS }),
          recent,
          chipsWindowMs: () => HOUR,
        },
        NOW,
      );
      found = evaluateAdvice(inputs, ctx).length;
      if (run >= WARMUP) times.push(performance.now() - start);
    }
    db.$client.close();
    await Promise.resolve();
    return { advice_eval_1000_ms: round(median(times), 1), advice_recommendations_in_fleet: found };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/advice.ts` runs this suite alone.
if (process.argv[1] === import.meta.filename) {
  runAdviceBench().then(
    (m) => console.log(JSON.stringify(m, null, 2)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
