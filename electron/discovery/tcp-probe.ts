/**
 * Stage one of a scan: does anything accept a TCP connection on this port? The socket is closed as soon
 * as the handshake completes (identification opens its own), and a silent address costs exactly
 * `timeoutMs` before its socket is destroyed, so in-flight sockets stay bounded by the scanner's slots.
 */
import { Socket } from 'node:net';

/** open: handshake completed; closed: refused or unreachable; timeout: nothing within the deadline (or cancelled). */
export type PortState = 'open' | 'closed' | 'timeout';

export type TcpProbe = (
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
) => Promise<PortState>;

export const tcpProbe: TcpProbe = (host, port, timeoutMs, signal) =>
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
      socket.destroy();
      resolve(state);
    };
    const onAbort = (): void => finish('timeout');
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish('open'));
    socket.once('error', () => finish('closed'));
    socket.connect({ host, port });
  });
