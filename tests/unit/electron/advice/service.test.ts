// @vitest-environment node
// The advice service on a real SQLite file: a dismissed recommendation stays dismissed (across a restart) until
// its evidence changes; applying one starts a control job with its action, records it with the figures before,
// and measures the figures after once the after-window has passed; advice-only and disruptive ones are refused
// or need confirming; evaluation runs only when due.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { EFFECT_WINDOW_MS, SETTLE_MS } from '../../../../electron/advice/effect';
import { type AdviceService, createAdviceService } from '../../../../electron/advice/service';
import { createAdviceStore } from '../../../../electron/advice/store';
import { type RigAdviceInput } from '../../../../electron/advice/types';
import { openDb } from '../../../../electron/store/db';
import { type Recommendation } from '../../../../shared/advice';
import { type ControlAction } from '../../../../shared/control';
import { type HistoryResult } from '../../../../shared/telemetry';
import { context, rig, T0 } from './fixtures';

type Harness = {
  service: AdviceService;
  rigs: RigAdviceInput[];
  jobs: ControlAction[];
  changes: number[];
  clock: { now: number };
  extra: Recommendation[];
  restart(): Harness;
};

function harness(dir = mkdtempSync(join(tmpdir(), 'rigdeck-advice-svc-'))): Harness {
  const db = openDb(dir);
  const h: Omit<Harness, 'service'> = {
    rigs: [rig({ id: 'r1', name: 'rig-01', workerName: 'spare-7' })],
    jobs: [],
    changes: [],
    clock: { now: T0 },
    extra: [],
    restart: () => {
      db.$client.close();
      return harness(dir);
    },
  };
  // Flat figures: 9,000 MH/s at 3,300 W before, whatever the window.
  const history = (): HistoryResult => ({
    resolution: '5m',
    series: [
      { metric: 'hashrate_mhs', points: [[T0, 9000, 9000, 9000]] },
      { metric: 'power_w', points: [[T0, 3300, 3300, 3300]] },
      { metric: 'chip_temp_max_c', points: [[T0, 70, 70, 70]] },
    ],
  });
  const service = createAdviceService({
    store: createAdviceStore(db),
    gather: () => h.rigs,
    context: (now) => context({ nowMs: now, pricePerKwh: 0.3, revenuePerMhDay: 0.0006 }),
    everyMs: () => 60_000,
    extraSources: [() => h.extra],
    startJob: (req) => {
      h.jobs.push(req.action);
      return { id: `job-${h.jobs.length}` };
    },
    history,
    changed: (p) => h.changes.push(p.count),
    now: () => h.clock.now,
  });
  return Object.assign(h, { service });
}

const ids = (h: Harness) => h.service.list().recommendations.map((r) => r.id);

describe('advice service', () => {
  it('keeps a dismissal until the evidence changes, across a restart', () => {
    let h = harness();
    h.service.evaluate();
    expect(ids(h)).toEqual(['builtin:best-preset:r1', 'builtin:worker-name-mismatch:r1']);
    expect(h.service.dismiss('builtin:worker-name-mismatch:r1')).toBe(true);
    expect(ids(h)).toEqual(['builtin:best-preset:r1']);
    expect(h.changes.at(-1)).toBe(1);

    h = h.restart();
    h.service.evaluate();
    expect(ids(h)).toEqual(['builtin:best-preset:r1']);
    // Same evidence at the next evaluation: still dismissed.
    h.clock.now += 120_000;
    h.service.tick();
    expect(ids(h)).toEqual(['builtin:best-preset:r1']);
    // The rig mines under another wrong name: the evidence changed, so it is open again.
    h.rigs = [rig({ id: 'r1', name: 'rig-01', workerName: 'spare-8' })];
    h.clock.now += 120_000;
    h.service.tick();
    expect(ids(h)).toContain('builtin:worker-name-mismatch:r1');
    expect(h.service.dismiss('no-such-id')).toBe(false);
  });

  it('evaluates only when due', () => {
    const h = harness();
    h.service.tick();
    const first = h.service.list().evaluatedAtMs;
    h.clock.now += 30_000;
    h.service.tick();
    expect(h.service.list().evaluatedAtMs).toBe(first);
    h.clock.now += 30_000;
    h.service.tick();
    expect(h.service.list().evaluatedAtMs).toBe(T0 + 60_000);
  });

  it('applies through a control job, then measures the effect after the window', () => {
    const h = harness();
    h.service.evaluate();
    const { jobId } = h.service.apply('builtin:best-preset:r1', false, 'headless');
    expect(jobId).toBe('job-1');
    expect(h.jobs).toEqual([{ kind: 'preset', name: '2900' }]);
    expect(ids(h)).not.toContain('builtin:best-preset:r1');
    const [applied] = h.service.history();
    expect(applied?.before).toEqual({
      hashrateMhs: 9000,
      powerW: 3300,
      chipTempMaxC: 70,
      profitPerDay: 0.0006 * 9000 - 3300 * 0.024 * 0.3,
    });
    expect(applied?.measuredAtMs).toBeNull();
    h.clock.now += SETTLE_MS + EFFECT_WINDOW_MS;
    h.service.evaluate();
    const [measured] = h.service.history();
    expect(measured?.measuredAtMs).toBe(h.clock.now);
    expect(measured?.after?.hashrateMhs).toBe(9000);
  });

  it('refuses advice-only recommendations and asks to confirm disruptive ones', () => {
    const h = harness();
    h.extra = [
      {
        id: 'abacus:model:r1',
        rigId: 'r1',
        kind: 'model',
        source: 'abacus',
        title: 'Reboot',
        reason: 'stuck',
        evidence: [],
        chart: null,
        expectedEffect: 'back to hashing',
        confidence: 0.5,
        action: { action: 'reboot', params: {} },
        createdAtMs: T0,
      },
    ];
    h.service.evaluate();
    expect(() => h.service.apply('builtin:worker-name-mismatch:r1', true, 'cli')).toThrow(/advice only/);
    expect(() => h.service.apply('abacus:model:r1', false, 'cli')).toThrow(/confirm/);
    expect(h.service.apply('abacus:model:r1', true, 'cli').jobId).toBe('job-1');
    expect(h.jobs).toEqual([{ kind: 'reboot' }]);
    expect(() => h.service.apply('gone', true, 'cli')).toThrow(/No open recommendation/);
  });
});
