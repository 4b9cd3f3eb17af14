// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { type StoredChain, unpackChains } from '../../../../electron/store/chain-codec';
import { openDb } from '../../../../electron/store/db';
import { createHistoryStore } from '../../../../electron/store/history';
import type { RigEventRow } from '../../../../electron/store/history-types';
import { HOUR, T0, batch, chain, cycle, historyStore, sample } from '../../../helpers/history';

const chainsOf = (db: ReturnType<typeof historyStore>['db']): StoredChain[] =>
  db.$client
    .prepare<[], Buffer | null>('SELECT chains FROM rig_samples')
    .pluck()
    .all()
    .flatMap((b) => unpackChains(b));

const count = (db: ReturnType<typeof historyStore>['db'], table: string) =>
  db.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('writeCycle', () => {
  it('stores rig and chain samples in their encodings, keyed by a small integer per rig', () => {
    const { db, store } = historyStore();
    store.writeCycle({ ...cycle(['rig-uuid-1'], T0 + 62_500, 1), events: [] });
    expect(db.$client.prepare('SELECT * FROM rig_keys').all()).toEqual([{ key: 1, rig_id: 'rig-uuid-1' }]);
    expect(db.$client.prepare('SELECT * FROM rig_samples').get()).toEqual({
      minute: T0 / 60_000 + 1,
      rig: 1,
      second: 2,
      hashrate_mhs: 9500,
      power_w: 3400,
      efficiency_e4: 3579,
      chip_temp_dc: 753,
      board_temp_dc: 651,
      fan_rpm: 5400,
      pool_hashrate_mhs: 9400,
      miner_state: 0,
      chains: expect.any(Buffer),
    });
    expect(chainsOf(db)).toEqual([
      {
        chain: 1,
        state: 0,
        hashrateMhs: 3167,
        chipTempDc: 753, // 75.25 rounds half up in deci-degrees
        boardTempDc: 650,
        frequencyDmhz: 4875,
        voltageMv: 13500,
        chipsRed: 0,
        chipsOrange: 2,
      },
    ]);
  });

  it("packs a sample's chains into its row, and chains whose sample came earlier join that row", () => {
    const { db, store } = historyStore();
    const three = cycle(['a'], T0, 3);
    // Out of order and with one repeated: stored by chain id, the later row for a chain wins.
    const [c1, c2, c3] = three.chains;
    if (!c1 || !c2 || !c3) throw new Error('cycle() made no chains');
    store.writeCycle({ ...three, chains: [c3, c1, { ...c2, hashrateMhs: 1 }, c2] });
    expect(chainsOf(db).map((c) => [c.chain, c.hashrateMhs])).toEqual([
      [1, 3167],
      [2, 3167],
      [3, 3167],
    ]);
    // A later batch with only chains for that second replaces them; chains of a second without a sample are not
    // stored (the collector always hands a sample and its chains over together).
    store.writeCycle({
      samples: [],
      chains: [{ ...chain('a', T0, 4), chipTempMaxC: null }, chain('a', T0 + 15_000, 1)],
      events: [],
    });
    expect(chainsOf(db).map((c) => [c.chain, c.chipTempDc])).toEqual([[4, null]]);
    expect(count(db, 'rig_samples')).toBe(1);
  });

  it('keeps the last of two samples taken in the same second, and skips rows with no usable time', () => {
    const { db, store } = historyStore();
    store.writeCycle(batch([sample('a', T0 + 100, { powerW: 1 }), sample('a', T0 + 900, { powerW: 2 })]));
    store.writeCycle({
      samples: [sample('a', Number.NaN)],
      chains: [chain('a', -5, 1), { ...chain('a', T0, 1), chainId: Number.NaN }],
      events: [],
    });
    expect(db.$client.prepare('SELECT power_w FROM rig_samples').pluck().all()).toEqual([2]);
    expect(db.$client.prepare('SELECT chains FROM rig_samples').pluck().all()).toEqual([null]);
  });

  it('is one transaction: a failure part-way leaves nothing of the cycle, and the store carries on', () => {
    const { db, store } = historyStore();
    db.$client.exec(
      "CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.text = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    const bad = cycle(['a', 'b'], T0, 3);
    bad.events.push({ rigId: 'a', atMs: T0, kind: 'note', text: 'boom' });
    expect(() => store.writeCycle(bad)).toThrow('boom');
    for (const t of ['rig_samples', 'events', 'rig_keys']) expect(count(db, t)).toBe(0);
    store.writeCycle(cycle(['b'], T0 + 15_000));
    expect(db.$client.prepare('SELECT rig_id FROM rig_keys').pluck().all()).toEqual(['b']);
    expect(
      store.query({ rigId: 'b', metrics: ['power_w'], fromMs: T0, toMs: T0 + HOUR }).series[0]?.points,
    ).toHaveLength(1);
  });

  it('keeps rig keys across reopening the file', () => {
    const { dir, store } = historyStore();
    store.writeCycle(cycle(['a', 'b'], T0));
    const again = createHistoryStore(openDb(dir));
    again.writeCycle(cycle(['c', 'b'], T0 + 15_000));
    const db = openDb(dir);
    expect(db.$client.prepare('SELECT rig_id, key FROM rig_keys ORDER BY key').raw().all()).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(
      again.query({ rigId: 'b', metrics: ['power_w'], fromMs: T0, toMs: T0 + HOUR }).series[0]?.points,
    ).toHaveLength(2);
  });
});

describe('events', () => {
  const ev = (
    rigId: string | null,
    atMs: number,
    text: string,
    extra: Partial<RigEventRow> = {},
  ): RigEventRow => ({
    rigId,
    atMs,
    kind: 'note',
    text,
    ...extra,
  });

  it('returns a rig’s log newest first within [from, to), limited; null asks for every event', () => {
    const { store } = historyStore();
    store.writeCycle({
      samples: [],
      chains: [],
      events: [
        ev('a', T0, 'first'),
        ev('b', T0 + 1, 'other rig'),
        ev('a', T0 + 2, 'offline after 62 s without an answer', { kind: 'liveness', liveness: 'offline' }),
        ev(null, T0 + 3, 'fleet-wide'),
        ev('a', T0 + 4, 'rebooting', { kind: 'reboot' }),
      ],
    });
    expect(store.events('a', T0, T0 + 10, 10)).toEqual([
      ev('a', T0 + 4, 'rebooting', { kind: 'reboot' }),
      ev('a', T0 + 2, 'offline after 62 s without an answer', { kind: 'liveness', liveness: 'offline' }),
      ev('a', T0, 'first'),
    ]);
    expect(store.events('a', T0, T0 + 4, 10).map((e) => e.text)).toEqual([
      'offline after 62 s without an answer',
      'first',
    ]);
    expect(store.events('a', T0, T0 + 10, 1).map((e) => e.text)).toEqual(['rebooting']);
    expect(store.events(null, T0, T0 + 10, 10).map((e) => e.text)).toEqual([
      'rebooting',
      'fleet-wide',
      'offline after 62 s without an answer',
      'other rig',
      'first',
    ]);
    expect(store.events('nobody', T0, T0 + 10, 10)).toEqual([]);
  });
});
