// @vitest-environment node
// normalizeVnish on the real values quoted in docs/vnish.md: the S19j Pro initializing on 1.2.0-rc5
// (CAP-1.2.0), the failure example (PH), an L9 in MH/s (FIXTURE), an S21+ Hydro in GH/s, and the
// older layouts (fans as a bare rpm array, hr_measure missing or "N/A").
import { describe, expect, it } from 'vitest';
import { rigSnapshotSchema, type RigSnapshot } from '../../../../../shared/rig';
import { parseWith } from '../../../../../electron/miners/parse';
import { normalizeVnish, type VnishReplies } from '../../../../../electron/miners/vnish/normalize';
import { infoSchema } from '../../../../../electron/miners/vnish/schemas-info';
import { statusSchema, summarySchema } from '../../../../../electron/miners/vnish/schemas-summary';
import { perfSummarySchema } from '../../../../../electron/miners/vnish/schemas-tuning';

function must<T>(r: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

function snap(raw: { info?: unknown; summary?: unknown; status?: unknown; perf?: unknown }): RigSnapshot {
  const replies: VnishReplies = {
    info: raw.info === undefined ? null : must(parseWith(infoSchema, raw.info, 'info')),
    summary: raw.summary === undefined ? null : must(parseWith(summarySchema, raw.summary, 'summary')),
    status: raw.status === undefined ? null : must(parseWith(statusSchema, raw.status, 'status')),
    perf: raw.perf === undefined ? null : must(parseWith(perfSummarySchema, raw.perf, 'perf')),
  };
  const s = normalizeVnish(replies, { takenAtMs: 1_700_000_000_000 });
  expect(rigSnapshotSchema.safeParse(s).success).toBe(true);
  return s;
}

const initializingS19 = {
  miner: {
    miner_status: { miner_state: 'initializing', miner_state_time: 0 },
    miner_type: 'Antminer S19j Pro (Vnish 1.2.0-rc5)',
    hr_realtime: 0,
    hr_nominal: 0,
    hr_stock: 104000,
    power_consumption: 146,
    power_usage: 146,
    chains: [1, 2, 3].map((id) => ({
      id,
      frequency: 0.0,
      voltage: 15000,
      power_consumption: 48,
      hashrate_rt: 0,
      chip_statuses: { red: 126, orange: 0, grey: 0 },
      status: { state: 'initializing' },
    })),
    cooling: {
      fan_num: 4,
      fan_duty: 100,
      fans: [1, 2, 3, 4].map((id) => ({ id, rpm: 0, status: 'lost', max_rpm: 6000 })),
      settings: { mode: { name: 'immersion' } },
    },
    pools: [
      { id: 0, url: 'btc.global.luxor.tech:700', pool_type: 'UserPool', user: 'x.worker', status: 'offline' },
      { id: 1, url: 'DevFee', pool_type: 'DevFee', user: 'DevFee', status: 'unknown', diff: '' },
    ],
  },
};

describe('normalizeVnish on reference payloads', () => {
  it('CAP-1.2.0: an S19j Pro initializing, GH/s inferred from miner_type when /info is missing', () => {
    const s = snap({ summary: initializingS19 });
    expect(s.identity.reportedHashUnit).toBe('GH/s');
    expect(s.identity.algorithm).toBe('sha256d');
    expect(s.identity.firmware).toBe('Vnish');
    expect(s.identity.firmwareVersion).toBe('1.2.0-rc5');
    expect(s.identity.model).toBe('Antminer S19j Pro');
    expect(s.stockHashrateMhs).toBe(104_000_000);
    expect(s.hashrateMhs).toBe(0);
    expect(s.efficiencyJPerMh).toBeNull();
    expect(s.powerW).toBe(146);
    expect(s.minerState).toBe('initializing');
    expect(s.chains.map((c) => c.id)).toEqual([1, 2, 3]);
    expect(s.chains[0]).toMatchObject({
      state: 'initializing',
      voltageMv: 15000,
      frequencyMhz: 0,
      chipGrades: { grey: 0, orange: 0, red: 126 },
      chipCount: 126,
    });
    expect(s.fans.every((f) => f.status === 'lost' && f.rpm === 0)).toBe(true);
    expect(s.fanMode).toBe('immersion');
    expect(s.pools.map((p) => [p.kind, p.status, p.difficulty])).toEqual([
      ['user', 'offline', null],
      ['devfee', 'unknown', null],
    ]);
  });

  it('PH failure example: failure_code 1002 and its description', () => {
    const s = snap({
      status: {
        miner_state: 'failure',
        miner_state_time: 0,
        failure_code: 1002,
        description: 'Failed to parse miner configuration',
        find_miner: false,
        unlocked: true,
      },
      summary: { miner: null },
    });
    expect(s.minerState).toBe('failure');
    expect(s.failureCode).toBe(1002);
    expect(s.failureDescription).toBe('Failed to parse miner configuration');
    expect(s.incomplete).toContain('summary: no miner data yet');
  });

  it('an L9 in MH/s keeps its numbers; the same numbers in GH/s are ×1000', () => {
    const summary = { miner: { hr_realtime: 17000, hr_nominal: 16000, power_consumption: 3360 } };
    const l9 = snap({
      info: { miner: 'Antminer L9', model: 'l9', hr_measure: 'MH/s', algorithm: 'scrypt' },
      summary,
    });
    expect(l9.hashrateMhs).toBe(17000);
    expect(l9.efficiencyJPerMh).toBeCloseTo(3360 / 17000, 10);
    const sha = snap({
      info: { miner: 'Antminer S21+ Hydro', hr_measure: 'GH/s', algorithm: 'sha256d' },
      summary,
    });
    expect(sha.hashrateMhs).toBe(17_000_000);
  });

  it('hr_measure "N/A" falls back to the algorithm, then to the model name', () => {
    const summary = { miner: { hr_realtime: 9500 } };
    expect(snap({ info: { hr_measure: 'N/A', algorithm: 'scrypt' }, summary }).hashrateMhs).toBe(9500);
    expect(
      snap({ info: { hr_measure: 'N/A', algorithm: 'unknown', miner: 'Antminer L7' }, summary }).hashrateMhs,
    ).toBe(9500);
    expect(
      snap({ info: { hr_measure: 'N/A', algorithm: 'unknown', miner: 'Antminer S19' }, summary }).hashrateMhs,
    ).toBe(9_500_000);
  });

  it('reads numbers sent as strings and the older bare-rpm fan list', () => {
    const s = snap({
      info: {
        hr_measure: 'MH/s',
        system: { uptime: '10 days, 18:00', network_status: { mac: 'fe:07:26:3c:be:1b' } },
      },
      summary: {
        miner: { hr_realtime: '9412.5', power_consumption: '3400', cooling: { fans: [5400, '5300', null] } },
      },
    });
    expect(s.hashrateMhs).toBe(9412.5);
    expect(s.powerW).toBe(3400);
    expect(s.fans).toEqual([
      { id: 0, rpm: 5400, maxRpm: null, status: 'unknown' },
      { id: 1, rpm: 5300, maxRpm: null, status: 'unknown' },
    ]);
    expect(s.uptimeSec).toBe(10 * 86400 + 18 * 3600);
    expect(s.identity.mac).toBe('FE:07:26:3C:BE:1B');
  });

  it('1.3.3 sample: stopped, throttled 100, hr_stock 111859', () => {
    const s = snap({
      summary: { miner: { miner_status: { miner_state: 'stopped', throttled: 100 }, hr_stock: 111859 } },
      info: { hr_measure: 'GH/s' },
    });
    expect(s.minerState).toBe('stopped');
    expect(s.throttledPercent).toBe(100);
    expect(s.stockHashrateMhs).toBe(111_859_000);
  });

  it('reads the current preset and its figures from /perf-summary', () => {
    const s = snap({
      summary: { miner: {} },
      perf: {
        current_preset: {
          name: '3425',
          pretty: '3425 watt ~ 9500 MH',
          status: 'tuned',
          modded_psu_required: false,
        },
      },
    });
    expect(s.preset).toMatchObject({ name: '3425', status: 'tuned', watts: 3425, hashrateMhs: 9500 });
    const disabled = snap({
      summary: { miner: {} },
      perf: {
        current_preset: {
          name: 'disabled',
          pretty: 'Disabled',
          status: 'untuned',
          globals: { volt: 1380, freq: 675 },
        },
      },
    });
    expect(disabled.preset).toMatchObject({
      name: 'disabled',
      watts: null,
      globalsFreqMhz: 675,
      globalsVolt10mV: 1380,
    });
  });

  it('kept /info and /perf-summary: derived once per read, the same as derived afresh, per miner type', () => {
    const info = must(
      parseWith(
        infoSchema,
        { miner: 'Antminer L7', hr_measure: 'N/A', serial: ' abc ', system: { uptime: '1 day, 01:00' } },
        'info',
      ),
    );
    const perf = must(
      parseWith(
        perfSummarySchema,
        { current_preset: { name: '3425', pretty: '3425 watt ~ 9500 MH' } },
        'perf',
      ),
    );
    const summary = (minerType: string, hr: number) =>
      must(parseWith(summarySchema, { miner: { miner_type: minerType, hr_realtime: hr } }, 'summary'));
    const at = { takenAtMs: 1_700_000_000_000 };
    const a = normalizeVnish(
      { info, perf, status: null, summary: summary('Antminer L7 (Vnish 1.2.6)', 9500) },
      at,
    );
    const b = normalizeVnish(
      { info, perf, status: null, summary: summary('Antminer L7 (Vnish 1.2.6)', 9400) },
      at,
    );
    const fresh = normalizeVnish(
      {
        info: structuredClone(info),
        perf: structuredClone(perf),
        status: null,
        summary: summary('Antminer L7 (Vnish 1.2.6)', 9400),
      },
      at,
    );
    expect(b).toEqual(fresh);
    expect(b.identity).toBe(a.identity);
    expect(b.preset).toBe(a.preset);
    expect(b.hashrateMhs).toBe(9400);
    expect(b.uptimeSec).toBe(25 * 3600);
    // Another miner type with the same /info: the version comes from the type again.
    const c = normalizeVnish(
      { info, perf, status: null, summary: summary('Antminer L7 (Vnish 1.2.7)', 9400) },
      at,
    );
    expect(c.identity.firmwareVersion).toBe('1.2.7');
    expect(a.identity.firmwareVersion).toBe('1.2.6');
    // A fallback unit is part of what the identity was derived with.
    const sha = normalizeVnish(
      {
        info: must(parseWith(infoSchema, { hr_measure: 'N/A' }, 'info')),
        perf: null,
        status: null,
        summary: summary('x', 5),
      },
      { ...at, fallbackHashUnit: 'GH/s' },
    );
    expect(sha.identity.reportedHashUnit).toBe('GH/s');
    expect(sha.hashrateMhs).toBe(5000);
  });

  it('keeps an unknown miner state as "unknown" with the raw text', () => {
    const s = snap({ summary: { miner: { miner_status: { miner_state: 'sleeping' } } } });
    expect(s.minerState).toBe('unknown');
    expect(s.minerStateRaw).toBe('sleeping');
  });
});
