import type { EventName, MethodName } from '../../shared/contract';
import { type Bridge, splitName } from '../../shared/bridge';
import { RpcError, type RpcResult } from '../../shared/rpc-error';
import type { Client } from './types';

type AnyFn = (arg?: unknown) => Promise<RpcResult<unknown>>;
type AnySub = (listener: (payload: unknown) => void) => () => void;

/** The desktop face: `window.rigdeck` from the preload. The process is local, so it is always connected. */
export function createBridgeClient(bridge: Bridge): Client {
  const lookup = (name: MethodName): AnyFn => {
    const [domain, action] = splitName(name);
    return (bridge as unknown as Record<string, Record<string, AnyFn>>)[domain]?.[action] as AnyFn;
  };
  return {
    async call(method, ...args) {
      const result = await lookup(method)(args[0]);
      if (!result.ok) throw new RpcError(result.error);
      // Typed by the contract in the core that produced it (see socket.ts): not parsed again here.
      return result.value as never;
    },
    on(event: EventName, listener) {
      const [domain, action] = splitName(event);
      const sub = (bridge.events as unknown as Record<string, Record<string, AnySub>>)[domain]?.[
        action
      ] as AnySub;
      return sub(listener as (payload: unknown) => void);
    },
    onStatus(listener) {
      listener({ status: 'connected' });
      return () => undefined;
    },
    async login() {
      // The desktop app has no login: the OS account is the boundary.
    },
    logout() {},
  };
}
