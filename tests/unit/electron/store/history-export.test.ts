// @vitest-environment node
import { afterAll, describe, expect, it } from 'vitest';

import { pageWindow, rowUnitMs } from '../../../../electron/store/history-export';
import type { HistoryCursor, HistoryQuery } from '../../../../shared/telemetry';
import { DEFAULT_RETENTION, HOUR, MIN, T0, batch, historyStore, sample } from '../../../helpers/history';

const { db, store } = historyStore();
afterAll(() => db.$client.close());

// Two rigs for two days, every 15 s, with a gap and varying values; maintain() folds the first day only, so
// bucket and hour exports read stored rows and the unfolded tail.
const DAYS = 2;
for (let h = 0; h < DAYS * 24; h++) {
  if (h === 30) continue; // an hour without data: a page may be empty
  const samples = [];
  for (let t = T0 + h * HOUR; t < T0 + (h + 1) * HOUR; t += 15_000) {
    samples.push(sample('a', t, { hashrateMhs: 9000 + ((t / 15_000) % 97) }));
    samples.push(sample('b', t + 7_000, { powerW: 3000 + ((t / 15_000) % 13) }));
  }
  store.writeCycle(batch(samples));
}
store.maintain(T0 + 25 * HOUR, DEFAULT_RETENTION);

const lines = (run: (write: (line: string) => void) => unknown): string[] => {
  const out: string[] = [];
  run((line) => out.push(line));
  return out;
};

/** Every page until the last: their lines concatenated, and the most rows any one page held. */
function paged(q: HistoryQuery, maxRows: number) {
  const out: string[] = [];
  let cursor: HistoryCursor | null = null;
  let pages = 0;
  let most = 0;
  do {
    const page = store.exportPage(q, cursor, maxRows, (line) => out.push(line));
    most = Math.max(most, page.rows);
    cursor = page.next;
    pages++;
  } while (cursor !== null);
  return { out, pages, most };
}

const metrics: HistoryQuery['metrics'] = ['hashrate_mhs', 'power_w'];

describe('paged CSV export', () => {
  const cases: [string, HistoryQuery, number][] = [
    [
      'a rig at raw',
      { rigId: 'a', metrics, fromMs: T0 + 20 * HOUR + 1_234, toMs: T0 + 26 * HOUR - 5_555 },
      500,
    ],
    ['the fleet at raw', { rigId: null, metrics, fromMs: T0 + 29 * HOUR + 789, toMs: T0 + 32 * HOUR }, 40],
    ['a rig at 5 min', { rigId: 'b', metrics, fromMs: T0 + 2 * HOUR + 1, toMs: T0 + 40 * HOUR + 61_000 }, 25],
    [
      'the fleet at 5 min',
      { rigId: null, metrics, fromMs: T0, toMs: T0 + DAYS * 24 * HOUR, resolution: '5m' },
      7,
    ],
    [
      'a rig by the hour',
      { rigId: 'a', metrics, fromMs: T0 + MIN, toMs: T0 + 47 * HOUR + MIN, resolution: '1h' },
      5,
    ],
    ['the fleet by the hour', { rigId: null, metrics, fromMs: T0, toMs: T0 + 20 * 24 * HOUR }, 3],
  ];

  it.each(cases)('concatenates to exactly the whole export: %s', (_, q, maxRows) => {
    const whole = lines((w) => store.exportCsv(q, w));
    const { out, pages, most } = paged(q, maxRows);
    expect(whole.length).toBeGreaterThan(maxRows + 1);
    expect(pages).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(maxRows);
    expect(out).toEqual(whole);
  });

  it('keeps the first page’s resolution for every page, and writes the header once', () => {
    const q: HistoryQuery = { rigId: 'a', metrics: ['power_w'], fromMs: T0, toMs: T0 + 6 * HOUR };
    const first = lines((w) => expect(store.exportPage(q, null, 100, w).next?.resolution).toBe('raw'));
    expect(first[0]).toBe('time,resolution,rig_id,rig_name,power_w_avg,power_w_min,power_w_max');
    const later = lines((w) => store.exportPage(q, { fromMs: T0 + HOUR, resolution: '5m' }, 100, w));
    expect(later[0]).toMatch(/^2026-01-01T01:00:00\.000Z,5m,a,/);
    expect(later.filter((l) => l.startsWith('time,'))).toEqual([]);
  });

  it('answers an unknown rig with the header and no rows, in one page', () => {
    const q: HistoryQuery = { rigId: 'nobody', metrics, fromMs: T0, toMs: T0 + HOUR };
    const { out, pages } = paged(q, 10);
    expect(pages).toBe(1);
    expect(out).toEqual(lines((w) => store.exportCsv(q, w)));
    expect(out).toHaveLength(1);
  });
});

describe('pageWindow', () => {
  it('counts whole units from the one holding the start and stops on a unit boundary or the range end', () => {
    expect(pageWindow(1_500, 100_000, 1000, 10)).toEqual({ fromMs: 1_500, toMs: 11_000, last: false });
    expect(pageWindow(11_000, 15_000, 1000, 10)).toEqual({ fromMs: 11_000, toMs: 15_000, last: true });
    expect(pageWindow(0, 5_000, 1000, 0)).toEqual({ fromMs: 0, toMs: 1000, last: false });
  });

  it('measures a row as a second for a rig, a minute for the fleet at raw, else its bucket', () => {
    expect([
      rowUnitMs('raw', false),
      rowUnitMs('raw', true),
      rowUnitMs('5m', false),
      rowUnitMs('1h', true),
    ]).toEqual([1000, 60_000, 300_000, 3_600_000]);
  });
});
