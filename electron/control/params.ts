import { z } from 'zod';

const paramsSchema = z.record(z.string(), z.unknown());

/** A command's parameters as stored (JSON of an object); a damaged cell reads as no parameters, not a crash. */
export function paramsOf(text: string): Record<string, unknown> {
  try {
    return paramsSchema.catch({}).parse(JSON.parse(text));
  } catch {
    return {};
  }
}
