import { type EventName, type EventPayload, events } from '../../shared/contract';

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;
export type EventBus = {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  subscribe(listener: EventListener): () => void;
};

/** Typed fan-out from services to transports. Payloads are checked against the contract so no host sends junk. */
export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const checked = events[name].parse(payload) as EventPayload<typeof name>;
      for (const listener of listeners) listener(name, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
