/**
 * CGMiner/BMMiner RPC over TCP (port 4028 on a real miner), docs/vnish.md §5 "Framing": connect, write one
 * JSON request, read one reply that usually ends in NUL, the server closes. Every call has a deadline
 * covering connect + reply, honours an AbortSignal and bounds the reply size, so a scan over thousands
 * of addresses can neither hang nor be flooded.
 *
 * Stable API (discovery imports it): rpcCommandRaw → repaired text, rpcCommand → parsed JSON.
 */
import { Socket } from 'node:net';
import { MinerError, fromSocketError } from '../errors';
import { parseRepaired, repairJson } from './repair';

export type RpcOptions = {
  /** Deadline for the whole exchange (connect, send, reply). Default 5000 ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** cgminer's optional "parameter" (e.g. a pool id). */
  parameter?: string;
  /** Replies larger than this are refused as bad_reply. Default 1 MiB: a real `stats` is a few KiB. */
  maxBytes?: number;
};

export const RPC_DEFAULT_PORT = 4028;
const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * A reply is done at NUL when what precedes it is already whole JSON (some builds keep the socket open): its
 * repaired text then, so the caller does not repair it again; null while it is not done.
 */
function repairedAtNul(chunks: Buffer[]): string | null {
  const last = chunks[chunks.length - 1];
  if (last === undefined || last.length === 0 || last[last.length - 1] !== 0) return null;
  const { text, truncated } = repairJson(Buffer.concat(chunks).toString('utf8'));
  return !truncated && text !== '' && parseRepaired(text) !== undefined ? text : null;
}

/** Sends one command and returns the reply text repaired, '' when the miner closed without answering. */
function exchange(host: string, port: number, command: string, options: RpcOptions): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const what = `RPC ${command} @ ${host}:${port}`;
  return new Promise<string>((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      reject(new MinerError('aborted', `${what}: aborted`));
      return;
    }
    const socket = new Socket();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;

    const finish = (error: MinerError | null, repaired: string | null = null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (error) reject(error);
      else resolve(repaired ?? repairJson(Buffer.concat(chunks).toString('utf8')).text);
    };
    const onAbort = (): void => finish(new MinerError('aborted', `${what}: aborted`));
    const timer = setTimeout(
      () => finish(new MinerError('timeout', `${what}: no complete reply within ${timeoutMs} ms`)),
      timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });

    socket.on('error', (error) => finish(fromSocketError(error, what)));
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        finish(new MinerError('bad_reply', `${what}: reply larger than ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
      const repaired = repairedAtNul(chunks);
      if (repaired !== null) finish(null, repaired);
    });
    socket.on('end', () => finish(null));
    socket.on('close', () => finish(null));
    const request: Record<string, string> = { command };
    if (options.parameter !== undefined) request.parameter = options.parameter;
    // No TCP_NODELAY (a syscall per connection): the request is one write on a fresh connection, sent at once.
    socket.connect({ host, port }, () => {
      socket.write(JSON.stringify(request));
    });
  });
}

/**
 * Sends `command` and returns the reply text after the JSON repairs (NUL stripped, `}{` fixed, …).
 * Returns '' when the miner closed without a reply (1.3.0-alpha's `version` does that). Identification
 * matches markers in this text ("VNISH" before "ANTMINER", docs/vnish.md §6).
 */
export async function rpcCommandRaw(
  host: string,
  port: number,
  command: string,
  options: RpcOptions = {},
): Promise<string> {
  return exchange(host, port, command, options);
}

/** Like rpcCommandRaw, parsed: resolves to the JSON value, rejects with MinerError('bad_reply') if none. */
export async function rpcCommand(
  host: string,
  port: number,
  command: string,
  options: RpcOptions = {},
): Promise<unknown> {
  const text = await rpcCommandRaw(host, port, command, options);
  const what = `RPC ${command} @ ${host}:${port}`;
  if (text === '') throw new MinerError('bad_reply', `${what}: empty reply`);
  const value = parseRepaired(text);
  if (value === undefined) throw new MinerError('bad_reply', `${what}: reply is not JSON even after repair`);
  return value;
}
