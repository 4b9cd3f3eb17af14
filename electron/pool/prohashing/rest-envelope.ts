/**
 * Turns one HTTP reply from ProHashing's REST API into the envelope's `data`, or a typed PoolError.
 * Pure: the client hands over status, content type and text. Rules from docs/prohashing.md §2.1:
 * - success is `code == 200` and/or `status == "success"` (walletEx replies have been seen without `code`,
 *   status/currencies without `status`, so either one is enough, and neither may contradict success);
 * - clients read the body's `code`, not the HTTP status (a bad key arrives as HTTP 200 or 400);
 * - an HTML page can arrive instead of JSON and must become an error, never a crash.
 */
import { type RestEndpoint } from '../../../shared/pool';
import { PoolError } from './errors';
import { isRecord, looseNumber, looseString } from './loose';

export type RawReply = {
  endpoint: RestEndpoint;
  status: number;
  contentType: string | null;
  text: string;
  retryAfter: string | null;
};

const ACCOUNT_ENDPOINTS: readonly RestEndpoint[] = ['wallet', 'walletEx'];

/**
 * Decided by the body, as S10 does (`<!DOCTYPE html>`), not by Content-Type: PHP-style servers often label
 * JSON text/html, and JSON never starts with '<'.
 */
export function looksLikeHtml(text: string): boolean {
  return text.trimStart().startsWith('<');
}

function retryAfterSec(header: string | null): number | undefined {
  const n = header === null ? null : looseNumber(header);
  return n !== null && n >= 0 ? n : undefined;
}

/** The reply's `data`, or throws PoolError. */
export function decodeReply(r: RawReply): unknown {
  const where = `ProHashing ${r.endpoint}`;
  if (r.status === 429) {
    const sec = retryAfterSec(r.retryAfter);
    throw new PoolError('rate_limited', `${where}: rate limited (HTTP 429)`, {
      status: r.status,
      ...(sec !== undefined ? { retryAfterSec: sec } : {}),
    });
  }
  if (looksLikeHtml(r.text)) {
    throw new PoolError('html', `${where}: the pool sent an HTML page instead of JSON (HTTP ${r.status})`, {
      status: r.status,
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(r.text);
  } catch (cause) {
    const code = r.status >= 400 ? 'http' : 'bad_reply';
    throw new PoolError(code, `${where}: the reply is not JSON (HTTP ${r.status})`, {
      status: r.status,
      cause,
    });
  }
  if (!isRecord(body))
    throw new PoolError('bad_reply', `${where}: the reply is not a JSON object`, { status: r.status });
  return unwrapEnvelope(r.endpoint, r.status, body);
}

function unwrapEnvelope(endpoint: RestEndpoint, httpStatus: number, body: Record<string, unknown>): unknown {
  const where = `ProHashing ${endpoint}`;
  const code = looseNumber(body['code']);
  const status = looseString(body['status']);
  if (code === null && status === null) {
    const kind = httpStatus >= 400 ? 'http' : 'bad_reply';
    throw new PoolError(kind, `${where}: the reply has no {status, code} envelope (HTTP ${httpStatus})`, {
      status: httpStatus,
    });
  }
  const failed = (code !== null && code !== 200) || (status !== null && status.toLowerCase() !== 'success');
  if (failed) {
    const message = looseString(body['message']) ?? looseString(body['error']) ?? looseString(body['msg']);
    const details = { status: httpStatus, ...(message !== null ? { poolMessage: message } : {}) };
    const said = message !== null ? `: ${message}` : '';
    // The bad-key reply is code 400 (docs/prohashing.md §2.1); its text is a GAP, so the code alone decides on
    // account endpoints and a message naming the key decides anywhere.
    const keyRefused =
      (code === 400 && ACCOUNT_ENDPOINTS.includes(endpoint)) ||
      (message !== null && /api\s*key/i.test(message));
    if (keyRefused) throw new PoolError('auth', `${where}: the API key was refused${said}`, details);
    throw new PoolError(
      'pool_error',
      `${where}: the pool reported an error (code ${code ?? '?'})${said}`,
      details,
    );
  }
  if (!('data' in body) || body['data'] === null || body['data'] === undefined) {
    throw new PoolError('bad_reply', `${where}: the reply has no data`, { status: httpStatus });
  }
  return body['data'];
}
