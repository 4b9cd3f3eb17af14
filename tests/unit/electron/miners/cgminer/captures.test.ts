// @vitest-environment node
// The real stock-Antminer RPC captures (S19 Pro, asic-rs) parse, as stored and as they arrive on the
// wire (compact + NUL), and map to a snapshot with the right units and chain/fan/pool counts. Then
// the scrypt case: the same reply scaled to an L7 must read in MH/s, never 1000× wrong.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rigSnapshotSchema } from '../../../../../shared/rig';
import { normalizeRpc, rpcHashUnit } from '../../../../../electron/miners/cgminer/normalize';
import { parseRepaired, repairJson } from '../../../../../electron/miners/cgminer/repair';
import {
  checkEnvelope,
  parseRpcDevs,
  parseRpcPools,
  parseRpcStats,
  parseRpcSummary,
  parseRpcVersion,
} from '../../../../../electron/miners/cgminer/schemas';
import { MODEL_CATALOG } from '../../../../../electron/miners/models';

const DIR = join(import.meta.dirname, '../../../../fixtures/antminer-stock-rpc');
const raw = (name: string): string => readFileSync(`${DIR}/${name}.json`, 'utf8');
/** What the wire carries: compact JSON + NUL (the README says the files are pretty-printed, NUL removed). */
const wire = (name: string): string => `${JSON.stringify(JSON.parse(raw(name)))}\0`;
const load = (name: string): unknown => parseRepaired(repairJson(wire(name)).text);

function must<T>(r: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

describe('stock Antminer RPC captures', () => {
  it('all parse through the repair path, pretty-printed or on the wire', () => {
    for (const name of ['summary', 'stats', 'pools', 'devs', 'version']) {
      expect(parseRepaired(repairJson(raw(name)).text)).toEqual(JSON.parse(raw(name)));
      expect(load(name)).toEqual(JSON.parse(raw(name)));
      expect(must(checkEnvelope(load(name), name)).status?.STATUS).toBe('S');
    }
  });

  it('summary: GHS fields as numbers, Elapsed, hardware errors', () => {
    const [s] = must(parseRpcSummary(load('summary'), 'summary'));
    expect(s).toMatchObject({
      Elapsed: 50474,
      'GHS 5s': 110566.89,
      'GHS av': 111834.85,
      'Hardware Errors': 562,
    });
  });

  it('devs: the misspelt Tenperature and zero MHS of BTM_SOC', () => {
    const [d] = must(parseRpcDevs(load('devs'), 'devs'));
    expect(d).toMatchObject({ Name: 'BTM_SOC', Tenperature: 0, Temperature: null, 'MHS 5s': 0 });
  });

  it('version: API 3.1, Type "Antminer S19 Pro"', () => {
    expect(must(parseRpcVersion(load('version'), 'version'))[0]).toMatchObject({
      API: '3.1',
      Type: 'Antminer S19 Pro',
    });
  });

  it('maps to a snapshot: GH rate_unit honoured, chain 4 absent, 4 fans, 3 pools (one active)', () => {
    const snapshot = normalizeRpc(
      {
        summary: must(parseRpcSummary(load('summary'), 's'))[0] ?? null,
        stats: must(parseRpcStats(load('stats'), 'st')),
        pools: must(parseRpcPools(load('pools'), 'p')),
        version: must(parseRpcVersion(load('version'), 'v'))[0] ?? null,
      },
      { takenAtMs: 1755615295000, ip: '192.168.1.100' },
    );
    expect(rigSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.identity).toMatchObject({
      model: 'Antminer S19 Pro',
      algorithm: 'sha256d',
      reportedHashUnit: 'GH/s',
    });
    expect(snapshot.identity.firmware).toBeNull();
    expect(snapshot.hashrateMhs).toBeCloseTo(110_566_890, 0);
    expect(snapshot.nominalHashrateMhs).toBe(110_000_000);
    expect(snapshot.minerUptimeSec).toBe(50474);
    expect(snapshot.minerState).toBe('unknown');
    expect(snapshot.chains.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(snapshot.chains[0]).toMatchObject({
      state: 'mining',
      frequencyMhz: 525,
      hashrateMhs: 37_603_300,
      hwErrors: 183,
      chipCount: 114,
      chipGrades: { grey: 114, orange: 0, red: 0 },
      chipTemp: { minC: 50, maxC: 78 },
      boardTemp: { minC: 45, maxC: 73 },
    });
    expect(snapshot.fans.map((f) => f.rpm)).toEqual([6000, 5880, 5040, 5040]);
    expect(snapshot.pools.map((p) => p.status)).toEqual(['active', 'working', 'working']);
    expect(snapshot.pools[0]).toMatchObject({
      url: 'stratum+tcp://btc.global.luxor.tech:700',
      accepted: 4057,
      rejected: 11,
      stale: 1,
    });
    expect(snapshot.boardTemp).toEqual({ minC: 44, maxC: 73 });
  });

  it('system_info.json (web, not RPC): the anonymised MAC is rejected, not crashed on', async () => {
    const { normalizeMac } = await import('../../../../../shared/rig');
    const info = JSON.parse(raw('system_info')) as { macaddr: string };
    expect(normalizeMac(info.macaddr)).toBeNull();
  });
});

describe('RPC hash units on scrypt (docs/vnish.md §7)', () => {
  const l7 = MODEL_CATALOG.L7;

  it('an L7 Type with "GHS 5s" and no rate_unit reads MH/s', () => {
    expect(
      rpcHashUnit({
        rateUnit: null,
        label: 'GHS',
        modelText: 'Antminer L7 (Vnish 1.2.7)',
        sample: 9500,
        model: l7,
      }),
    ).toBe('MH/s');
  });

  it('an L3+ "GHS 5s":"515.179" (pyasic #210) is ~504 MH/s, not 515 GH/s', () => {
    const s = normalizeRpc(
      {
        summary:
          must(parseRpcSummary({ STATUS: [{ STATUS: 'S' }], SUMMARY: [{ 'GHS 5s': '515.179' }] }, 's'))[0] ??
          null,
        stats: must(
          parseRpcStats(
            { STATUS: [{ STATUS: 'S' }], STATS: [{ Type: 'Antminer L3+' }, { Elapsed: 10 }] },
            'st',
          ),
        ),
        pools: null,
        version: null,
      },
      { takenAtMs: 0 },
    );
    expect(s.hashrateMhs).toBeCloseTo(515.179, 3);
  });

  it('a scrypt reply that claims GH but reads 1000× its class is corrected (safety net)', () => {
    expect(
      rpcHashUnit({ rateUnit: 'GH', label: 'GHS', modelText: 'Antminer L7', sample: 9500, model: l7 }),
    ).toBe('MH/s');
    expect(
      rpcHashUnit({ rateUnit: 'MH', label: 'GHS', modelText: 'Antminer L7', sample: 9.5, model: l7 }),
    ).toBe('GH/s');
  });

  it('an override wins over everything', () => {
    expect(
      rpcHashUnit({
        override: 'GH/s',
        rateUnit: 'MH',
        label: 'GHS',
        modelText: 'Antminer L7',
        sample: 1,
        model: l7,
      }),
    ).toBe('GH/s');
  });

  it('for an L7, any plausible reading in MH or GH lands within 20× of its class', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1000, max: 20000, noNaN: true }),
        fc.constantFrom('MH', 'GH', null),
        (mhs, rateUnit) => {
          const sample = rateUnit === 'GH' ? mhs / 1000 : mhs;
          const unit = rpcHashUnit({ rateUnit, label: 'GHS', modelText: 'Antminer L7', sample, model: l7 });
          const factor = unit === 'GH/s' ? 1000 : unit === 'MH/s' ? 1 : Number.NaN;
          expect(sample * factor).toBeCloseTo(mhs, 6);
        },
      ),
    );
  });
});
