import { type EventName, type EventPayload, events } from '../../shared/contract';

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;
export type EventBus = {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  subscribe(listener: EventListener): () => void;
  /** Whether anyone listens: a payload that is costly to build need not be built for nobody. */
  listening(): boolean;
};

/**
 * Typed fan-out from services to transports. Payloads are checked against the contract so no host sends junk;
 * with nobody listening nothing is sent, so nothing is checked (a fleet or pool change can carry a thousand
 * rigs, and the headless server with no browser open still emits one per cycle).
 */
export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      if (listeners.size === 0) return;
      const checked = events[name].parse(payload) as EventPayload<typeof name>;
      for (const listener of listeners) listener(name, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listening: () => listeners.size > 0,
  };
}
