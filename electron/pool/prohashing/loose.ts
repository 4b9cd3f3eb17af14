/**
 * Defensive field parsers for ProHashing payloads. Real replies carry numbers as numeric strings
 * ("0.01230000") and nulls where a number is expected (docs/prohashing.md §2.1); one odd field must not throw
 * away a whole reply, so a value we cannot read becomes null instead of failing the parse. (Plain functions,
 * not zod: a zod transform makes every key mandatory, and a missing field must read as null.)
 */
import { toNumber } from '../../../shared/numeric';

/** number | numeric string → finite number; anything else (null, "", "n/a", NaN) → null (the miners' reading). */
export const looseNumber = toNumber;

/** true/false, "true"/"false", 1/0 → boolean; anything else → null. */
export function looseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 'true') return true;
  if (value === 0 || value === '0' || value === 'false') return false;
  return null;
}

/** A non-empty string (numbers are stringified: a coin key may arrive as 1); anything else → null. */
export function looseString(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A TCP port: an integer in range, else null. */
export function loosePort(value: unknown): number | null {
  const n = looseNumber(value);
  return n !== null && Number.isInteger(n) && n > 0 && n < 65536 ? n : null;
}

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
