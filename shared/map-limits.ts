/**
 * A rack's size limits, without zod: the Map page's rack form shows them, and the page must not wait for the
 * contract's schemas to draw the map (ui_map_first_paint_ms). `map.ts` re-exports these beside its schemas.
 */
export const MAX_RACK_ROWS = 40;
export const MAX_RACK_SLOTS = 60;
export const MAX_MAP_NAME = 32;
