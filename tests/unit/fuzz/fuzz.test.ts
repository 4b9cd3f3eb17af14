// @vitest-environment node
// The fuzz families at a reduced count (npm run fuzz runs 100,000 per family): every generated or mutated
// payload must end as a schema-valid value or a typed error. fast-check shrinks a failure to a small payload.
import fc from 'fast-check';
import { describe, it } from 'vitest';

import { allFamilies } from '../../fuzz/families';

const RUNS = 2000;

describe('fuzz', () => {
  for (const family of allFamilies()) {
    it(`${family.name}: ${RUNS} payloads end valid or as a typed error`, async () => {
      await fc.assert(family.property(), { numRuns: RUNS });
    });
  }
});
