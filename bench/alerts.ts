/**
 * Alerts benchmark (issue 9): alert_dispatch_ms, from the collector update that completes a problem's sustain
 * window to the grouped notification reaching a notifier on the event bus (where the desktop notifier and the
 * WebSocket faces listen), with the real service, store (SQLite file in a temp dir, WAL) and event bus, at
 * 1,000 rigs of which 50 already have open alerts. Target ≤ 100 ms. Also the same for a burst of 100 rigs at
 * once (alert_burst_dispatch_ms) and the cost of an ordinary update that changes nothing (alert_step_idle_ms).
 * Time is simulated: the clock moves only between updates, so every figure is work, not waiting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { createAlertService, type ProblemsUpdate } from '../electron/alerts/service';
import { createAlertStore } from '../electron/alerts/store';
import { createEventBus } from '../electron/contract/events';
import { openDb } from '../electron/store/db';
import { DEFAULT_ALERT_SETTINGS } from '../shared/alert-settings';
import type { Problem } from '../shared/health';
import { median, round } from './lib/stats';

const RIGS = 1000;
const CHRONIC = 50;
const RUNS = 15;
const POLL_MS = 5_000;

const problem = (code: Problem['code'], text: string): Problem => ({
  code,
  severity: 'critical',
  text,
  sinceMs: 0,
  subject: '',
});

export async function runAlertsBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'rigdeck-bench-alerts-'));
  const db = openDb(dir);
  let t = Date.UTC(2026, 0, 5);
  const rigIds = Array.from({ length: RIGS }, (_, i) => `rig-${String(i + 1).padStart(4, '0')}`);
  const info = new Map(
    rigIds.map((id, i) => [id, { name: id, ip: `10.0.${i >> 8}.${i & 255}`, labels: ['row-a'] }]),
  );
  const events = createEventBus();
  let notifiedAt: number | null = null;
  events.subscribe((name, payload) => {
    if (
      name === 'alerts.changed' &&
      (payload as { notify: unknown[] }).notify.length > 0 &&
      notifiedAt === null
    )
      notifiedAt = performance.now();
  });
  let n = 0;
  const service = createAlertService({
    store: createAlertStore(db),
    settings: () => DEFAULT_ALERT_SETTINGS,
    rigs: () => (id) => info.get(id) ?? null,
    clock: { now: () => t, after: () => () => undefined },
    newId: () => `alert-${++n}`,
    emit: (p) => events.emit('alerts.changed', p),
  });

  const problems = new Map<string, Problem[]>();
  const update = (changed: readonly string[]): ProblemsUpdate => ({
    live: changed.map((rigId) => ({ rigId, problems: problems.get(rigId) ?? [] })),
    removed: [],
  });
  /** Runs updates until the sustain window is complete; returns the ms from the completing update to the notifier. */
  const raise = (rigs: readonly string[], code: Problem['code']): number => {
    for (const r of rigs) problems.set(r, [problem(code, `${code} on ${r}`)]);
    service.observe(update(rigs));
    for (let elapsed = 0; ;) {
      t += POLL_MS;
      elapsed += POLL_MS;
      notifiedAt = null;
      const start = performance.now();
      service.observe(update([]));
      if (elapsed >= DEFAULT_ALERT_SETTINGS.sustainSec * 1000) {
        if (notifiedAt === null) throw new Error('the sustain window ended without a notification');
        return (notifiedAt as number) - start;
      }
    }
  };
  const quiet = () => {
    // Past the group window and the throttle's minute, so the next raise is notified at once.
    t += 61_000;
    service.observe(update([]));
  };

  try {
    raise(rigIds.slice(0, CHRONIC), 'fan-lost');
    quiet();
    const single: number[] = [];
    const burst: number[] = [];
    const idle: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      single.push(raise([rigIds[CHRONIC + run] as string], 'overheat-chip'));
      quiet();
      // Nine blocks of 100 after the chronic and single rigs, reused once cleared.
      const from = 100 + (run % 9) * 100;
      burst.push(raise(rigIds.slice(from, from + 100), 'hashrate-low'));
      quiet();
      t += POLL_MS;
      const start = performance.now();
      service.observe(update([]));
      idle.push(performance.now() - start);
      // Back to the chronic baseline: the raised ones recover and clear.
      for (const r of [rigIds[CHRONIC + run] as string, ...rigIds.slice(from, from + 100)])
        problems.delete(r);
      service.observe(update([rigIds[CHRONIC + run] as string, ...rigIds.slice(from, from + 100)]));
      t += DEFAULT_ALERT_SETTINGS.clearSec * 1000 * 3;
      service.observe(update([]));
    }
    return {
      alert_dispatch_ms: round(median(single), 2),
      alert_burst_dispatch_ms: round(median(burst), 2),
      alert_step_idle_ms: round(median(idle), 2),
    };
  } finally {
    service.stop();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runAlertsBench().then(
    (r) => console.log(r),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
