import { type EventName, type EventPayload, events } from '../../shared/contract';

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;
export type EventBus = {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  /** A face (a browser, the desktop window): hears every event, each payload checked against the contract. */
  subscribe(listener: EventListener): () => void;
  /**
   * A part of the core itself (the map noticing removed rigs): hears one event, as emitted. What stays in the
   * process is typed by the compiler, so it is not checked; only what a face receives is.
   */
  watch<K extends EventName>(name: K, watcher: (payload: EventPayload<K>) => void): () => void;
  /** Whether anyone hears `name` (any event when not given): a payload costly to build need not be built for nobody. */
  listening(name?: EventName): boolean;
};

type Watcher = (payload: never) => void;

/**
 * Typed fan-out from services to transports. Payloads are checked against the contract so no host sends junk;
 * with no face listening nothing is checked (a fleet or pool change can carry a thousand rigs, and the headless
 * server with no browser open still emits one per cycle, which the map watches for removed rigs).
 */
export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  const watchers = new Map<EventName, Set<Watcher>>();
  return {
    emit(name, payload) {
      const own = watchers.get(name);
      if (listeners.size === 0 && own === undefined) return;
      const checked =
        listeners.size === 0 ? payload : (events[name].parse(payload) as EventPayload<typeof name>);
      if (own !== undefined) for (const w of own) (w as (p: EventPayload<typeof name>) => void)(checked);
      for (const listener of listeners) listener(name, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    watch(name, watcher) {
      const own = watchers.get(name) ?? new Set<Watcher>();
      watchers.set(name, own);
      own.add(watcher as Watcher);
      return () => {
        own.delete(watcher as Watcher);
        if (own.size === 0 && watchers.get(name) === own) watchers.delete(name);
      };
    },
    listening: (name) => listeners.size > 0 || (name === undefined ? watchers.size > 0 : watchers.has(name)),
  };
}
