/**
 * One fuzz family: an arbitrary of payloads (generated from what the parser's source sends, then mutated) and
 * an oracle that runs the real parse path on one payload. The oracle returns 'valid' when the path produced a
 * value that passed its zod schema, 'typed_error' when it refused with the error type its callers expect, and
 * throws for anything else (an uncaught error, or a result that fails its schema). The vitest run and the full
 * `npm run fuzz` run share these families; only the number of payloads differs.
 */
import fc from 'fast-check';

export type Outcome = 'valid' | 'typed_error';

export type Family<T> = {
  name: string;
  about: string;
  arb: fc.Arbitrary<T>;
  check(input: T): Outcome | Promise<Outcome>;
};

/** A family with its payload type erased, for lists of families. */
export type AnyFamily = {
  name: string;
  about: string;
  sample(count: number, seed: number): unknown[];
  check(input: unknown): Promise<Outcome>;
  /** A fast-check property over the family, for vitest (shrinks a failing payload). */
  property(): fc.IAsyncProperty<[unknown]>;
};

/** Thrown by an oracle when a parse path returned something its schema refuses. */
export class OracleViolation extends Error {
  override name = 'OracleViolation';
}

export function erase<T>(family: Family<T>): AnyFamily {
  const arb: fc.Arbitrary<unknown> = family.arb;
  const check = async (input: unknown): Promise<Outcome> => family.check(input as T);
  return {
    name: family.name,
    about: family.about,
    sample: (count, seed) => fc.sample(arb, { numRuns: count, seed }),
    check,
    property: () =>
      fc.asyncProperty(arb, async (input) => {
        const outcome = await check(input);
        return outcome === 'valid' || outcome === 'typed_error';
      }),
  };
}

export type FamilyCounts = {
  family: string;
  payloads: number;
  valid: number;
  typedErrors: number;
  uncaught: number;
  /** The first few payloads that broke the oracle, JSON-encoded and cut short, to reproduce by hand. */
  examples: string[];
};

/** Runs `total` payloads of a family in batches (fc.sample keeps no more than one batch in memory). */
export async function runFamily(family: AnyFamily, total: number, seed: number): Promise<FamilyCounts> {
  const counts: FamilyCounts = {
    family: family.name,
    payloads: 0,
    valid: 0,
    typedErrors: 0,
    uncaught: 0,
    examples: [],
  };
  const batch = 1000;
  for (let done = 0, round = 0; done < total; done += batch, round++) {
    const inputs = family.sample(Math.min(batch, total - done), seed + round);
    for (const input of inputs) {
      counts.payloads++;
      try {
        const outcome = await family.check(input);
        if (outcome === 'valid') counts.valid++;
        else counts.typedErrors++;
      } catch (err) {
        counts.uncaught++;
        if (counts.examples.length < 5) counts.examples.push(describe(input, err));
      }
    }
  }
  return counts;
}

function describe(input: unknown, err: unknown): string {
  const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  let text: string;
  try {
    text = JSON.stringify(input, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)) ?? 'undefined';
  } catch {
    text = String(input);
  }
  return `${why.slice(0, 300)} ← ${text.slice(0, 500)}`;
}
