// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { featureRow, newRows } from '../../../../../electron/advice/abacus/features';
import {
  controlFor,
  parsePredictions,
  toRecommendations,
} from '../../../../../electron/advice/abacus/predictions';
import { DEFAULT_ABACUS_SETTINGS } from '../../../../../shared/abacus-settings';
import { recommendationSchema } from '../../../../../shared/advice';
import { rigLive } from './rig-live';

const fields = DEFAULT_ABACUS_SETTINGS.resultFields;
const action = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  value: null,
  reason: null,
  params: null,
  expectedEffect: null,
  confidence: null,
  ...extra,
});

describe('feature rows', () => {
  it('names plain identifiers, carries a sample id, and leaves out names and addresses', () => {
    const row = featureRow(rigLive('r1', { chipTempMaxC: 81.26 }), null);
    expect(row).toMatchObject({
      rig_id: 'r1',
      sample_id: 'r1:1800000000000',
      temp_max_c: 81.3,
      hashrate_mhs: 9_400,
      hashrate_nominal_mhs: 9_500,
      chains_failed: 0,
      chips_orange: 1,
    });
    for (const k of Object.keys(row ?? {})) expect(k).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(JSON.stringify(row)).not.toContain('acct.rig1');
  });

  it('sends a rig again only once it was measured again', () => {
    const lives = [rigLive('a'), rigLive('b', { takenAtMs: null })];
    expect(newRows(lives, () => null, new Map()).map((r) => r['rig_id'])).toEqual(['a']);
    expect(newRows(lives, () => null, new Map([['a', 1_800_000_000_000]]))).toEqual([]);
  });
});

describe('reading predictions', () => {
  it('reads the result fields named in the settings', () => {
    const r = parsePredictions(
      [{ risk: 0.7, level: 'warn', todo: [{ code: 'CHECK_POOL', reason: 'rejects' }] }],
      ['r1'],
      { score: 'risk', status: 'level', actions: 'todo' },
    );
    expect(r).toEqual({
      ok: true,
      predictions: [
        { rigId: 'r1', score: 0.7, status: 'warn', actions: [action('CHECK_POOL', { reason: 'rejects' })] },
      ],
    });
  });

  it('says clearly what is wrong with a malformed answer', () => {
    expect(parsePredictions({ a: 1 }, ['r1'], fields)).toEqual({
      ok: false,
      message: 'predictMultiple: the result is not a list',
    });
    expect(parsePredictions([], ['r1'], fields)).toMatchObject({
      message: 'predictMultiple: 0 answers for 1 rigs',
    });
    const bad = parsePredictions([{ anomaly_score: 'high' }], ['r1'], fields);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^predictMultiple: answer 1 \(rig r1\): anomaly_score: /);
    expect(parsePredictions(['x'], ['r1'], fields).ok).toBe(false);
  });
});

describe('predictions to recommendations', () => {
  it('maps a power-limit action to a throttle control, labelled abacus', () => {
    const recs = toRecommendations(
      [
        {
          rigId: 'r1',
          score: 0.5,
          status: 'warn',
          actions: [action('LOWER_POWER_LIMIT', { value: 49, reason: 'chip temperature 92 °C' })],
        },
      ],
      1_000,
    );
    expect(recs).toHaveLength(1);
    const rec = recommendationSchema.parse(recs[0]);
    expect(rec).toMatchObject({
      id: 'abacus:r1:lower_power_limit',
      source: 'abacus',
      title: 'Throttle to 49 %',
      reason: 'chip temperature 92 °C',
      confidence: 0.5,
      action: { action: 'throttle', params: { percent: 49 } },
      chart: { metric: 'chip_temp_max_c', hours: 24 },
      createdAtMs: 1_000,
    });
  });

  it('keeps an unknown action as advice only, named as the model said', () => {
    const [rec] = toRecommendations(
      [{ rigId: 'r1', score: 0.3, status: 'warn', actions: [action('CLEAN_DUST_FILTER')] }],
      0,
    );
    expect(rec).toMatchObject({ kind: 'model', title: 'Clean dust filter', action: null });
  });

  it('takes a RigDeck action by name only when it validates against the control schemas', () => {
    expect(controlFor(action('preset', { params: { name: '3425' } }))).toEqual({
      action: 'preset',
      params: { name: '3425' },
    });
    expect(controlFor(action('locate', { params: {} }))).toBeNull();
    expect(controlFor(action('throttle', { params: { percent: 'lots' } }))).toBeNull();
    expect(controlFor(action('LOWER_POWER_LIMIT'))).toBeNull();
    expect(controlFor(action('SET_PRESET', { value: 3100 }))).toEqual({
      action: 'preset',
      params: { name: '3100' },
    });
  });

  it('flags a rig rated above ok with no action, and says nothing of a healthy one', () => {
    const recs = toRecommendations(
      [
        { rigId: 'r1', score: 0.8, status: 'critical', actions: [] },
        { rigId: 'r2', score: 0, status: 'ok', actions: [] },
      ],
      0,
    );
    expect(recs.map((r) => [r.rigId, r.id, r.action])).toEqual([['r1', 'abacus:r1:flagged', null]]);
  });
});
