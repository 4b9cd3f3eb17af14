// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { HEAP_GROWING_PERCENT, heapFlags, tuneHeapForPolling } from '../../../electron/heap-tuning';

describe('heap tuning for a polling process', () => {
  it('sets the old generation growth V8 reads at each full collection', () => {
    const set: string[] = [];
    tuneHeapForPolling((flags) => set.push(flags));
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it('never asks for no growth at all', () => {
    expect(heapFlags(0)).toBe('--heap-growing-percent=1');
    expect(heapFlags(62.4)).toBe('--heap-growing-percent=62');
  });
});
