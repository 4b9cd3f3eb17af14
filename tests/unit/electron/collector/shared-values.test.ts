// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { createSharer } from '../../../../electron/collector/shared-values';

describe('createSharer', () => {
  it('returns the first copy of a value for every later equal one, and a different value as itself', () => {
    const share = createSharer<Array<{ name: string; watts: number }>>();
    const first = [{ name: '3425', watts: 3425 }];
    const equal = [{ name: '3425', watts: 3425 }];
    const other = [{ name: '3700', watts: 3700 }];
    expect(share(first)).toBe(first);
    expect(share(equal)).toBe(first);
    expect(share(other)).toBe(other);
    expect(share(null)).toBeNull();
  });

  it('forgets what it knew once it holds its limit, and still answers with an equal value', () => {
    const share = createSharer<{ n: number }>(2);
    const a = { n: 1 };
    share(a);
    share({ n: 2 });
    share({ n: 3 }); // the third distinct value starts over
    const again = { n: 1 };
    expect(share(again)).toBe(again);
    expect(share({ n: 1 })).toBe(again);
  });
});
