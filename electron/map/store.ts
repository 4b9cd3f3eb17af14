/**
 * The map in SQLite (tables map_rooms, map_racks, map_placements; migration 0006). Synchronous (better-sqlite3):
 * every change is one transaction, and the unique indexes stand behind the rules a second time.
 */
import { randomUUID } from 'node:crypto';

import { asc, eq } from 'drizzle-orm';

import type { MapLayout, Placement, SaveRack } from '../../shared/map';
import type { Db } from '../store/db';
import { mapPlacements, mapRacks, mapRooms } from '../store/schema';

export type MapStore = {
  get(): MapLayout;
  saveRoom(room: { id: string | null; name: string }): string;
  deleteRoom(id: string): boolean;
  saveRack(rack: SaveRack): string;
  deleteRack(id: string): boolean;
  /** Puts the rig in the slot, taking it out of any other (checked by the caller with map-rules). */
  place(p: Placement): void;
  unplace(rigId: string): boolean;
  /** Replaces the whole layout at once (import): all of it or, on any failure, none. */
  replace(layout: MapLayout): void;
};

export function createMapStore(db: Db): MapStore {
  const nextPosition = (rows: { position: number }[]) =>
    rows.reduce((m, r) => Math.max(m, r.position), 0) + 1;
  return {
    get() {
      const rooms = db.select().from(mapRooms).orderBy(asc(mapRooms.position)).all();
      const racks = db.select().from(mapRacks).orderBy(asc(mapRacks.position)).all();
      const placements = db.select().from(mapPlacements).all();
      return {
        rooms: rooms.map(({ id, name }) => ({ id, name })),
        racks: racks.map(({ id, roomId, name, rows, slots }) => ({ id, roomId, name, rows, slots })),
        placements: placements.map(({ rigId, rackId, row, slot }) => ({ rigId, rackId, row, slot })),
      };
    },
    saveRoom({ id, name }) {
      if (id !== null) {
        db.update(mapRooms).set({ name }).where(eq(mapRooms.id, id)).run();
        return id;
      }
      const newId = randomUUID();
      const position = nextPosition(db.select({ position: mapRooms.position }).from(mapRooms).all());
      db.insert(mapRooms).values({ id: newId, name, position }).run();
      return newId;
    },
    deleteRoom: (id) => db.delete(mapRooms).where(eq(mapRooms.id, id)).run().changes > 0,
    saveRack({ id, roomId, name, rows, slots }) {
      if (id !== null) {
        db.update(mapRacks).set({ roomId, name, rows, slots }).where(eq(mapRacks.id, id)).run();
        return id;
      }
      const newId = randomUUID();
      const position = nextPosition(db.select({ position: mapRacks.position }).from(mapRacks).all());
      db.insert(mapRacks).values({ id: newId, roomId, name, rows, slots, position }).run();
      return newId;
    },
    deleteRack: (id) => db.delete(mapRacks).where(eq(mapRacks.id, id)).run().changes > 0,
    place(p) {
      db.transaction((tx) => {
        tx.delete(mapPlacements).where(eq(mapPlacements.rigId, p.rigId)).run();
        tx.insert(mapPlacements).values(p).run();
      });
    },
    unplace: (rigId) => db.delete(mapPlacements).where(eq(mapPlacements.rigId, rigId)).run().changes > 0,
    replace(layout) {
      db.transaction((tx) => {
        tx.delete(mapPlacements).run();
        tx.delete(mapRacks).run();
        tx.delete(mapRooms).run();
        layout.rooms.forEach((r, i) =>
          tx
            .insert(mapRooms)
            .values({ ...r, position: i + 1 })
            .run(),
        );
        layout.racks.forEach((r, i) =>
          tx
            .insert(mapRacks)
            .values({ ...r, position: i + 1 })
            .run(),
        );
        for (const p of layout.placements) tx.insert(mapPlacements).values(p).run();
      });
    },
  };
}
