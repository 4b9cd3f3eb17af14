/**
 * REST client for one Vnish (AnthillOS) miner, base http://<host>/api/v1 (docs/vnish.md §2–§4).
 *
 * Auth: POST /unlock {pw} → opaque token, cached per rig (key host:port) in a store that can be shared
 * between client instances; sent as `Authorization: Bearer <token>`; on 401 the token is dropped and
 * the client unlocks once more and retries once. Concurrent calls share one unlock in flight.
 * Every call has a timeout and takes an AbortSignal; failures reject with MinerError.
 */
import { type z } from 'zod';
import { MinerError } from '../errors';
import { parseWith, unwrap } from '../parse';
import { defaultMinerAgent, httpExchange, type MinerAgent, type UploadBody } from './http';
import { interpretReply, requireJson, type HttpReply, type ReplyBody } from './reply';
import {
  infoSchema,
  modelSchema,
  factoryInfoSchema,
  type Info,
  type ModelInfo,
  type FactoryInfo,
} from './schemas-info';
import { readSummary } from './read-summary';
import { statusSchema, type Status, type Summary } from './schemas-summary';
import {
  chainChipsSchema,
  perfSummarySchema,
  presetsSchema,
  type ChainChipsItem,
  type PerfSummary,
  type PresetItem,
} from './schemas-tuning';
import { unlockSchema } from './schemas-control';
import { apiFamily, type ApiFamily } from './version';

/** Where tokens live between calls; a Map works. Shared stores let short-lived clients reuse a login. */
export type TokenStore = {
  get(key: string): string | undefined;
  set(key: string, token: string): void;
  delete(key: string): void;
};

export type VnishClientOptions = {
  host: string;
  port?: number;
  /** Vnish's default web password is "admin" (docs/vnish.md §2). */
  password?: string;
  timeoutMs?: number;
  agent?: MinerAgent;
  tokens?: TokenStore;
  /** Largest reply accepted. /boards on a 3×120-chip L7 is ~60 KB. */
  maxBytes?: number;
  /** Skip version detection (/chains vs /boards) when the caller already knows it. */
  family?: ApiFamily;
};

export type CallOptions = { signal?: AbortSignal; timeoutMs?: number };

type Auth = 'none' | 'optional' | 'required';
type Method = 'GET' | 'POST';

export const VNISH_DEFAULT_PASSWORD = 'admin';

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new MinerError('aborted', `${what}: aborted`));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new MinerError('aborted', `${what}: aborted`));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new MinerError('unreachable', String(error)));
      },
    );
  });
}
const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

export type VnishTransport = {
  readonly host: string;
  readonly port: number;
  /** Sends one call with the auth policy; resolves to the interpreted body (empty or JSON). */
  call(method: Method, path: string, auth: Auth, body?: unknown, o?: CallOptions): Promise<ReplyBody>;
  /** Fetches a JSON endpoint and validates it. */
  get<T>(path: string, auth: Auth, parse: (value: unknown, what: string) => T, o?: CallOptions): Promise<T>;
  /** POSTs a streamed body (multipart firmware) with the same auth policy and one re-login on 401. */
  upload(path: string, auth: Auth, body: UploadBody, o?: CallOptions): Promise<ReplyBody>;
  unlock(o?: CallOptions): Promise<string>;
  forgetToken(): void;
  family(o?: CallOptions): Promise<ApiFamily | null>;
};

export function createVnishTransport(options: VnishClientOptions): VnishTransport {
  const host = options.host;
  const port = options.port ?? 80;
  const key = `${host}:${port}`;
  const tokens: TokenStore = options.tokens ?? new Map<string, string>();
  const agent = options.agent ?? defaultMinerAgent();
  const password = options.password ?? VNISH_DEFAULT_PASSWORD;
  let knownFamily: ApiFamily | null = options.family ?? null;
  let unlocking: Promise<string> | null = null;

  // Errors name the path as it went on the wire, the same as the HTTP layer's own errors (http.ts).
  const fullPath = (path: string): string => `/api/v1${path}`;
  const send = (
    method: Method,
    path: string,
    token: string | undefined,
    body: unknown,
    o: CallOptions,
    upload?: UploadBody,
  ) => {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    const payload =
      upload !== undefined ? { upload } : body === undefined ? {} : { body: JSON.stringify(body) };
    return httpExchange({
      agent,
      host,
      port,
      method,
      path: fullPath(path),
      headers,
      ...payload,
      timeoutMs: o.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(o.signal ? { signal: o.signal } : {}),
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    });
  };

  const doUnlock = async (o: CallOptions): Promise<string> => {
    const what = `unlock @ ${key}`;
    const reply = await send('POST', '/unlock', undefined, { pw: password }, o);
    // 403 = wrong password, 429 = too many attempts (docs/vnish.md §2); both mean "cannot log in".
    if (reply.status === 403) throw new MinerError('auth', `${what}: wrong password`, { status: 403 });
    if (reply.status === 429)
      throw new MinerError('auth', `${what}: too many attempts, try later`, { status: 429 });
    const body = unwrap(interpretReply(reply, what));
    const { token } = unwrap(parseWith(unlockSchema, unwrap(requireJson(body, what)), what));
    tokens.set(key, token);
    return token;
  };

  // One login in flight per rig, shared by concurrent calls. It runs under its own timeout, not one
  // caller's signal, so a cancelled caller does not fail the others; each caller still stops waiting
  // when its own signal fires.
  const unlock = (o: CallOptions = {}): Promise<string> => {
    unlocking ??= doUnlock({ timeoutMs: o.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS }).finally(
      () => {
        unlocking = null;
      },
    );
    return untilAborted(unlocking, o.signal, `unlock @ ${key}`);
  };

  const exchange = async (
    method: Method,
    path: string,
    auth: Auth,
    body: unknown,
    o: CallOptions,
    upload?: UploadBody,
  ): Promise<ReplyBody> => {
    const what = `${method} ${fullPath(path)} @ ${key}`;
    let token = auth === 'none' ? undefined : tokens.get(key);
    if (auth === 'required' && token === undefined) token = await unlock(o);
    let reply: HttpReply = await send(method, path, token, body, o, upload);
    if (reply.status === 401 && auth !== 'none') {
      // The token expired (TTL is a GAP) or the miner rebooted: log in again, once.
      if (token !== undefined && tokens.get(key) === token) tokens.delete(key);
      token = await unlock(o);
      reply = await send(method, path, token, body, o, upload);
    }
    return unwrap(interpretReply(reply, what));
  };
  const call = (method: Method, path: string, auth: Auth, body?: unknown, o: CallOptions = {}) =>
    exchange(method, path, auth, body, o);

  const get = async <T>(
    path: string,
    auth: Auth,
    parse: (value: unknown, what: string) => T,
    o: CallOptions = {},
  ): Promise<T> => {
    const what = `GET ${fullPath(path)} @ ${key}`;
    const body = await call('GET', path, auth, undefined, o);
    return parse(unwrap(requireJson(body, what)), what);
  };

  return {
    host,
    port,
    call,
    get,
    upload: (path, auth, body, o = {}) => exchange('POST', path, auth, undefined, o, body),
    unlock,
    forgetToken: () => tokens.delete(key),
    async family(o = {}) {
      if (knownFamily === null) {
        const info = await get('/info', 'none', (v, w) => unwrap(parseWith(infoSchema, v, w)), o);
        knownFamily = apiFamily(info.fw_version);
      }
      return knownFamily;
    },
  };
}

export type VnishClient = ReturnType<typeof createVnishClient>;

/** Typed read methods; control methods live in control.ts and take the same transport. */
export function createVnishClient(options: VnishClientOptions) {
  const t = createVnishTransport(options);
  let chipsPath: '/chains' | '/boards' | null = null;
  const json =
    <S extends z.ZodType>(schema: S) =>
    (value: unknown, what: string): z.output<S> =>
      unwrap(parseWith(schema, value, what));
  return {
    transport: t,
    host: t.host,
    port: t.port,
    unlock: (o?: CallOptions) => t.unlock(o),
    info: (o?: CallOptions): Promise<Info> => t.get('/info', 'none', json(infoSchema), o),
    model: (o?: CallOptions): Promise<ModelInfo> => t.get('/model', 'none', json(modelSchema), o),
    status: (o?: CallOptions): Promise<Status> => t.get('/status', 'none', json(statusSchema), o),
    /**
     * Auth is optional on /summary; the cached token is sent if there is one (docs/vnish.md §2). Read every poll,
     * so through the schema-equivalent reader rather than zod (read-summary.ts).
     */
    summary: (o?: CallOptions): Promise<Summary> =>
      t.get('/summary', 'optional', (v, what) => unwrap(readSummary(v, what)), o),
    perfSummary: (o?: CallOptions): Promise<PerfSummary> =>
      t.get('/perf-summary', 'none', json(perfSummarySchema), o),
    presets: (o?: CallOptions): Promise<PresetItem[]> =>
      t.get('/autotune/presets', 'required', json(presetsSchema), o),
    factoryInfo: (o?: CallOptions): Promise<FactoryInfo> =>
      t.get('/chains/factory-info', 'none', json(factoryInfoSchema), o),
    /**
     * Per-chip detail: /chains on 1.2.x, /boards on 1.3.x. Which path a given 1.3 build serves is partly
     * a GAP (asic-rs still asks /chains on 1.3.0), and a miner may answer an unknown path with its SPA
     * page instead of a 404 (docs/vnish.md §6), so on 404/405 or a non-JSON reply the other path is tried
     * once, and the one that worked is remembered.
     */
    async chainChips(o?: CallOptions): Promise<ChainChipsItem[]> {
      const family = await t.family(o);
      const first = chipsPath ?? (family === '1.3' ? '/boards' : '/chains');
      const second = first === '/boards' ? '/chains' : '/boards';
      try {
        return await t.get(first, 'none', json(chainChipsSchema), o);
      } catch (error) {
        const retry =
          error instanceof MinerError &&
          (error.status === 404 || error.status === 405 || error.code === 'bad_reply');
        if (!retry) throw error;
        const chips = await t.get(second, 'none', json(chainChipsSchema), o);
        chipsPath = second;
        return chips;
      }
    },
  };
}
