import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { firstData } from '../../../renderer/api/first-data';
import type { ClientStatus } from '../../../renderer/api/types';

/** A store in miniature: a value and its listeners, as zustand's subscribe gives them. */
function store() {
  let value = false;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(v: boolean) {
      value = v;
      for (const l of listeners) l();
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    listeners,
  };
}

function link(initial: ClientStatus['status']) {
  const listeners = new Set<(s: ClientStatus) => void>();
  return {
    onStatus(l: (s: ClientStatus) => void) {
      listeners.add(l);
      l({ status: initial });
      return () => void listeners.delete(l);
    },
    say(status: ClientStatus['status']) {
      for (const l of listeners) l({ status });
    },
    listeners,
  };
}

const settled = (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  return async () => {
    await vi.advanceTimersByTimeAsync(0);
    return done;
  };
};

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('firstData', () => {
  it('waits for every store the page reads, then lets go of them', async () => {
    const rigs = store();
    const layout = store();
    const client = link('connecting');
    const done = settled(
      firstData(client, {
        ready: () => rigs.get() && layout.get(),
        watch: [rigs.subscribe, layout.subscribe],
        capMs: 500,
      }),
    );
    client.say('connected');
    rigs.set(true);
    expect(await done()).toBe(false);
    layout.set(true);
    expect(await done()).toBe(true);
    expect([rigs.listeners.size, layout.listeners.size, client.listeners.size]).toEqual([0, 0, 0]);
  });

  it('does not wait when the data is already in, when a login comes first, or past its cap', async () => {
    const ready = store();
    ready.set(true);
    expect(await settled(firstData(link('connected'), { ready: ready.get, watch: [], capMs: 500 }))()).toBe(
      true,
    );

    const never = () => false;
    const login = link('connecting');
    const beforeLogin = settled(firstData(login, { ready: never, watch: [], capMs: 500 }));
    expect(await beforeLogin()).toBe(false);
    login.say('login');
    expect(await beforeLogin()).toBe(true);
    expect(login.listeners.size).toBe(0);

    const slow = settled(firstData(link('connecting'), { ready: never, watch: [], capMs: 500 }));
    await vi.advanceTimersByTimeAsync(499);
    expect(await slow()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await slow()).toBe(true);
  });

  it('lets go of the link at once when it already asks for a login', async () => {
    const client = link('login');
    expect(await settled(firstData(client, { ready: () => false, watch: [], capMs: 500 }))()).toBe(true);
    expect(client.listeners.size).toBe(0);
  });
});
