/**
 * The shape of `window.rigdeck`, derived from the contract: `rigdeck.settings.update(patch)` for method
 * `settings.update`, and `rigdeck.events.settings.changed(listener)` returning an unsubscribe function.
 * Results arrive as an RpcResult envelope because Electron drops everything but `message` from a thrown error.
 */
import type { RpcResult } from './errors';
import type { EventName, EventPayload, MethodName, Req, Res } from './contract';

type Domain<K extends string> = K extends `${infer D}.${string}` ? D : never;
type Action<K extends string, D extends string> = K extends `${D}.${infer A}` ? A : never;

type BridgeFn<K extends MethodName> =
  undefined extends Req<K>
    ? (req?: Req<K>) => Promise<RpcResult<Res<K>>>
    : (req: Req<K>) => Promise<RpcResult<Res<K>>>;

export type BridgeMethods = {
  [D in Domain<MethodName>]: { [K in MethodName as Action<K, D>]: BridgeFn<K> };
};

export type Unsubscribe = () => void;
export type BridgeEvents = {
  [D in Domain<EventName>]: {
    [K in EventName as Action<K, D>]: (listener: (payload: EventPayload<K>) => void) => Unsubscribe;
  };
};

export type Bridge = BridgeMethods & { events: BridgeEvents };

/** Splits `domain.action` names; the preload and the tests build the nested bridge with it. */
export function splitName(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}
