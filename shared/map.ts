/**
 * The farm's map as the UI sees it: rooms hold racks, a rack is rows × slots (numbered from 1, row 1 at the
 * top, slot 1 at the left), and a placement puts one rig in one slot. A rig is in at most one slot and a slot
 * holds at most one rig; the core enforces both (map-rules.ts decides, the database keeps them).
 */
import { z } from 'zod';

import { MAX_MAP_NAME, MAX_RACK_ROWS, MAX_RACK_SLOTS } from './map-limits';

export { MAX_MAP_NAME, MAX_RACK_ROWS, MAX_RACK_SLOTS } from './map-limits';

const id = z.string().min(1).max(64);
const mapName = z
  .string()
  .trim()
  .min(1, 'A name cannot be empty.')
  .max(MAX_MAP_NAME, `A name has at most ${MAX_MAP_NAME} characters.`);
const rowsSchema = z
  .number()
  .int('Rows are a whole number.')
  .min(1, 'A rack has at least 1 row.')
  .max(MAX_RACK_ROWS, `A rack has at most ${MAX_RACK_ROWS} rows.`);
const slotsSchema = z
  .number()
  .int('Slots are a whole number.')
  .min(1, 'A row has at least 1 slot.')
  .max(MAX_RACK_SLOTS, `A row has at most ${MAX_RACK_SLOTS} slots.`);
const position = z.number().int().min(1);

export const mapRoomSchema = z.object({ id, name: mapName });
export type MapRoom = z.infer<typeof mapRoomSchema>;

export const mapRackSchema = z.object({
  id,
  roomId: id,
  name: mapName,
  rows: rowsSchema,
  slots: slotsSchema,
});
export type MapRack = z.infer<typeof mapRackSchema>;

export const slotRefSchema = z.object({ rackId: id, row: position, slot: position });
export type SlotRef = z.infer<typeof slotRefSchema>;

export const placementSchema = slotRefSchema.extend({ rigId: id });
export type Placement = z.infer<typeof placementSchema>;

/** The whole layout: small (a rig is four short fields), so it travels whole and map.changed resends it. */
export const mapLayoutSchema = z.object({
  rooms: z.array(mapRoomSchema),
  racks: z.array(mapRackSchema),
  placements: z.array(placementSchema),
});
export type MapLayout = z.infer<typeof mapLayoutSchema>;

export const saveRoomSchema = z.object({ id: id.nullable().default(null), name: mapName }).strict();
export const saveRackSchema = z
  .object({
    id: id.nullable().default(null),
    roomId: id,
    name: mapName,
    rows: rowsSchema,
    slots: slotsSchema,
  })
  .strict();
export type SaveRack = z.infer<typeof saveRackSchema>;

export const placeRequestSchema = placementSchema.strict();

/** Where a placement from names came from, so the UI can say "placed from its label". */
export const placedFromNameSchema = placementSchema.extend({ from: z.string() });
export type PlacedFromName = z.infer<typeof placedFromNameSchema>;

export const MAP_FILE_FORMAT = 'rigdeck-map';
export const MAP_FILE_VERSION = 1;

/**
 * The export file. Rigs carry serial, MAC and name beside their id so a layout moves to another installation:
 * import finds each rig by id, else serial, else MAC, else name.
 */
export const mapFileSchema = z
  .object({
    format: z.literal(MAP_FILE_FORMAT, {
      error: `Not a RigDeck map file (format must be "${MAP_FILE_FORMAT}").`,
    }),
    version: z.literal(MAP_FILE_VERSION, {
      error: `Only version ${MAP_FILE_VERSION} map files can be read.`,
    }),
    exportedAt: z.number().int().optional(),
    rooms: z.array(mapRoomSchema).max(200),
    racks: z.array(mapRackSchema).max(2_000),
    placements: z
      .array(
        slotRefSchema.extend({
          rig: z.object({
            id: id.nullable(),
            serial: z.string().max(128).nullable(),
            mac: z.string().max(64).nullable(),
            name: z.string().max(128).nullable(),
          }),
        }),
      )
      .max(50_000),
  })
  .strict();
export type MapFile = z.infer<typeof mapFileSchema>;

export const importResultSchema = z.object({
  layout: mapLayoutSchema,
  placed: z.number().int(),
  /** Rigs in the file that this fleet does not have (their slots stay empty). */
  skipped: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;
