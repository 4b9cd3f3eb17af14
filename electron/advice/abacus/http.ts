/**
 * One Abacus.AI call (docs/abacus.md §1, §2, §6): POST `{base}/api/v0/{method}` with the ids and token in the
 * query string and the arguments as JSON, a timeout, and the reply read as the documented envelope. Every
 * failure becomes a typed value with a message fit for the page; a token never appears in one.
 */
import type { AbacusErrorKind } from '../../../shared/abacus';
import { retryAfterMs } from './backoff';

export type CallRequest = {
  base: string;
  method: string;
  verb?: 'GET' | 'POST';
  query: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
};

export type CallFailure = {
  kind: AbacusErrorKind;
  message: string;
  status: number | null;
  requestId: string | null;
  /** From a 429's Retry-After header. */
  retryAfterMs: number | null;
};

export type CallResult =
  { ok: true; result: unknown; requestId: string | null } | { ok: false; failure: CallFailure };

export type HttpDeps = { fetch: typeof fetch; now(): number };

const MAX_REPLY_BYTES = 8 * 1024 * 1024;

export function apiUrl(base: string, method: string, query: Record<string, string>): string {
  const url = new URL(`${base.replace(/\/+$/, '')}/api/v0/${method}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}

/** Hides every secret value in a text (the server may echo a token back in an error message). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

const envelopeOf = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { success?: unknown }).success === 'boolean'
    ? (v as Record<string, unknown>)
    : null;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The kind of an HTTP failure: decides whether it is retried and whether the breaker counts it. */
export function failureKind(status: number, errorType: string | null): AbacusErrorKind {
  if (status === 429 || errorType === 'TooManyRequestsError') return 'rate-limited';
  if (status >= 500 || status === 408) return 'unavailable';
  if (status === 401 || status === 403 || status === 404) return 'config';
  return 'rejected';
}

const CONFIG_HINT: Record<number, string> = {
  401: 'check the token',
  403: 'check the token',
  404: 'check the id',
};

export async function callAbacus(
  req: CallRequest,
  deps: HttpDeps,
  secrets: readonly string[],
): Promise<CallResult> {
  const fail = (f: Omit<CallFailure, 'message'> & { message: string }): CallResult => ({
    ok: false,
    failure: { ...f, message: redact(`${req.method}: ${f.message}`, secrets) },
  });
  let res: Response;
  try {
    res = await deps.fetch(apiUrl(req.base, req.method, req.query), {
      method: req.verb ?? 'POST',
      headers: {
        accept: 'application/json',
        ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
      signal: AbortSignal.timeout(req.timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : null;
    return fail({
      kind: 'unavailable',
      message: timedOut
        ? `no answer within ${Math.round(req.timeoutMs / 1000)} s`
        : `cannot reach Abacus.AI (${cause ?? (err instanceof Error ? err.message : String(err))})`,
      status: null,
      requestId: null,
      retryAfterMs: null,
    });
  }
  const headerId = res.headers.get('x-request-id');
  let text: string;
  try {
    text = await res.text();
  } catch {
    return fail({
      kind: 'unavailable',
      message: 'the reply was cut off',
      status: res.status,
      requestId: headerId,
      retryAfterMs: null,
    });
  }
  let parsed: unknown = undefined;
  if (text.length <= MAX_REPLY_BYTES) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  const env = envelopeOf(parsed);
  const requestId = str(env?.['requestId']) ?? headerId;
  if (!res.ok) {
    const errorType = str(env?.['errorType']);
    const kind = failureKind(res.status, errorType);
    const said = str(env?.['error']) ?? (text.trim() === '' ? res.statusText : text.trim().slice(0, 200));
    const hint = kind === 'config' ? ` (${CONFIG_HINT[res.status] ?? 'check the settings'})` : '';
    return fail({
      kind,
      message: `HTTP ${res.status}${errorType ? ` ${errorType}` : ''}: ${said}${hint}`,
      status: res.status,
      requestId,
      retryAfterMs: kind === 'rate-limited' ? retryAfterMs(res.headers.get('retry-after'), deps.now()) : null,
    });
  }
  if (!env)
    return fail({
      kind: 'malformed',
      message:
        parsed === undefined
          ? 'the reply is not JSON'
          : 'the reply is not the Abacus.AI envelope ({success, result, …})',
      status: res.status,
      requestId,
      retryAfterMs: null,
    });
  if (env['success'] !== true) {
    const errorType = str(env['errorType']);
    return fail({
      kind: errorType === 'TooManyRequestsError' ? 'rate-limited' : 'rejected',
      message: `${errorType ?? 'error'}: ${str(env['error']) ?? 'Abacus.AI said it failed, without a reason'}`,
      status: res.status,
      requestId,
      retryAfterMs: null,
    });
  }
  return { ok: true, result: env['result'] ?? null, requestId };
}
