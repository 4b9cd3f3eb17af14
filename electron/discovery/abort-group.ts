/**
 * Thousands of short operations (probes, requests) listening to one long-lived signal, a scan's cancel: one
 * 'abort' listener per signal and a Set of what is in flight, instead of an EventTarget listener added and
 * removed per operation (which showed in the scan's CPU profile: EventTarget bookkeeping is far slower than
 * Set.add/delete).
 */

/** What a signal's abort reaches; the same shape as an EventTarget listener object. */
export type Abortable = { handleEvent(): void };

const groups = new WeakMap<AbortSignal, Set<Abortable>>();

/** `op.handleEvent()` runs when `signal` aborts, unless `unwatch` came first. The signal must not be aborted yet. */
export function watch(signal: AbortSignal, op: Abortable): void {
  let group = groups.get(signal);
  if (group === undefined) {
    const members = new Set<Abortable>();
    group = members;
    groups.set(signal, members);
    signal.addEventListener(
      'abort',
      () => {
        // Ops unwatch themselves (or others) as they finish: iterate over a copy, skip who left meanwhile.
        for (const op of [...members]) if (members.has(op)) op.handleEvent();
        members.clear();
      },
      { once: true },
    );
  }
  group.add(op);
}

export function unwatch(signal: AbortSignal, op: Abortable): void {
  groups.get(signal)?.delete(op);
}
