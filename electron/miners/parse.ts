/**
 * The parse boundary shared by the Vnish and cgminer connectors: raw JSON in, a typed value or a
 * MinerError out. Pure, and total: whatever the input, the result is a value, never a throw.
 */
import { type z } from 'zod';
import { MinerError } from './errors';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: MinerError };

export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function fail<T>(error: MinerError): Parsed<T> {
  return { ok: false, error };
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'unexpected shape';
  const path = first.path.map(String).join('.');
  return path === '' ? first.message : `${path}: ${first.message}`;
}

/** Validates an already-decoded JSON value. A shape the schema cannot accept becomes bad_reply. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): Parsed<z.output<S>> {
  try {
    const result = schema.safeParse(value);
    if (result.success) return ok(result.data);
    return fail(new MinerError('bad_reply', `${what}: ${describeIssues(result.error)}`));
  } catch (cause) {
    // zod does not throw from safeParse and our transforms are total; this is the belt to those braces.
    return fail(new MinerError('bad_reply', `${what}: could not be parsed`, { cause }));
  }
}

/** Unwraps a Parsed for code paths that report failures by rejecting (the network clients). */
export function unwrap<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value;
  throw parsed.error;
}
