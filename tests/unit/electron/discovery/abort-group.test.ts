// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { type Abortable, unwatch, watch } from '../../../../electron/discovery/abort-group';

describe('abort groups', () => {
  it('reaches every operation still watching when the signal aborts, each once', () => {
    const c = new AbortController();
    const calls: string[] = [];
    const op = (name: string): Abortable => ({ handleEvent: () => calls.push(name) });
    const a = op('a');
    const b = op('b');
    const gone = op('gone');
    watch(c.signal, a);
    watch(c.signal, gone);
    watch(c.signal, b);
    unwatch(c.signal, gone);
    c.abort();
    c.abort();
    expect(calls.sort()).toEqual(['a', 'b']);
  });

  it('lets an operation unwatch itself, or another, while the abort is being delivered', () => {
    const c = new AbortController();
    const calls: string[] = [];
    const second: Abortable = { handleEvent: () => calls.push('second') };
    const first: Abortable = {
      handleEvent: () => {
        calls.push('first');
        unwatch(c.signal, first);
        unwatch(c.signal, second);
      },
    };
    watch(c.signal, first);
    watch(c.signal, second);
    c.abort();
    expect(calls).toEqual(['first']);
  });
});
