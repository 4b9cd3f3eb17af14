import type { EventName, EventPayload, MethodName, Req, Res } from '../../shared/contract';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'login';

export type ClientStatus = {
  status: ConnectionStatus;
  /** Why the last login failed, shown on the login form. */
  loginError?: string;
};

/** The renderer's only way to reach the core, whichever face it runs in. */
export type Client = {
  call<K extends MethodName>(
    method: K,
    ...req: undefined extends Req<K> ? [req?: Req<K>] : [req: Req<K>]
  ): Promise<Res<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  onStatus(listener: (status: ClientStatus) => void): () => void;
  login(password: string): Promise<void>;
  logout(): void;
};
