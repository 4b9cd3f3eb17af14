/**
 * One HTTP exchange with a miner over a keep-alive agent: a deadline on every request (connect,
 * headers and body together), an AbortSignal, a bounded body size, and errors as MinerError.
 * A request that dies because the miner closed an idle kept-alive socket is retried once on a fresh
 * one (Node's documented `reusedSocket` pattern), so keep-alive never costs a failed poll.
 */
import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { MinerError, fromSocketError } from '../errors';
import { type HttpReply } from './reply';

export type MinerAgentOptions = {
  /** Concurrent sockets per miner. Vnish's web server is small: a few are plenty. */
  maxSocketsPerHost?: number;
  /** Idle sockets kept per miner. A regular poll is one request, so one is reused; the rest close at once. */
  maxFreeSocketsPerHost?: number;
  /** Idle sockets are closed after this long (the sim closes after 5 s; firmware likely similar, GAP). */
  idleTimeoutMs?: number;
};

/**
 * No total socket cap: the callers bound what is in flight (the collector's concurrency), and idle sockets
 * are bounded by one per miner and the idle timeout. A total cap on Node's agent is worse than none for a
 * fleet larger than the cap: a request to a new miner then waits for another miner's idle socket to time
 * out, and every poll pays a fresh connection (measured in the collector bench: 2x the CPU per poll).
 */
export function createMinerAgent(options: MinerAgentOptions = {}): Agent {
  return new Agent({
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets: options.maxSocketsPerHost ?? 4,
    maxFreeSockets: options.maxFreeSocketsPerHost ?? 1,
    timeout: options.idleTimeoutMs ?? 4000,
    scheduling: 'lifo',
  });
}

let sharedAgent: Agent | null = null;

/** The process-wide agent used when a client is not given one. */
export function defaultMinerAgent(): Agent {
  sharedAgent ??= createMinerAgent();
  return sharedAgent;
}

export type HttpOptions = {
  agent: Agent;
  host: string;
  port: number;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  maxBytes: number;
};

function once(options: HttpOptions, what: string): Promise<HttpReply | 'retry'> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      reject(new MinerError('aborted', `${what}: aborted`));
      return;
    }
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(Buffer.byteLength(options.body));
    } else if (options.method !== 'GET') {
      // A bodiless POST would otherwise go out chunked, which small embedded servers handle badly.
      headers['content-length'] = '0';
    }
    let settled = false;
    let gotResponse = false;
    const req = httpRequest({
      agent: options.agent,
      host: options.host,
      port: options.port,
      method: options.method,
      path: options.path,
      headers,
    });
    const finish = (result: HttpReply | 'retry' | MinerError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (result instanceof MinerError) {
        req.destroy();
        reject(result);
      } else resolve(result);
    };
    const onAbort = (): void => finish(new MinerError('aborted', `${what}: aborted`));
    const timer = setTimeout(
      () => finish(new MinerError('timeout', `${what}: no reply within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('error', (error) => {
      const code = typeof error === 'object' && 'code' in error ? String(error.code) : '';
      if (req.reusedSocket && !gotResponse && (code === 'ECONNRESET' || code === 'EPIPE')) finish('retry');
      else finish(fromSocketError(error, what));
    });
    req.on('response', (res: IncomingMessage) => {
      gotResponse = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          finish(new MinerError('bad_reply', `${what}: reply larger than ${options.maxBytes} bytes`));
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const type = res.headers['content-type'];
        finish({ status: res.statusCode ?? 0, contentType: type ?? null, body: Buffer.concat(chunks) });
      });
      res.on('close', () => {
        if (!res.complete) finish(new MinerError('unreachable', `${what}: connection closed mid-reply`));
      });
      res.on('error', (error) => finish(fromSocketError(error, what)));
    });
    req.end(options.body);
  });
}

export async function httpExchange(options: HttpOptions): Promise<HttpReply> {
  const what = `${options.method} ${options.path} @ ${options.host}:${options.port}`;
  const deadline = Date.now() + options.timeoutMs;
  const first = await once(options, what);
  if (first !== 'retry') return first;
  // The retry shares the original deadline: one request, one timeout.
  const second = await once({ ...options, timeoutMs: Math.max(1, deadline - Date.now()) }, what);
  if (second !== 'retry') return second;
  throw new MinerError('unreachable', `${what}: connection reset`);
}
