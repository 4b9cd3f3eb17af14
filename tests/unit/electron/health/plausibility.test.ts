// @vitest-environment node
// Physical bounds: figures that cannot be real (negative hashrate and power, chip temperatures of −874 and
// 728 °C, a hashrate far above the model's) are nulled, so they are never summed or stored, and named as a
// problem; a plausible reading passes untouched (the same object).
import { describe, expect, it } from 'vitest';
import { summarize, toRigLive } from '../../../../electron/collector/live';
import { sampleRow } from '../../../../electron/collector/batch';
import { checkReading, modelOf, plausibilityRule } from '../../../../electron/health/plausibility';
import { MODEL_CATALOG } from '../../../../electron/miners/models';
import { chainSnap, ctx, input, snap } from './fixtures';

const absurd = () =>
  snap({
    hashrateMhs: -1200,
    powerW: -635,
    efficiencyJPerMh: -635 / 1200,
    chipTemp: { minC: -874, maxC: 728 },
    chains: [chainSnap(1, { chipTemp: { minC: -874, maxC: 728 } }), chainSnap(2), chainSnap(3)],
  });

describe('plausibility', () => {
  it('passes a plausible reading through untouched', () => {
    const s = snap();
    const out = checkReading(s, MODEL_CATALOG.L7);
    expect(out.snapshot).toBe(s);
    expect(out.notes).toEqual([]);
  });

  it('nulls negative hashrate and power and impossible temperatures, and names them', () => {
    const out = checkReading(absurd(), MODEL_CATALOG.L7);
    expect(out.snapshot.hashrateMhs).toBeNull();
    expect(out.snapshot.powerW).toBeNull();
    expect(out.snapshot.efficiencyJPerMh).toBeNull();
    expect(out.snapshot.chipTemp).toEqual({ minC: null, maxC: null });
    expect(out.snapshot.chains[0]?.chipTemp).toEqual({ minC: null, maxC: null });
    expect(out.snapshot.chains[1]?.chipTemp.maxC).toBe(66);
    expect(out.notes).toEqual(
      expect.arrayContaining(['hashrate -1,200 MH/s', 'power -635 W', 'chip -874 °C', 'chip 728 °C']),
    );
  });

  it('names a chain figure by its chain, and a plausible chain stays the same object', () => {
    const s = snap({
      chains: [
        chainSnap(1),
        chainSnap(2, { hashrateMhs: -5, powerW: 1e9, boardTemp: { minC: 40, maxC: 900 } }),
      ],
    });
    const out = checkReading(s, MODEL_CATALOG.L7);
    expect(out.notes).toEqual([
      'chain 2 hashrate -5 MH/s',
      'chain 2 power 1,000,000,000 W',
      'chain 2 board 900 °C',
    ]);
    expect(out.snapshot.chains[0]).toBe(s.chains[0]);
    expect(out.snapshot.chains[1]).toMatchObject({
      hashrateMhs: null,
      powerW: null,
      boardTemp: { minC: 40, maxC: null },
    });
  });

  it('takes a hashrate far above the model maximum out, but not one above nominal by a tuning margin', () => {
    expect(checkReading(snap({ hashrateMhs: 11_000 }), MODEL_CATALOG.L7).notes).toEqual([]);
    expect(checkReading(snap({ hashrateMhs: 95_000 }), MODEL_CATALOG.L7).snapshot.hashrateMhs).toBeNull();
    // An unknown model is held to generous bounds only.
    expect(checkReading(snap({ hashrateMhs: 95_000 }), null).notes).toEqual([]);
  });

  it('keeps the absurd figures out of the fleet totals and the stored sample', () => {
    const clean = checkReading(absurd(), MODEL_CATALOG.L7).snapshot;
    const live = toRigLive({
      rigId: 'r',
      snapshot: clean,
      liveness: 'online',
      restarting: false,
      poll: { lastPollMs: null, lastError: null },
      pool: { poolHashrateMhs: null, workerName: null },
    });
    const sum = summarize([live], 0, null);
    expect([sum.powerW, sum.efficiencyJPerMh, sum.hashrateMhs]).toEqual([0, null, 0]);
    const row = sampleRow('r', clean, null);
    expect([row.hashrateMhs, row.powerW, row.efficiencyJPerMh]).toEqual([null, null, null]);
    expect(row.chipTempMaxC).toBe(66);
  });

  it('is a warning with the evidence', () => {
    const notes = checkReading(absurd(), MODEL_CATALOG.L7).notes;
    const [f] = plausibilityRule(ctx(input(snap(), { implausible: notes })));
    expect(f?.code).toBe('implausible-reading');
    expect(f?.severity).toBe('warning');
    expect(f?.text).toContain('power -635 W');
    expect(plausibilityRule(ctx(input()))).toEqual([]);
  });
});

describe('the model a reading names', () => {
  it('is read from the identity, else the model code, else the registry, the same each time asked', () => {
    const named = (model: string | null, modelCode: string | null, registry: string | null) =>
      modelOf(snap({ identity: { ...snap().identity, model, modelCode } }), registry);
    for (let i = 0; i < 2; i++) {
      expect(named('Antminer L7', null, null)).toBe(MODEL_CATALOG.L7);
      expect(named('Antminer S19', 'l9', null)).toBe(MODEL_CATALOG.L9);
      expect(named(null, null, 'ANTMINER L3+')).toBe(MODEL_CATALOG['L3+']);
      expect(named('Antminer S19', null, 'T21')).toBeNull();
    }
    // Hundreds of names (a miner sending garbage) are read right, and none is remembered wrong.
    for (let i = 0; i < 600; i++) expect(named(`junk ${i}`, null, null)).toBeNull();
    expect(named('Antminer L7 (Vnish 1.2.7)', null, null)).toBe(MODEL_CATALOG.L7);
  });
});
