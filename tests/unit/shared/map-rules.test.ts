import { describe, expect, it } from 'vitest';

import { type MapLayout, mapFileSchema } from '../../../shared/map';
import {
  fileToLayout,
  layoutProblems,
  layoutToFile,
  parseLocation,
  placementsFromNames,
  resolveLocation,
  whyNotPlace,
  whyNotRack,
  whyNotRoom,
  withPlacement,
} from '../../../shared/map-rules';

const layout: MapLayout = {
  rooms: [{ id: 'room1', name: 'Hall A' }],
  racks: [
    { id: 'k1', roomId: 'room1', name: 'R1', rows: 2, slots: 4 },
    { id: 'k2', roomId: 'room1', name: 'R2', rows: 3, slots: 5 },
  ],
  placements: [{ rigId: 'a', rackId: 'k1', row: 1, slot: 1 }],
};
const nameOf = (id: string) => `rig ${id}`;

describe('placement rules', () => {
  it('puts a rig in a free slot, and moves a placed rig instead of copying it', () => {
    expect(whyNotPlace(layout, { rigId: 'b', rackId: 'k1', row: 2, slot: 4 }, nameOf)).toBeNull();
    const moved = withPlacement(layout, { rigId: 'a', rackId: 'k2', row: 3, slot: 5 });
    expect(moved.placements).toEqual([{ rigId: 'a', rackId: 'k2', row: 3, slot: 5 }]);
  });

  it('refuses a slot holding another rig, a slot outside the rack, and a rack that is gone', () => {
    expect(whyNotPlace(layout, { rigId: 'b', rackId: 'k1', row: 1, slot: 1 }, nameOf)).toBe(
      'R1 row 1 slot 1 already holds rig a.',
    );
    expect(whyNotPlace(layout, { rigId: 'a', rackId: 'k1', row: 1, slot: 1 }, nameOf)).toBeNull();
    expect(whyNotPlace(layout, { rigId: 'b', rackId: 'k1', row: 3, slot: 1 }, nameOf)).toBe(
      'R1 has 2 rows of 4 slots; there is no R1 row 3 slot 1.',
    );
    expect(whyNotPlace(layout, { rigId: 'b', rackId: 'gone', row: 1, slot: 1 }, nameOf)).toBe(
      'That rack no longer exists.',
    );
  });

  it('refuses a rack name in use (any case), a missing room, and a shrink that would drop placed rigs', () => {
    const rack = { id: null, roomId: 'room1', name: 'r2', rows: 1, slots: 1 };
    expect(whyNotRack(layout, rack)).toMatch(/already a rack named R2/);
    expect(whyNotRack(layout, { ...rack, name: 'R3', roomId: 'nope' })).toBe('That room no longer exists.');
    expect(whyNotRack(layout, { ...rack, name: 'R3' })).toBeNull();
    const placed = withPlacement(layout, { rigId: 'b', rackId: 'k1', row: 2, slot: 3 });
    expect(whyNotRack(placed, { id: 'k1', roomId: 'room1', name: 'R1', rows: 1, slots: 4 })).toBe(
      '1 placed rig is outside 1 × 4; move them first.',
    );
    expect(whyNotRack(placed, { id: 'k1', roomId: 'room1', name: 'R1', rows: 2, slots: 3 })).toBeNull();
    expect(whyNotRoom(layout, { id: null, name: 'hall a' })).toBe('There is already a room named Hall A.');
    expect(whyNotRoom(layout, { id: 'room1', name: 'hall a' })).toBeNull();
  });
});

describe('location labels', () => {
  it('reads RACK-S<n> and RACK-R<row>-S<slot>, any case, with - _ or space', () => {
    expect(parseLocation('R2-S05')).toEqual({ rack: 'R2', row: null, slot: 5 });
    expect(parseLocation('r2-r3-s2')).toEqual({ rack: 'r2', row: 3, slot: 2 });
    expect(parseLocation('Rack B_S12')).toEqual({ rack: 'Rack B', row: null, slot: 12 });
    expect(parseLocation('A-B-R1S4')).toEqual({ rack: 'A-B', row: 1, slot: 4 });
    for (const no of ['rig-07', 'R2S05', 'R2-S0', '', 'S05']) expect(parseLocation(no), no).toBeNull();
  });

  it('counts a bare slot number row by row, and refuses a slot the rack does not have', () => {
    expect(resolveLocation({ rack: 'r2', row: null, slot: 7 }, layout.racks)).toEqual({
      rackId: 'k2',
      row: 2,
      slot: 2,
    });
    expect(resolveLocation({ rack: 'R2', row: 3, slot: 5 }, layout.racks)).toEqual({
      rackId: 'k2',
      row: 3,
      slot: 5,
    });
    expect(resolveLocation({ rack: 'R2', row: null, slot: 16 }, layout.racks)).toBeNull();
    expect(resolveLocation({ rack: 'R9', row: null, slot: 1 }, layout.racks)).toBeNull();
  });

  it('places unplaced rigs by label first, then name, never over a taken slot', () => {
    const rigs = [
      { id: 'a', name: 'R1-S2', labels: [] }, // already placed: left alone
      { id: 'b', name: 'R2-S01', labels: ['owner:x', 'R1-S02'] },
      { id: 'c', name: 'R2-S01', labels: [] },
      { id: 'd', name: 'R2-S01', labels: [] }, // c named it first
      { id: 'e', name: 'R1-S01', labels: [] }, // taken by a
      { id: 'f', name: 'rig-07', labels: [] },
    ];
    expect(placementsFromNames(layout, rigs)).toEqual([
      { rigId: 'b', rackId: 'k1', row: 1, slot: 2, from: 'R1-S02' },
      { rigId: 'c', rackId: 'k2', row: 1, slot: 1, from: 'R2-S01' },
    ]);
  });
});

describe('export and import', () => {
  const fleet = [
    { id: 'a', name: 'rig-a', serial: 'SN-A', mac: 'AA:00' },
    { id: 'b', name: 'rig-b', serial: 'SN-B', mac: 'BB:00' },
  ];

  it('round-trips a layout through the file, finding rigs by serial, MAC or name on another installation', () => {
    const file = mapFileSchema.parse(JSON.parse(JSON.stringify(layoutToFile(layout, fleet, 5))));
    expect(fileToLayout(file, fleet)).toEqual({ layout, skipped: [] });
    const elsewhere = [{ id: 'x', name: 'other', serial: 'sn-a', mac: null }];
    expect(fileToLayout(file, elsewhere).layout.placements).toEqual([
      { rigId: 'x', rackId: 'k1', row: 1, slot: 1 },
    ]);
    expect(fileToLayout(file, []).skipped).toEqual(['rig-a']);
  });

  it('finds everything wrong with a layout that does not hold together', () => {
    const bad: MapLayout = {
      rooms: [{ id: 'room1', name: 'Hall' }],
      racks: [
        { id: 'k1', roomId: 'room1', name: 'R1', rows: 1, slots: 2 },
        { id: 'k2', roomId: 'nowhere', name: 'r1', rows: 1, slots: 2 },
      ],
      placements: [
        { rigId: 'a', rackId: 'k1', row: 1, slot: 1 },
        { rigId: 'b', rackId: 'k1', row: 1, slot: 1 },
        { rigId: 'a', rackId: 'k1', row: 1, slot: 2 },
        { rigId: 'c', rackId: 'k1', row: 2, slot: 1 },
        { rigId: 'd', rackId: 'k9', row: 1, slot: 1 },
      ],
    };
    expect(layoutProblems(bad)).toEqual([
      'Two racks are named r1.',
      'Rack r1 is in a room the file does not have.',
      'R1 row 2 slot 1 is outside the rack (1 × 2).',
      'A rig is placed in rack k9, which the file does not have.',
      'R1 row 1 slot 1 holds two rigs.',
      'A rig is placed twice (again at R1 row 1 slot 2).',
    ]);
    expect(layoutProblems(layout)).toEqual([]);
  });

  it('rejects a file of another format or version, or with a rack too large', () => {
    const file = layoutToFile(layout, fleet, 5);
    expect(mapFileSchema.safeParse({ ...file, format: 'x' }).success).toBe(false);
    expect(mapFileSchema.safeParse({ ...file, version: 2 }).success).toBe(false);
    const huge = { ...file, racks: [{ ...layout.racks[0], rows: 1000 }] };
    expect(mapFileSchema.safeParse(huge).error?.issues[0]?.message).toBe('A rack has at most 40 rows.');
  });
});
