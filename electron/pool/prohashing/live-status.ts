/** The live client's status: what its owner and the UI see, told to the owner on every change. */
import { type LiveState } from '../../../shared/pool';
import { type Clock } from '../../clock';
import { type PoolError } from './errors';

export type LiveStatus = {
  state: LiveState;
  since: number;
  lastSyncAt: number | null;
  reconnects: number;
  nextRetryAt: number | null;
  lastError: PoolError | null;
  lastErrorAt: number | null;
};

export function createLiveStatus(clock: Clock, onStatus: (status: LiveStatus) => void) {
  let status: LiveStatus = {
    state: 'idle',
    since: clock.now(),
    lastSyncAt: null,
    reconnects: 0,
    nextRetryAt: null,
    lastError: null,
    lastErrorAt: null,
  };
  const set = (patch: Partial<LiveStatus>): void => {
    status = { ...status, ...patch };
    onStatus(status);
  };
  return {
    get: (): LiveStatus => status,
    set,
    /** A new connection state, since now. */
    state: (state: LiveState, patch: Partial<LiveStatus> = {}): void =>
      set({ state, since: clock.now(), ...patch }),
    /** The connection failed: a retry is due in `delayMs`. */
    reconnecting: (error: PoolError, delayMs: number): void =>
      set({
        state: 'reconnecting',
        since: clock.now(),
        lastError: error,
        lastErrorAt: clock.now(),
        nextRetryAt: clock.now() + delayMs,
        reconnects: status.reconnects + 1,
      }),
  };
}
