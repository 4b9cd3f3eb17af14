// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { csvHeader, csvNumber, csvText } from '../../../../electron/store/csv';
import { rigs } from '../../../../electron/store/schema';
import { HOUR, T0, batch, historyStore, sample } from '../../../helpers/history';

describe('csv cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and leaves plain text alone', () => {
    expect(csvText('L7-3CBE1B')).toBe('L7-3CBE1B');
    expect(csvText('Rack 1, row 2')).toBe('"Rack 1, row 2"');
    expect(csvText('the "big" one')).toBe('"the ""big"" one"');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes numbers plainly and no data as an empty cell', () => {
    expect([csvNumber(0.3579), csvNumber(-4.5), csvNumber(null), csvNumber(Number.NaN)]).toEqual([
      '0.3579',
      '-4.5',
      '',
      '',
    ]);
    expect(csvHeader(['power_w'])).toBe(
      'time,resolution,rig_id,rig_name,power_w_avg,power_w_min,power_w_max',
    );
  });
});

describe('exportCsv', () => {
  it('streams a header, then one line per point with ISO times, for a rig with an awkward name', () => {
    const { db, store } = historyStore();
    db.insert(rigs)
      .values({ id: 'a', name: 'Rack "A", slot 1', ip: '127.0.1.1', addedAt: 0, updatedAt: 0 })
      .run();
    store.writeCycle(batch([sample('a', T0 + 1000, { powerW: 3400.4, chipTempMaxC: null })]));
    store.writeCycle(batch([sample('a', T0 + 16_000, { powerW: 3300 })]));
    const lines: string[] = [];
    const n = store.exportCsv(
      { rigId: 'a', metrics: ['power_w', 'chip_temp_max_c'], fromMs: T0, toMs: T0 + HOUR },
      (line) => lines.push(line),
    );
    expect(n).toBe(2);
    expect(lines).toEqual([
      'time,resolution,rig_id,rig_name,power_w_avg,power_w_min,power_w_max,chip_temp_max_c_avg,chip_temp_max_c_min,chip_temp_max_c_max',
      '2026-01-01T00:00:01.000Z,raw,a,"Rack ""A"", slot 1",3400,3400,3400,,,',
      '2026-01-01T00:00:16.000Z,raw,a,"Rack ""A"", slot 1",3300,3300,3300,75.3,75.3,75.3',
    ]);
  });

  it('exports the fleet at the chosen resolution, and only a header when there is nothing', () => {
    const { store } = historyStore();
    store.writeCycle(batch([sample('a', T0), sample('b', T0 + 2000, { hashrateMhs: 500 })]));
    const lines: string[] = [];
    const n = store.exportCsv(
      { rigId: null, metrics: ['hashrate_mhs'], fromMs: T0, toMs: T0 + HOUR, resolution: '5m' },
      (line) => lines.push(line),
    );
    expect(n).toBe(1);
    expect(lines[1]).toBe('2026-01-01T00:00:00.000Z,5m,,fleet,10000,10000,10000');
    const none: string[] = [];
    expect(
      store.exportCsv({ rigId: 'nobody', metrics: ['power_w'], fromMs: T0, toMs: T0 + HOUR }, (l) =>
        none.push(l),
      ),
    ).toBe(0);
    expect(none).toHaveLength(1);
  });
});
