/**
 * Stage one of a scan: does anything accept a TCP connection on this port? An open port's connection is
 * reset as soon as the handshake completes, as nmap's connect scan does (SO_LINGER 0): the device frees it
 * at once, with no FIN exchange or TIME_WAIT on either side. Unless the caller takes it (`hold`):
 * identification then sends its first request over it instead of connecting again. A silent address costs
 * exactly `timeoutMs` before its socket is destroyed, so in-flight sockets stay bounded by the scanner's slots.
 */
import { Socket } from 'node:net';

import { type Abortable, unwatch, watch } from './abort-group';
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

/**
 * One probe. A class, not closures: a /16 is 131,072 of these, and per-probe closures showed in the scan's
 * CPU profile. It is its own AbortSignal listener (handleEvent) and its timer's argument.
 */
class PortProbe implements Abortable {
  private settled = false;
  private readonly socket = new Socket();
  private readonly timer: NodeJS.Timeout;
  // Bound methods, not arrow fields: tsx's keepNames gives every arrow a defineProperty per probe.
  private readonly onConnect: () => void;
  private readonly onError: () => void;

  constructor(
    host: string,
    port: number,
    timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
    private readonly hold: ((socket: Socket) => void) | undefined,
    private readonly resolve: (state: PortState) => void,
  ) {
    this.onConnect = this.finish.bind(this, 'open');
    this.onError = this.finish.bind(this, 'closed');
    this.timer = setTimeout(probeTimedOut, timeoutMs, this);
    if (signal) watch(signal, this);
    this.socket.once('connect', this.onConnect);
    this.socket.once('error', this.onError);
    this.socket.connect({ host, port });
  }

  /** The scan was cancelled. */
  handleEvent(): void {
    this.finish('timeout');
  }

  finish(state: PortState): void {
    if (this.settled) return;
    this.settled = true;
    const { socket } = this;
    clearTimeout(this.timer);
    if (this.signal) unwatch(this.signal, this);
    socket.off('connect', this.onConnect);
    socket.off('error', this.onError);
    if (state === 'open' && this.hold) {
      socket.on('error', quiet);
      this.hold(socket);
    } else if (state === 'open') socket.resetAndDestroy();
    else socket.destroy();
    this.resolve(state);
  }
}

function probeTimedOut(p: PortProbe): void {
  p.finish('timeout');
}

export const tcpProbe: TcpProbe = (host, port, timeoutMs, signal, hold) =>
  signal?.aborted
    ? Promise.resolve('timeout')
    : new Promise<PortState>((resolve) => new PortProbe(host, port, timeoutMs, signal, hold, resolve));
