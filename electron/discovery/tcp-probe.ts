/**
 * Stage one of a scan: does anything accept a TCP connection on this port? The socket is closed as soon
 * as the handshake completes, unless the caller takes it (`hold`: identification then sends its first
 * request over it instead of connecting again). A silent address costs exactly `timeoutMs` before its
 * socket is destroyed, so in-flight sockets stay bounded by the scanner's slots.
 */
import { Socket } from 'node:net';

import { quiet } from './http-get';

/** open: handshake completed; closed: refused or unreachable; timeout: nothing within the deadline (or cancelled). */
export type PortState = 'open' | 'closed' | 'timeout';

export type TcpProbe = (
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
  /** Takes the connected socket of an open port (it then has a no-op 'error' listener and no others). */
  hold?: (socket: Socket) => void,
) => Promise<PortState>;

export const tcpProbe: TcpProbe = (host, port, timeoutMs, signal, hold) =>
  new Promise<PortState>((resolve) => {
    if (signal?.aborted) {
      resolve('timeout');
      return;
    }
    const socket = new Socket();
    let settled = false;
    const finish = (state: PortState): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('connect', onConnect);
      socket.off('error', onError);
      if (state === 'open' && hold) {
        socket.on('error', quiet);
        hold(socket);
      } else socket.destroy();
      resolve(state);
    };
    const onAbort = (): void => finish('timeout');
    const onConnect = (): void => finish('open');
    const onError = (): void => finish('closed');
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', onConnect);
    socket.once('error', onError);
    if (hold) socket.setNoDelay(true);
    socket.connect({ host, port });
  });
