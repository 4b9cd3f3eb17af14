/**
 * One error type for everything that can go wrong talking to a miner, so callers (collector,
 * discovery, control) switch on a code instead of parsing messages or catching Node errors.
 */
import { CodedError } from '../coded-error';

export const minerErrorCodes = [
  /** Nothing answered: connection refused, host/network unreachable, reset before a reply. */
  'unreachable',
  /** The deadline of the request passed (connect, send or reply). */
  'timeout',
  /** The caller's AbortSignal fired. Kept apart from timeout so a cancelled scan is not reported as a slow miner. */
  'aborted',
  /** Wrong password, or still 401 after one re-unlock, or 429 on unlock. */
  'auth',
  /** An HTTP status the client does not expect (404, 500 without an {err} body, …). */
  'http',
  /** The reply could not be understood: not JSON, HTML, wrong shape, too large. */
  'bad_reply',
  /** The miner understood and refused: an {"err": …} body or an RPC STATUS of E/F. */
  'miner_error',
] as const;
export type MinerErrorCode = (typeof minerErrorCodes)[number];

export type MinerErrorDetails = {
  /** HTTP status when there was one. */
  status?: number;
  /** The miner's own words ({"err"} text, RPC Msg) verbatim, for display and logs. */
  minerMessage?: string;
  /** RPC STATUS Code, when the error came from a cgminer envelope. */
  rpcCode?: number;
  cause?: unknown;
};

export class MinerError extends CodedError<MinerErrorCode> {
  readonly minerMessage: string | undefined;
  readonly rpcCode: number | undefined;

  constructor(code: MinerErrorCode, message: string, details: MinerErrorDetails = {}) {
    super('MinerError', code, message, details);
    this.minerMessage = details.minerMessage;
    this.rpcCode = details.rpcCode;
  }
}

export function isMinerError(value: unknown): value is MinerError {
  return value instanceof MinerError;
}

/** Maps a Node socket error to our codes; anything unrecognised is "unreachable" (we never got a reply). */
export function fromSocketError(error: unknown, what: string): MinerError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ETIMEDOUT')
    return new MinerError('timeout', `${what}: timed out (${detail})`, { cause: error });
  return new MinerError('unreachable', `${what}: ${detail}`, { cause: error });
}
