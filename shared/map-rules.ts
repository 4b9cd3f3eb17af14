/**
 * The map's rules, pure: what may be placed where, what a rack may be resized to, what a location label says,
 * and whether an imported layout holds together. The core decides with these before it writes; the UI uses the
 * same ones to explain a refusal before asking.
 */
import {
  type MapFile,
  type MapLayout,
  type MapRack,
  type Placement,
  type PlacedFromName,
  type SlotRef,
  MAP_FILE_FORMAT,
  MAP_FILE_VERSION,
} from './map';

export type RigIdentity = { id: string; name: string; serial: string | null; mac: string | null };
type NameOf = (rigId: string) => string;

const fold = (s: string) => s.trim().toLowerCase();
export const slotKey = (s: SlotRef): string => `${s.rackId}/${s.row}/${s.slot}`;

/** "R2 row 1 slot 5": how a slot is named to the technician. */
export function slotLabel(rack: Pick<MapRack, 'name'>, s: Pick<SlotRef, 'row' | 'slot'>): string {
  return `${rack.name} row ${s.row} slot ${s.slot}`;
}

export function inRack(rack: Pick<MapRack, 'rows' | 'slots'>, s: Pick<SlotRef, 'row' | 'slot'>): boolean {
  return s.row >= 1 && s.row <= rack.rows && s.slot >= 1 && s.slot <= rack.slots;
}

/** Why this rig cannot go in that slot, or null. A rig already placed elsewhere may move (that is not a reason). */
export function whyNotPlace(layout: MapLayout, p: Placement, nameOf: NameOf): string | null {
  const rack = layout.racks.find((r) => r.id === p.rackId);
  if (!rack) return 'That rack no longer exists.';
  if (!inRack(rack, p))
    return `${rack.name} has ${rack.rows} rows of ${rack.slots} slots; there is no ${slotLabel(rack, p)}.`;
  const holder = layout.placements.find((x) => x.rackId === p.rackId && x.row === p.row && x.slot === p.slot);
  if (holder && holder.rigId !== p.rigId)
    return `${slotLabel(rack, p)} already holds ${nameOf(holder.rigId)}.`;
  return null;
}

/** The layout with the rig in that slot (and out of any other). Call after `whyNotPlace` said null. */
export function withPlacement(layout: MapLayout, p: Placement): MapLayout {
  return { ...layout, placements: [...layout.placements.filter((x) => x.rigId !== p.rigId), p] };
}

export function withoutRig(layout: MapLayout, rigId: string): MapLayout {
  return { ...layout, placements: layout.placements.filter((x) => x.rigId !== rigId) };
}

/** Why a rack cannot be saved so (a clashing name, a missing room, rigs a smaller size would drop), or null. */
export function whyNotRack(
  layout: MapLayout,
  rack: { id: string | null; roomId: string; name: string; rows: number; slots: number },
): string | null {
  if (!layout.rooms.some((r) => r.id === rack.roomId)) return 'That room no longer exists.';
  const clash = layout.racks.find((r) => r.id !== rack.id && fold(r.name) === fold(rack.name));
  if (clash)
    return `There is already a rack named ${clash.name}; rack names are unique so labels can name them.`;
  if (rack.id === null) return null;
  const outside = layout.placements.filter((p) => p.rackId === rack.id && !inRack(rack, p));
  if (outside.length > 0) {
    return `${outside.length} placed rig${outside.length === 1 ? ' is' : 's are'} outside ${rack.rows} × ${rack.slots}; move them first.`;
  }
  return null;
}

export function whyNotRoom(layout: MapLayout, room: { id: string | null; name: string }): string | null {
  const clash = layout.rooms.find((r) => r.id !== room.id && fold(r.name) === fold(room.name));
  return clash ? `There is already a room named ${clash.name}.` : null;
}

/**
 * A location written on a rack label or in a worker name. Two forms, case-insensitive, with `-`, `_` or a space
 * between parts: `RACK-S<n>` (the n-th slot of the rack, counted row by row from the top left, so `R2-S05` is
 * rack R2's fifth slot) and `RACK-R<row>-S<slot>` (`R2-R1-S05`). The rack part is a rack's name.
 */
export type Location = { rack: string; row: number | null; slot: number };
const LOCATION = /^(.+?)[-_ ](?:r(\d{1,2})[-_ ]?)?s(\d{1,4})$/i;

export function parseLocation(text: string): Location | null {
  const m = LOCATION.exec(text.trim());
  if (!m?.[1] || !m[3]) return null;
  const slot = Number(m[3]);
  const row = m[2] === undefined ? null : Number(m[2]);
  if (slot < 1 || (row !== null && row < 1)) return null;
  return { rack: m[1].trim(), row, slot };
}

export function resolveLocation(loc: Location, racks: readonly MapRack[]): SlotRef | null {
  const rack = racks.find((r) => fold(r.name) === fold(loc.rack));
  if (!rack) return null;
  const ref =
    loc.row !== null
      ? { rackId: rack.id, row: loc.row, slot: loc.slot }
      : { rackId: rack.id, row: Math.ceil(loc.slot / rack.slots), slot: ((loc.slot - 1) % rack.slots) + 1 };
  return inRack(rack, ref) ? ref : null;
}

/**
 * Places unplaced rigs where their labels (first) or name say. A rig whose slot is taken, or whose slot another
 * rig named first, stays unplaced: the technician decides, never a silent overwrite.
 */
export function placementsFromNames(
  layout: MapLayout,
  rigs: readonly { id: string; name: string; labels: readonly string[] }[],
): PlacedFromName[] {
  const placed = new Set(layout.placements.map((p) => p.rigId));
  const taken = new Set(layout.placements.map(slotKey));
  const out: PlacedFromName[] = [];
  for (const rig of rigs) {
    if (placed.has(rig.id)) continue;
    for (const text of [...rig.labels, rig.name]) {
      const loc = parseLocation(text);
      const ref = loc && resolveLocation(loc, layout.racks);
      if (!ref) continue;
      if (!taken.has(slotKey(ref))) {
        taken.add(slotKey(ref));
        out.push({ ...ref, rigId: rig.id, from: text });
      }
      break;
    }
  }
  return out;
}

/** Everything wrong with a whole layout (an imported file): empty when it holds together. */
export function layoutProblems(layout: MapLayout): string[] {
  const problems: string[] = [];
  const dup = <T>(items: readonly T[], key: (t: T) => string, what: (t: T) => string) => {
    const seen = new Set<string>();
    for (const t of items) {
      const k = key(t);
      if (seen.has(k)) problems.push(what(t));
      seen.add(k);
    }
  };
  dup(
    layout.rooms,
    (r) => r.id,
    (r) => `Room id ${r.id} appears twice.`,
  );
  dup(
    layout.rooms,
    (r) => fold(r.name),
    (r) => `Two rooms are named ${r.name}.`,
  );
  dup(
    layout.racks,
    (r) => r.id,
    (r) => `Rack id ${r.id} appears twice.`,
  );
  dup(
    layout.racks,
    (r) => fold(r.name),
    (r) => `Two racks are named ${r.name}.`,
  );
  const rooms = new Set(layout.rooms.map((r) => r.id));
  const racks = new Map(layout.racks.map((r) => [r.id, r]));
  for (const r of layout.racks)
    if (!rooms.has(r.roomId)) problems.push(`Rack ${r.name} is in a room the file does not have.`);
  for (const p of layout.placements) {
    const rack = racks.get(p.rackId);
    if (!rack) problems.push(`A rig is placed in rack ${p.rackId}, which the file does not have.`);
    else if (!inRack(rack, p))
      problems.push(`${slotLabel(rack, p)} is outside the rack (${rack.rows} × ${rack.slots}).`);
  }
  const name = (p: Placement) => {
    const rack = racks.get(p.rackId);
    return rack ? slotLabel(rack, p) : `${p.rackId} row ${p.row} slot ${p.slot}`;
  };
  dup(layout.placements, slotKey, (p) => `${name(p)} holds two rigs.`);
  dup(
    layout.placements,
    (p) => p.rigId,
    (p) => `A rig is placed twice (again at ${name(p)}).`,
  );
  return problems;
}

/** The layout as an export file: each rig named by id, serial, MAC and name, so another installation finds it. */
export function layoutToFile(layout: MapLayout, rigs: readonly RigIdentity[], now: number): MapFile {
  const byId = new Map(rigs.map((r) => [r.id, r]));
  return {
    format: MAP_FILE_FORMAT,
    version: MAP_FILE_VERSION,
    exportedAt: now,
    rooms: layout.rooms,
    racks: layout.racks,
    placements: layout.placements.map(({ rigId, rackId, row, slot }) => {
      const r = byId.get(rigId);
      return {
        rackId,
        row,
        slot,
        rig: { id: rigId, serial: r?.serial ?? null, mac: r?.mac ?? null, name: r?.name ?? null },
      };
    }),
  };
}

/** A file's layout in this fleet's rigs: each found by id, else serial, else MAC, else name; the rest skipped. */
export function fileToLayout(
  file: MapFile,
  rigs: readonly RigIdentity[],
): { layout: MapLayout; skipped: string[] } {
  const byId = new Map(rigs.map((r) => [r.id, r]));
  const by = (key: (r: RigIdentity) => string | null) => {
    const m = new Map<string, RigIdentity>();
    for (const r of rigs) {
      const k = key(r);
      if (k) m.set(fold(k), r);
    }
    return m;
  };
  const bySerial = by((r) => r.serial);
  const byMac = by((r) => r.mac);
  const byName = by((r) => r.name);
  const placements: Placement[] = [];
  const skipped: string[] = [];
  for (const p of file.placements) {
    const { id, serial, mac, name } = p.rig;
    const rig =
      (id ? byId.get(id) : undefined) ??
      (serial ? bySerial.get(fold(serial)) : undefined) ??
      (mac ? byMac.get(fold(mac)) : undefined) ??
      (name ? byName.get(fold(name)) : undefined);
    if (rig) placements.push({ rackId: p.rackId, row: p.row, slot: p.slot, rigId: rig.id });
    else skipped.push(name ?? serial ?? mac ?? id ?? 'a rig with no name');
  }
  return { layout: { rooms: file.rooms, racks: file.racks, placements }, skipped };
}
