/**
 * One error type for everything that can go wrong talking to ProHashing, so the poller, the live client and
 * the UI switch on a code (shared/pool.ts) instead of parsing messages or catching fetch/socket errors.
 * Messages never contain the API key: it travels in the query string and in WAMP topic names.
 */
import { type PoolErrorCode } from '../../../shared/pool';
import { CodedError } from '../../coded-error';

export type PoolErrorDetails = {
  /** HTTP status when there was one. */
  status?: number;
  /** The pool's own words (the envelope's message), verbatim. */
  poolMessage?: string;
  /** Seconds from a Retry-After header. */
  retryAfterSec?: number;
  cause?: unknown;
};

export class PoolError extends CodedError<PoolErrorCode> {
  readonly poolMessage: string | undefined;
  readonly retryAfterSec: number | undefined;

  constructor(code: PoolErrorCode, message: string, details: PoolErrorDetails = {}) {
    super('PoolError', code, message, details);
    this.poolMessage = details.poolMessage;
    this.retryAfterSec = details.retryAfterSec;
  }
}

export function isPoolError(value: unknown): value is PoolError {
  return value instanceof PoolError;
}

/** Replaces every occurrence of the key so no log line or UI message ever shows it. */
export function redact(text: string, secret: string): string {
  return secret.length === 0 ? text : text.split(secret).join('<apiKey>');
}

/** Anything thrown into a PoolError; `fallback` is the code for errors we did not make ourselves. */
export function toPoolError(error: unknown, fallback: PoolErrorCode, secret: string): PoolError {
  if (isPoolError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PoolError(fallback, redact(message, secret), { cause: error });
}
