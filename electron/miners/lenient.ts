/**
 * zod building blocks for what real miner firmware sends rather than what its documents promise:
 * numbers as strings ("GHS 5s":"515.179"), nulls, missing fields, "inf"/"nan", one odd field in an
 * otherwise good reply. Leaves never fail: a value that cannot be read becomes null, so one broken
 * sensor does not blank the whole rig. Only the overall shape (an object where an object must be)
 * can fail, and that becomes a typed MinerError at the parse boundary.
 *
 * Every transform here is total (never throws), which is what lets the parsers promise that no
 * exception escapes.
 */
import { z } from 'zod';

import { toNumber } from '../../shared/numeric';

// One reading of a loose number for miners and the pool alike.
export { toNumber };

export function toText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function toBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 'true' || value === 'Y' || value === 'yes') return true;
  if (value === 0 || value === 'false' || value === 'N' || value === 'no') return false;
  return null;
}

// `.optional()` before the transform: zod 4 treats a transformed key as required unless its input is
// marked optional, and a missing field must read as null, not fail the object.
export const num = z.unknown().optional().transform(toNumber);
export const text = z.unknown().optional().transform(toText);
export const bool = z.unknown().optional().transform(toBool);

/** A nested object that may be missing, null or of the wrong type: null then. */
export function obj<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape).nullable().catch(null);
}

/**
 * An array whose bad elements are dropped one by one (a reply with one garbled pool keeps the other
 * two). A missing or non-array value is an empty list.
 */
export function arr<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .optional()
    .transform((value) => keepValid(value, item));
}

/** The elements of `value` that `item` accepts, parsed; [] when `value` is not an array. */
export function keepValid<T extends z.ZodType>(value: unknown, item: T): Array<z.output<T>> {
  if (!Array.isArray(value)) return [];
  const out: Array<z.output<T>> = [];
  for (const element of value) {
    const parsed = item.safeParse(element);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** Plain-object test for raw JSON values (arrays and null excluded). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
