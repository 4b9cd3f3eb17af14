/**
 * The one shape of a connector's error (a miner, the pool): a code callers switch on instead of parsing
 * messages or catching Node and fetch errors, the HTTP status when there was one, and the cause kept for logs.
 */
export type CodedErrorDetails = { status?: number; cause?: unknown };

export class CodedError<Code extends string> extends Error {
  readonly code: Code;
  readonly status: number | undefined;

  constructor(name: string, code: Code, message: string, details: CodedErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = name;
    this.code = code;
    this.status = details.status;
  }
}
